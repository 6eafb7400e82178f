import type { Priority } from '../../../electron/shared/domain/incident';

/** Translation key of a priority; the contract guarantees 1–4. */
export const priorityKey = (p: Priority) => `priority.p${p as 1 | 2 | 3 | 4}` as const;
