// Slots and what they show, in words for the operator.
import type { TFunction } from 'i18next';
import { slotKey, type SlotRef } from '../../../electron/shared/wall';
import type { SlotContent } from './slot-content';
import { monitorName, type SlotShape } from './wall-drawing';

/** "窗口 3kq9x0" for a free window, "r1c2 画面 1-2" for a split's cell, "r1c2" for a monitor's one cell. */
export function slotName(t: TFunction, shape: Pick<SlotShape, 'slot' | 'monitor' | 'grid'>): string {
  const { slot, monitor, grid } = shape;
  if (!slot.cell || !monitor) return t('wall.slot.window', { id: slot.window.replace(/^w-/, '') });
  if (grid && grid.rows * grid.columns === 1) return monitorName(monitor);
  return t('wall.slot.cell', { monitor: monitorName(monitor), row: slot.cell.row + 1, column: slot.cell.column + 1 });
}

/** What the drawing shows when the name does not fit: "1-2" for a cell, the id for a window. */
export function shortSlotName(shape: Pick<SlotShape, 'slot'>): string {
  const { slot } = shape;
  return slot.cell ? `${slot.cell.row + 1}-${slot.cell.column + 1}` : slot.window.replace(/^w-/, '');
}

export function contentText(t: TFunction, content: SlotContent): string {
  switch (content.kind) {
    case 'empty':
      return t('wall.slot.empty');
    case 'map':
      return t('wall.slot.map');
    case 'drone':
      return t('wall.slot.drone', { id: content.droneId });
    case 'camera':
      return content.name ?? t('wall.slot.unknownCamera', { id: content.cameraId });
    case 'incident':
      return content.address ? t('wall.slot.incident', { address: content.address }) : t('wall.slot.unknownIncident', { id: content.incidentId });
  }
}

/** A slot named as it is on the wall now; a slot the wall no longer has goes by its key. */
export function slotRefName(t: TFunction, shapes: readonly SlotShape[], slot: SlotRef): string {
  const key = slotKey(slot);
  const shape = shapes.find((s) => s.key === key);
  return shape ? slotName(t, shape) : key;
}
