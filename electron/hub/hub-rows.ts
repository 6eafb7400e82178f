// Hub table rows ⇄ wire forms, in one place so the snapshot and the change log agree.
import type { DroneWire, PlanWire, AssignmentWire, ConflictWire, EventWire, IncidentWire, UnitWire, VideoPointWire } from '../shared/sync/protocol';

export interface IncidentRow {
  id: string; type: string; priority: number; status: string; lat: number; lon: number; address: string;
  district: string; summary: string; exercise: number; created_at: number; updated_at: number; closed_at: number | null; row_version: number;
}
export const incidentWire = (r: IncidentRow): IncidentWire => ({
  id: r.id,
  type: r.type as IncidentWire['type'],
  priority: r.priority,
  status: r.status as IncidentWire['status'],
  location: { lat: r.lat, lon: r.lon },
  address: r.address,
  district: r.district,
  summary: r.summary,
  exercise: r.exercise === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  closedAt: r.closed_at,
  rowVersion: r.row_version,
});

export interface EventRow {
  id: string; incident_id: string; kind: string; payload: string; operator_id: string; operator_name: string; workstation_id: string; at: number; seq: number;
}
export const eventWire = (r: EventRow): EventWire => ({
  id: r.id,
  incidentId: r.incident_id,
  kind: r.kind as EventWire['kind'],
  payload: JSON.parse(r.payload) as Record<string, unknown>,
  operatorId: r.operator_id,
  operatorName: r.operator_name,
  workstationId: r.workstation_id,
  at: r.at,
  seq: r.seq,
});

export interface AssignmentRow { key: string; incident_id: string; unit_id: string; assigned_at: number; released_at: number | null }
export const assignmentWire = (r: AssignmentRow): AssignmentWire => ({ incidentId: r.incident_id, unitId: r.unit_id, assignedAt: r.assigned_at, releasedAt: r.released_at });
export const assignmentKey = (a: { incidentId: string; unitId: string; assignedAt: number }) => `${a.incidentId}|${a.unitId}|${a.assignedAt}`;

export interface UnitRow {
  id: string; callsign: string; kind: string; status: string; lat: number | null; lon: number | null; status_since: number; updated_at: number; row_version: number;
}
export const unitWire = (r: UnitRow): UnitWire => ({
  id: r.id,
  callsign: r.callsign,
  kind: r.kind as UnitWire['kind'],
  status: r.status as UnitWire['status'],
  location: r.lat === null || r.lon === null ? null : { lat: r.lat, lon: r.lon },
  statusSince: r.status_since,
  updatedAt: r.updated_at,
  rowVersion: r.row_version,
});

export interface ConflictRow {
  id: string; incident_id: string; field: string; kept: string; discarded: string; operator_name: string; workstation_id: string; at: number; seq: number;
}
export const conflictWire = (r: ConflictRow): ConflictWire => ({
  id: r.id,
  incidentId: r.incident_id,
  field: r.field as ConflictWire['field'],
  kept: r.kept,
  discarded: r.discarded,
  operatorName: r.operator_name,
  workstationId: r.workstation_id,
  at: r.at,
  seq: r.seq,
});

export interface VideoPointRow {
  id: string; name: string; lat: number; lon: number; heading_deg: number | null; fov_deg: number | null; range_m: number | null;
  main_url: string | null; sub_url: string | null; codec: string; ptz: number; department: string; district: string; online: number; updated_at: number; row_version: number;
}
export const videoPointWire = (r: VideoPointRow): VideoPointWire => ({
  id: r.id,
  name: r.name,
  location: { lat: r.lat, lon: r.lon },
  headingDeg: r.heading_deg,
  fovDeg: r.fov_deg,
  rangeM: r.range_m,
  mainUrl: r.main_url,
  subUrl: r.sub_url,
  codec: r.codec as VideoPointWire['codec'],
  ptz: r.ptz === 1,
  department: r.department,
  district: r.district,
  online: r.online === 1,
  updatedAt: r.updated_at,
  rowVersion: r.row_version,
});

export interface PlanRow { id: string; incident_type: string; name: string; version: number; steps: string; updated_at: number }
export const planWire = (r: PlanRow): PlanWire => ({
  id: r.id,
  incidentType: r.incident_type as PlanWire['incidentType'],
  name: r.name,
  version: r.version,
  steps: JSON.parse(r.steps) as PlanWire['steps'],
  updatedAt: r.updated_at,
});

export interface DroneRow {
  id: string; callsign: string; model: string; stream_url: string | null; codec: string; telemetry: string; updated_at: number; row_version: number;
  username: string | null; secret: string | null;
}
/** A row of the drones_wire view (the record and its credentials). */
export const droneWire = (r: DroneRow): DroneWire => ({
  id: r.id,
  callsign: r.callsign,
  model: r.model,
  streamUrl: r.stream_url,
  codec: r.codec as DroneWire['codec'],
  telemetry: r.telemetry as DroneWire['telemetry'],
  credentials: r.username !== null && r.secret !== null ? { username: r.username, password: r.secret } : null,
  updatedAt: r.updated_at,
  rowVersion: r.row_version,
});
