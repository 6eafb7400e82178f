import { describe, expect, it } from 'vitest';
import { WindowState } from '../../../electron/shared/workspace/window-state';
import { emptyLayout, layoutFrom, placeCamera, qualityFor, tileForNewCamera } from './video-layout';

describe('video layout', () => {
  it('keeps a camera per tile per grid size', () => {
    let l = emptyLayout();
    l = placeCamera(l, 2, 'cam-1');
    expect(l.tiles[4]).toEqual([null, null, 'cam-1', null]);
    l = { ...l, grid: 9 };
    l = placeCamera(l, 8, 'cam-2');
    expect(l.tiles[9][8]).toBe('cam-2');
    expect(l.tiles[4][2]).toBe('cam-1');
    expect(placeCamera(l, 9, 'x')).toBe(l);
  });

  it('round-trips through the window state main keeps, and drops what does not fit', () => {
    const l = placeCamera({ ...emptyLayout(), grid: 9 }, 1, 'cam-9');
    const kept = WindowState.parse(JSON.parse(JSON.stringify({ view: 'video', selectedIncidentId: null, video: l })));
    expect(layoutFrom(kept.video)).toEqual(l);
    const damaged = layoutFrom({ grid: 7, tiles: { 4: [1, 'ok', null, { x: 1 }, 'extra'] } });
    expect(damaged.grid).toBe(4);
    expect(damaged.tiles[4]).toEqual([null, 'ok', null, null]);
    expect(layoutFrom('not an object')).toEqual(emptyLayout());
    // Main refuses a grid size the view does not have.
    expect(WindowState.safeParse({ view: 'video', selectedIncidentId: null, video: { grid: 7, tiles: {} } }).success).toBe(false);
  });

  it('puts a camera opened from elsewhere in the selected tile if free, else the first free one', () => {
    let l = placeCamera(emptyLayout(), 0, 'a');
    expect(tileForNewCamera(l, 0)).toBe(1);
    expect(tileForNewCamera(l, 3)).toBe(3);
    for (const i of [1, 2, 3]) l = placeCamera(l, i, `c${i}`);
    expect(tileForNewCamera(l, 2)).toBe(2);
  });

  it('asks for the sub-stream only for small tiles', () => {
    expect(qualityFor(4, false)).toBe('main');
    expect(qualityFor(16, false)).toBe('sub');
    expect(qualityFor(36, true)).toBe('main');
  });
});
