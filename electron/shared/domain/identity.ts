import { z } from 'zod';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

/** 'wall' is the wall's control view; 'wall-output' is what a wall controller output shows (?role=wall-output&monitor=…). */
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
