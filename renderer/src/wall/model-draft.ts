// The installer's form for the physical wall: one monitor type for all (resolution, picture size,
// bezels), and per monitor whether its output is there and how it is turned. Pure.
import type { Monitor, Wall } from '../../../electron/shared/wall';
import { WALL_LIMITS } from '../../../electron/shared/wall';

export type Rotation = Monitor['rotation'];
export const ROTATIONS: readonly Rotation[] = [0, 90, 180, 270];

export type ModelDraft = {
  rows: number;
  columns: number;
  resolution: Monitor['resolution'];
  activeSize: Monitor['activeSize'];
  bezel: Monitor['bezel'];
  /** By "row,column" (0-based); monitors the draft has no entry for are present and upright. */
  monitors: Record<string, { present: boolean; rotation: Rotation }>;
};

const at = (row: number, column: number) => `${row},${column}`;

export function draftOfModel(wall: Wall): ModelDraft {
  const first = wall.monitors[0]!;
  const monitors: ModelDraft['monitors'] = {};
  wall.monitors.forEach((m, i) => (monitors[at(Math.floor(i / wall.columns), i % wall.columns)] = { present: m.present, rotation: m.rotation }));
  return { rows: wall.rows, columns: wall.columns, resolution: { ...first.resolution }, activeSize: { ...first.activeSize }, bezel: { ...first.bezel }, monitors };
}

export function monitorSettings(d: ModelDraft, row: number, column: number): { present: boolean; rotation: Rotation } {
  return d.monitors[at(row, column)] ?? { present: true, rotation: 0 };
}

export function withMonitor(d: ModelDraft, row: number, column: number, patch: Partial<{ present: boolean; rotation: Rotation }>): ModelDraft {
  return { ...d, monitors: { ...d.monitors, [at(row, column)]: { ...monitorSettings(d, row, column), ...patch } } };
}

export function nextRotation(r: Rotation): Rotation {
  return ROTATIONS[(ROTATIONS.indexOf(r) + 1) % ROTATIONS.length]!;
}

export function modelOfDraft(d: ModelDraft): Wall {
  const monitors = Array.from({ length: d.rows * d.columns }, (_, i): Monitor => ({
    resolution: { ...d.resolution },
    activeSize: { ...d.activeSize },
    bezel: { ...d.bezel },
    ...monitorSettings(d, Math.floor(i / d.columns), i % d.columns),
  }));
  return { rows: d.rows, columns: d.columns, monitors };
}

export type ModelProblem = 'rows' | 'columns' | 'resolution' | 'activeSize' | 'bezel';

/** Fields out of range, by name, checked before sending (main checks again). */
export function modelProblems(d: ModelDraft): ModelProblem[] {
  const out: ModelProblem[] = [];
  const side = (n: number) => Number.isInteger(n) && n >= 1 && n <= WALL_LIMITS.gridSide;
  const px = (n: number) => Number.isInteger(n) && n >= 1 && n <= WALL_LIMITS.pixels;
  const mm = (n: number, positive: boolean) => Number.isFinite(n) && (positive ? n > 0 : n >= 0) && n <= WALL_LIMITS.millimetres;
  if (!side(d.rows)) out.push('rows');
  if (!side(d.columns)) out.push('columns');
  if (!px(d.resolution.width) || !px(d.resolution.height)) out.push('resolution');
  if (!mm(d.activeSize.width, true) || !mm(d.activeSize.height, true)) out.push('activeSize');
  if (![d.bezel.top, d.bezel.right, d.bezel.bottom, d.bezel.left].every((b) => mm(b, false))) out.push('bezel');
  return out;
}

/** Whether every monitor has the same size and bezels (otherwise the uniform form would overwrite differences). */
export function isUniform(wall: Wall): boolean {
  const key = (m: Monitor) => JSON.stringify([m.resolution, m.activeSize, m.bezel]);
  return wall.monitors.every((m) => key(m) === key(wall.monitors[0]!));
}
