// The wall a workstation starts with before an installer describes its own: a 3 × 4 splice wall
// of 55-inch 1080p LCD panels with a 3.5 mm seam, each monitor one whole cell, ready to show.
import { monitorSplitId, uniformWall, type Wall, type WallLayout } from '../../shared/wall';
import type { AlarmRoute } from '../../shared/wall';

export const DEFAULT_MODEL: Wall = uniformWall(3, 4, {
  resolution: { width: 1920, height: 1080 },
  activeSize: { width: 1209.6, height: 680.4 },
  bezel: { top: 1.75, right: 1.75, bottom: 1.75, left: 1.75 },
  rotation: 0,
  present: true,
});

/** Monitor cells are named as installers label monitors: m-r1c1 is the top-left one. */
export function monitorCellId(row: number, column: number): string {
  return monitorSplitId({ row, column });
}

export function defaultLayout(model: Wall): WallLayout {
  const splits = Array.from({ length: model.rows * model.columns }, (_, i) => {
    const row = Math.floor(i / model.columns), column = i % model.columns;
    return { id: monitorCellId(row, column), monitor: { row, column }, rows: 1, columns: 1 };
  });
  return { splits, windows: [] };
}

/** Off until a supervisor chooses the group; the top row's monitors are the usual choice. */
export function defaultAlarmRoute(model: Wall): AlarmRoute {
  return { enabled: false, minPriority: 1, slots: Array.from({ length: model.columns }, (_, c) => ({ window: monitorCellId(0, c), cell: { row: 0, column: 0 } })) };
}
