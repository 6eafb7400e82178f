import { z } from 'zod';
import { Timestamp } from './incident';

/** The response plan (预案) of one incident, with where the operator has got to. */
export const IncidentPlan = z.object({
  id: z.string(),
  name: z.string(),
  version: z.number().int().positive(),
  steps: z.array(
    z.object({
      ordinal: z.number().int().min(1),
      text: z.string(),
      required: z.boolean(),
      state: z.enum(['open', 'done', 'skipped']),
      /** Recorded here and not yet confirmed by the hub. */
      pending: z.boolean(),
      at: Timestamp.nullable(),
      operatorName: z.string().nullable(),
    }),
  ),
});
export type IncidentPlan = z.infer<typeof IncidentPlan>;
