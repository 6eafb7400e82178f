import { z } from 'zod';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

/** `wall` is the wall's control view; `wall-output`: a page drawing the video wall (one monitor's output, or the whole wall), with no console around it. */
export const WINDOW_ROLES = ['console', 'map', 'video', 'wall', 'wall-output'] as const;
export const WindowRole = z.enum(WINDOW_ROLES);
export type WindowRole = z.infer<typeof WindowRole>;

/** Who acts and where: stamped on every chronology event and audit row. */
export const Actor = z.object({
  operatorId: z.string().min(1),
  operatorName: z.string().min(1),
  workstationId: z.string().min(1),
});
export type Actor = z.infer<typeof Actor>;
