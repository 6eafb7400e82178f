// Incident vocabulary shared by every part. Pure: no Node, no DOM, no Electron.
import { z } from 'zod';

export const INCIDENT_TYPES = [
  'traffic_accident',
  'fire',
  'public_security',
  'road_occupation',
  'illegal_parking',
  'flooding',
  'medical',
  'hazardous_material',
  'other',
] as const;
export const IncidentType = z.enum(INCIDENT_TYPES);
export type IncidentType = z.infer<typeof IncidentType>;

export const INCIDENT_STATUSES = ['new', 'dispatched', 'en_route', 'on_scene', 'closed', 'cancelled'] as const;
export const IncidentStatus = z.enum(INCIDENT_STATUSES);
export type IncidentStatus = z.infer<typeof IncidentStatus>;

/** 1 is the most urgent. Four levels, as in the city's 一级–四级 response grading. */
export const Priority = z.number().int().min(1).max(4);
export type Priority = z.infer<typeof Priority>;

/** WGS-84, degrees. Storage never holds GCJ-02 or BD-09. */
export const GeoPoint = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});
export type GeoPoint = z.infer<typeof GeoPoint>;

/** Epoch milliseconds, UTC. Display formatting happens in the renderer's locale. */
export const Timestamp = z.number().int().nonnegative();

export const Incident = z.object({
  id: z.string(),
  type: IncidentType,
  priority: Priority,
  status: IncidentStatus,
  location: GeoPoint,
  address: z.string(),
  district: z.string(),
  summary: z.string(),
  exercise: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  rowVersion: z.number().int().positive(),
  /** Changed on this workstation and not yet confirmed by the hub (waiting in the outbox). */
  pending: z.boolean(),
});
export type Incident = z.infer<typeof Incident>;

const trimmed = (max: number) => z.string().trim().min(1).max(max);

/** What an operator supplies to open an incident; everything else is assigned in main. */
export const NewIncident = z.object({
  type: IncidentType,
  priority: Priority,
  location: GeoPoint,
  address: trimmed(200),
  district: z.string().trim().max(60).default(''),
  summary: z.string().trim().max(2000).default(''),
  exercise: z.boolean().default(false),
});
export type NewIncident = z.infer<typeof NewIncident>;
