// The wall drawing's keys, as one table from (key, what is selected) to what happens. Pure; the
// wall canvas carries the actions out.
import { arrowChange } from './window-moves';
import { ARROW_DIRECTIONS, type Direction } from './slot-navigation';

/** What is selected: a free window, a split's cell, a monitor without a split, or nothing. */
export type KeyTarget = 'window' | 'cell' | 'monitor' | null;

export type WallKeyAction =
  | { kind: 'cycle'; back: boolean }
  | { kind: 'go'; direction: Direction }
  | { kind: 'reshape'; dx: number; dy: number; dw: number; dh: number }
  | { kind: 'remove' }
  | { kind: 'clear' }
  | { kind: 'new' }
  | { kind: 'raise' }
  | { kind: 'split'; n: number }
  | { kind: 'deselect' };

/**
 * Tab / Shift+Tab: next / previous slot. Arrows: move a selected free window 10 mm (Shift:
 * resize), otherwise go to the nearest slot that way. Delete: remove a window, empty a cell. N: new
 * window. R or PageUp: raise a window. 1–4: split the selected monitor 1×1 … 4×4. Escape: deselect.
 * Keys with Ctrl, Alt or Meta belong to the rest of the window.
 */
export function wallKeyAction(e: { key: string; shiftKey: boolean; ctrlKey: boolean; altKey: boolean; metaKey: boolean }, target: KeyTarget): WallKeyAction | null {
  if (e.ctrlKey || e.altKey || e.metaKey) return null;
  if (e.key === 'Tab') return { kind: 'cycle', back: e.shiftKey };
  if (e.key === 'Escape') return target ? { kind: 'deselect' } : null;
  const direction = ARROW_DIRECTIONS[e.key];
  if (direction) {
    if (target === 'window') return { kind: 'reshape', ...arrowChange(e.key, e.shiftKey)! };
    return { kind: 'go', direction };
  }
  if (e.shiftKey) return null;
  switch (e.key) {
    case 'Delete':
    case 'Backspace':
      return target === 'window' ? { kind: 'remove' } : target === 'cell' ? { kind: 'clear' } : null;
    case 'n':
    case 'N':
      return { kind: 'new' };
    case 'r':
    case 'R':
    case 'PageUp':
      return target === 'window' ? { kind: 'raise' } : null;
    case '1':
    case '2':
    case '3':
    case '4':
      return target === 'cell' || target === 'monitor' ? { kind: 'split', n: Number(e.key) } : null;
    default:
      return null;
  }
}
