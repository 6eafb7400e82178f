import { beforeEach, describe, expect, it } from 'vitest';
import { selectionKey, useWallView } from './wall-view-store';

const win = (x: number) => ({ id: 'w-1', x, y: 0, width: 100, height: 100, z: 1 });

describe('the wall view’s own state', () => {
  beforeEach(() => useWallView.setState({ selection: null, pending: {}, picking: null }));

  it('keeps a window move on its way until its own answer, not an earlier one', () => {
    const s = useWallView.getState();
    const first = s.setPending(win(10));
    const second = s.setPending(win(20));
    s.settle('w-1', first);
    expect(useWallView.getState().pending['w-1']?.window.x).toBe(20);
    s.settle('w-1', second);
    expect(useWallView.getState().pending).toEqual({});
  });

  it('adds and removes picked slots, only while picking', () => {
    const s = useWallView.getState();
    const a = { window: 'm-r1c1', cell: { row: 0, column: 0 } };
    const b = { window: 'w-1', cell: null };
    s.togglePicked(a);
    expect(useWallView.getState().picking).toBeNull();
    s.startPicking([a]);
    s.togglePicked(b);
    s.togglePicked({ ...a, cell: { row: 0, column: 0 } });
    expect(useWallView.getState().picking).toEqual([b]);
    s.stopPicking();
    expect(useWallView.getState().picking).toBeNull();
  });

  it('keys selections as the drawing does', () => {
    expect(selectionKey(null)).toBeNull();
    expect(selectionKey({ kind: 'slot', slot: { window: 'm-r1c1', cell: { row: 1, column: 0 } } })).toBe('m-r1c1#1.0');
    expect(selectionKey({ kind: 'monitor', monitor: { row: 2, column: 3 } })).toBe('@2,3');
  });
});
