// Canonical dumps of the synced data, hub side and workstation side, in the wire forms, so the
// fault suite can compare databases exactly.
import type { Database } from 'better-sqlite3';

const sorted = <T>(rows: T[], key: (r: T) => string) => [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

export function dumpHub(db: Database): unknown {
  return {
    incidents: db.prepare('SELECT id, type, priority, status, lat, lon, address, district, summary, exercise, created_at, updated_at, closed_at, row_version FROM incidents ORDER BY id').all(),
    events: db.prepare('SELECT id, incident_id, kind, payload, operator_id, operator_name, workstation_id, at, seq FROM events ORDER BY id').all(),
    assignments: sorted(db.prepare('SELECT incident_id, unit_id, assigned_at, released_at FROM assignments').all() as { incident_id: string; unit_id: string; assigned_at: number }[], (r) => `${r.incident_id}|${r.unit_id}|${r.assigned_at}`),
    units: db.prepare('SELECT id, callsign, kind, status, lat, lon, status_since, updated_at, row_version FROM units ORDER BY id').all(),
    conflicts: db.prepare('SELECT id, incident_id, field, kept, discarded, operator_name, workstation_id, at, seq FROM conflicts ORDER BY id').all(),
    videoPoints: db.prepare('SELECT id, name, lat, lon, heading_deg, fov_deg, range_m, main_url, sub_url, codec, ptz, department, district, online, updated_at, row_version FROM video_points ORDER BY id').all(),
    plans: (db.prepare('SELECT id, incident_type, name, version, steps FROM plans ORDER BY id').all() as { id: string; incident_type: string; name: string; version: number; steps: string }[]).map((p) => ({
      ...p,
      steps: (JSON.parse(p.steps) as { ordinal: number; text: string; required: boolean }[]).map((s) => ({ ordinal: s.ordinal, text: s.text, required: s.required })),
    })),
  };
}

export function dumpWorkstation(db: Database): unknown {
  return {
    incidents: db.prepare('SELECT id, type, priority, status, lat, lon, address, district, summary, exercise, created_at, updated_at, closed_at, row_version FROM incidents ORDER BY id').all(),
    events: db.prepare('SELECT id, incident_id, kind, payload, operator_id, operator_name, workstation_id, at, seq FROM incident_events ORDER BY id').all(),
    assignments: sorted(db.prepare('SELECT incident_id, unit_id, assigned_at, released_at FROM incident_units').all() as { incident_id: string; unit_id: string; assigned_at: number }[], (r) => `${r.incident_id}|${r.unit_id}|${r.assigned_at}`),
    units: db.prepare('SELECT id, callsign, kind, status, lat, lon, status_since, updated_at, row_version FROM units ORDER BY id').all(),
    conflicts: db.prepare('SELECT id, incident_id, field, kept, discarded, operator_name, workstation_id, at, seq FROM sync_conflicts ORDER BY id').all(),
    videoPoints: db.prepare('SELECT id, name, lat, lon, heading_deg, fov_deg, range_m, main_url, sub_url, codec, ptz, department, district, online, updated_at, row_version FROM video_points ORDER BY id').all(),
    plans: (db.prepare('SELECT id, incident_type, name, version FROM plans ORDER BY id').all() as { id: string }[]).map((p) => ({
      ...p,
      steps: (db.prepare('SELECT ordinal, text, required FROM plan_steps WHERE plan_id = ? ORDER BY ordinal').all(p.id) as { ordinal: number; text: string; required: number }[]).map((s) => ({ ordinal: s.ordinal, text: s.text, required: s.required === 1 })),
    })),
  };
}
