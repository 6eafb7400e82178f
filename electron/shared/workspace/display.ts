// A display (monitor) as the workspace sees it, wherever the description came from: Electron's
// screen module, the browser's Window Management API, or the `--displays` file.
import { z } from 'zod';
import { contains, Rect } from './rect';

export const MAX_DISPLAYS = 16;

export const Display = z
  .object({
    /** Stable for as long as the system keeps it (Electron's id is not kept across reboots everywhere). */
    id: z.string().trim().min(1).max(100),
    /** The monitor's name where the system gives one; may be empty. */
    label: z.string().max(100),
    bounds: Rect,
    /** The part windows may use: the bounds less task bars and docks. */
    workArea: Rect,
    scaleFactor: z.number().min(0.25).max(8),
    primary: z.boolean(),
  })
  .strict()
  .refine((d) => contains(d.bounds, d.workArea), { message: 'workArea must lie within bounds', path: ['workArea'] });
export type Display = z.infer<typeof Display>;

/** Checks a list as a whole: distinct ids, at most one primary display. */
function listProblems(list: readonly { id: string; primary: boolean }[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  list.forEach((d, i) => {
    if (seen.has(d.id)) ctx.addIssue({ code: 'custom', message: `display id "${d.id}" is used twice`, path: [i, 'id'] });
    seen.add(d.id);
  });
  if (list.filter((d) => d.primary).length > 1) ctx.addIssue({ code: 'custom', message: 'more than one display is primary' });
}

export const DisplayList = z.array(Display).min(1).max(MAX_DISPLAYS).superRefine(listProblems);

/**
 * One display in a `--displays` file: the work area defaults to the whole display, the scale
 * to 1, and when no display says it is primary the first one is.
 */
export const DisplayConfig = z
  .object({
    id: z.string().trim().min(1).max(100),
    label: z.string().max(100).default(''),
    bounds: Rect,
    workArea: Rect.optional(),
    scaleFactor: z.number().min(0.25).max(8).default(1),
    primary: z.boolean().default(false),
  })
  .strict()
  .refine((d) => !d.workArea || contains(d.bounds, d.workArea), { message: 'workArea must lie within bounds', path: ['workArea'] });

export const DisplayConfigList = z
  .array(DisplayConfig)
  .min(1)
  .max(MAX_DISPLAYS)
  .superRefine(listProblems)
  .transform((list): Display[] => {
    const anyPrimary = list.some((d) => d.primary);
    return list.map((d, i) => ({ ...d, workArea: d.workArea ?? d.bounds, primary: anyPrimary ? d.primary : i === 0 }));
  });

/** The primary display, or the first when none says so. */
export function primaryOf<D extends { primary: boolean }>(displays: readonly D[]): D | undefined {
  return displays.find((d) => d.primary) ?? displays[0];
}
