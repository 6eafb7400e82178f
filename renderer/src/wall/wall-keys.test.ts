import { describe, expect, it } from 'vitest';
import { wallKeyAction } from './wall-keys';

const key = (k: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; altKey: boolean; metaKey: boolean }> = {}) => ({ key: k, shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, ...mods });

describe('the wall drawing’s keys', () => {
  it('move a selected window with the arrows, resize it with Shift', () => {
    expect(wallKeyAction(key('ArrowRight'), 'window')).toEqual({ kind: 'reshape', dx: 10, dy: 0, dw: 0, dh: 0 });
    expect(wallKeyAction(key('ArrowDown', { shiftKey: true }), 'window')).toEqual({ kind: 'reshape', dx: 0, dy: 0, dw: 0, dh: 10 });
  });

  it('go between slots with the arrows when no window is selected', () => {
    expect(wallKeyAction(key('ArrowLeft'), 'cell')).toEqual({ kind: 'go', direction: 'left' });
    expect(wallKeyAction(key('ArrowUp'), null)).toEqual({ kind: 'go', direction: 'up' });
    expect(wallKeyAction(key('Tab', { shiftKey: true }), 'cell')).toEqual({ kind: 'cycle', back: true });
  });

  it('remove a window but only empty a cell with Delete', () => {
    expect(wallKeyAction(key('Delete'), 'window')).toEqual({ kind: 'remove' });
    expect(wallKeyAction(key('Backspace'), 'cell')).toEqual({ kind: 'clear' });
    expect(wallKeyAction(key('Delete'), 'monitor')).toBeNull();
  });

  it('open, raise and split', () => {
    expect(wallKeyAction(key('n'), null)).toEqual({ kind: 'new' });
    expect(wallKeyAction(key('PageUp'), 'window')).toEqual({ kind: 'raise' });
    expect(wallKeyAction(key('r'), 'cell')).toBeNull();
    expect(wallKeyAction(key('3'), 'cell')).toEqual({ kind: 'split', n: 3 });
    expect(wallKeyAction(key('4'), 'monitor')).toEqual({ kind: 'split', n: 4 });
    expect(wallKeyAction(key('2'), 'window')).toBeNull();
    expect(wallKeyAction(key('5'), 'cell')).toBeNull();
  });

  it('leave chords to the rest of the window, and Escape deselects', () => {
    expect(wallKeyAction(key('4', { altKey: true }), 'cell')).toBeNull();
    expect(wallKeyAction(key('n', { ctrlKey: true }), null)).toBeNull();
    expect(wallKeyAction(key('Escape'), 'window')).toEqual({ kind: 'deselect' });
    expect(wallKeyAction(key('Escape'), null)).toBeNull();
  });
});
