// A tour as it is being edited, and what stops it from being saved. Pure.
import type { SlotRef, Tour, TourStep } from '../../../electron/shared/wall';

export type TourDraft = { id: string; name: string; slot: SlotRef | null; steps: TourStep[]; dwellSeconds: number };
export type TourProblem = 'name' | 'steps' | 'dwell' | 'slot';

export const MIN_DWELL_SECONDS = 5;
export const MAX_DWELL_SECONDS = 3600;

export function newTourDraft(id: string): TourDraft {
  return { id, name: '', slot: null, steps: [], dwellSeconds: 15 };
}

export function draftOfTour(tour: Tour): TourDraft {
  return { id: tour.id, name: tour.name, slot: tour.slot, steps: [...tour.steps], dwellSeconds: tour.dwellSeconds };
}

export function tourProblems(d: TourDraft): TourProblem[] {
  const out: TourProblem[] = [];
  if (!d.name.trim() || d.name.trim().length > 80) out.push('name');
  if (d.steps.length === 0 || d.steps.length > 200) out.push('steps');
  if (!Number.isInteger(d.dwellSeconds) || d.dwellSeconds < MIN_DWELL_SECONDS || d.dwellSeconds > MAX_DWELL_SECONDS) out.push('dwell');
  // Cameras need a window to show in; presets replace the whole wall.
  if (!d.slot && d.steps.some((s) => s.kind === 'camera')) out.push('slot');
  return out;
}

export function tourOfDraft(d: TourDraft): Tour {
  return { id: d.id, name: d.name.trim(), slot: d.slot, steps: d.steps, dwellSeconds: d.dwellSeconds };
}

/** The steps with step i moved by delta places (kept within the list). */
export function moveStep<T>(steps: readonly T[], i: number, delta: number): T[] {
  const j = Math.min(Math.max(i + delta, 0), steps.length - 1);
  if (i < 0 || i >= steps.length || i === j) return [...steps];
  const out = [...steps];
  const [s] = out.splice(i, 1);
  out.splice(j, 0, s!);
  return out;
}
