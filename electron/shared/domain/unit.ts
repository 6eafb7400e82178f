import { z } from 'zod';
import { GeoPoint, Timestamp } from './incident';

export const UNIT_STATUSES = ['available', 'dispatched', 'en_route', 'on_scene', 'returning', 'off_duty'] as const;
export const UnitStatus = z.enum(UNIT_STATUSES);
export type UnitStatus = z.infer<typeof UnitStatus>;

export const UNIT_KINDS = ['police', 'traffic', 'fire', 'ambulance', 'city_management', 'emergency'] as const;
export const UnitKind = z.enum(UNIT_KINDS);
export type UnitKind = z.infer<typeof UnitKind>;

export const Unit = z.object({
  id: z.string(),
  callsign: z.string(),
  kind: UnitKind,
  status: UnitStatus,
  location: GeoPoint.nullable(),
  statusSince: Timestamp,
  /** The open incident this unit is assigned to, if any. */
  incidentId: z.string().nullable(),
  rowVersion: z.number().int().positive(),
});
export type Unit = z.infer<typeof Unit>;
