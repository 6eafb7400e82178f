import { z } from 'zod';

/** One row of the workstation's audit log: who did what, where and when. */
export const AuditRow = z.object({
  id: z.number().int(),
  at: z.number().int(),
  operatorId: z.string(),
  operatorName: z.string(),
  workstationId: z.string(),
  action: z.string(),
  targetKind: z.string().nullable(),
  targetId: z.string().nullable(),
  /** JSON text as stored; never holds a password or token. */
  details: z.string(),
});
export type AuditRow = z.infer<typeof AuditRow>;

export const AuditFilter = z
  .object({
    /** Part of the operator's name or id. */
    operator: z.string().trim().max(64).optional(),
    /** Part of the action name, e.g. `incident.` or `access.forbidden`. */
    action: z.string().trim().max(64).optional(),
    from: z.number().int().nonnegative().optional(),
    to: z.number().int().nonnegative().optional(),
  })
  .strict();
export type AuditFilter = z.infer<typeof AuditFilter>;

export const AUDIT_EXPORT_MAX_ROWS = 100_000;
