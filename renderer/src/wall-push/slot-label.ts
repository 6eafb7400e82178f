// What operators call a wall slot: the monitor as installers label it ("r1c1") for a monitor's
// own cell, "r1c1-3" for the third cell of a split monitor (row by row), a free window by its id.
import type { SlotRef, WallLayout } from '../../../electron/shared/wall';

/** `m-r1c1` (the default monitor cells' ids) reads as `r1c1`; other split ids as they are. */
const splitName = (id: string) => (/^m-r\d+c\d+$/.test(id) ? id.slice(2) : id);

export function slotLabel(layout: WallLayout, slot: SlotRef): string {
  if (!slot.cell) return slot.window;
  const split = layout.splits.find((s) => s.id === slot.window);
  const name = splitName(slot.window);
  if (!split || split.rows * split.columns === 1) return name;
  return `${name}-${slot.cell.row * split.columns + slot.cell.column + 1}`;
}
