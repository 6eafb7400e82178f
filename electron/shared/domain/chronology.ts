import { z } from 'zod';
import { IncidentStatus, Timestamp } from './incident';

/** One line of an incident's chronology, as a window shows it. */
export const ChronologyEntry = z.object({
  id: z.string(),
  incidentId: z.string(),
  kind: z.enum(['created', 'status', 'note', 'assign', 'release', 'conflict', 'plan_step', 'merge']),
  /** Status from/to, note text, unit id and callsign, conflict fields: by kind. */
  detail: z.object({
    from: IncidentStatus.optional(),
    to: IncidentStatus.optional(),
    text: z.string().optional(),
    unitId: z.string().optional(),
    callsign: z.string().optional(),
    field: z.string().optional(),
    kept: z.string().optional(),
    discarded: z.string().optional(),
    /** Plan steps: done, or deliberately skipped (flagged to the operator). */
    outcome: z.enum(['done', 'skipped']).optional(),
  }),
  operatorName: z.string(),
  workstationId: z.string(),
  at: Timestamp,
  /** Waiting in this workstation's outbox: not yet confirmed by the hub. */
  pending: z.boolean(),
});
export type ChronologyEntry = z.infer<typeof ChronologyEntry>;

/** An operator action the hub refused: shown until acknowledged, never silently dropped. */
export const Rejection = z.object({
  mutationId: z.string(),
  kind: z.string(),
  incidentId: z.string().nullable(),
  reason: z.string(),
  /** Operator-readable summary of what was attempted (address, status change…). */
  summary: z.string(),
  at: Timestamp,
});
export type Rejection = z.infer<typeof Rejection>;
