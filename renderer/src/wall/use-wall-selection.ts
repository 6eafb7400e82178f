// What is selected on the wall, resolved against the slots drawn now: the slot's shape, the
// monitor it is on (for splitting and for where a new window opens), and what kind of thing it is.
import type { MonitorRef, WallGeometry } from '../../../electron/shared/wall';
import { centre, monitorAt, type SlotShape } from './wall-drawing';
import type { KeyTarget } from './wall-keys';
import { selectionKey, useWallView, type Selection } from './wall-view-store';

export type ResolvedSelection = {
  selection: Selection | null;
  key: string | null;
  /** The selected slot, if a slot is selected and still on the wall. */
  shape: SlotShape | null;
  /** The monitor selected, or the one the selected cell is on, or the one under the selected window's centre. */
  monitor: MonitorRef | null;
  target: KeyTarget;
};

export function resolveSelection(selection: Selection | null, shapes: readonly SlotShape[], geometry: WallGeometry): ResolvedSelection {
  const key = selectionKey(selection);
  if (selection?.kind === 'monitor') return { selection, key, shape: null, monitor: selection.monitor, target: 'monitor' };
  const shape = shapes.find((s) => s.key === key) ?? null;
  if (!shape) return { selection: null, key: null, shape: null, monitor: null, target: null };
  const under = shape.monitor ?? monitorAt(geometry, centre(shape.rect));
  return { selection, key, shape, monitor: under ? { row: under.row, column: under.column } : null, target: shape.slot.cell ? 'cell' : 'window' };
}

export function useWallSelection(shapes: readonly SlotShape[], geometry: WallGeometry): ResolvedSelection {
  const selection = useWallView((s) => s.selection);
  return resolveSelection(selection, shapes, geometry);
}
