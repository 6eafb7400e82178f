import { describe, expect, it } from 'vitest';
import type { Display } from './display';
import { placeWindows } from './placement';
import { windowsToReopen, type OpenWindow } from './reopen';

const display = (id: string, x: number, primary = false): Display => ({
  id,
  label: id,
  bounds: { x, y: 0, width: 1920, height: 1080 },
  workArea: { x, y: 0, width: 1920, height: 1040 },
  scaleFactor: 1,
  primary,
});
const left = display('left', 0, true);
const right = display('right', 1920);

describe('windows to reopen at start', () => {
  it('brings back every window that was open, where it was, and the console always', () => {
    const saved: OpenWindow[] = [
      { role: 'map', bounds: { x: 2000, y: 40, width: 1200, height: 800 } },
      { role: 'wall-output', monitor: 'r1c2', bounds: { x: 1920, y: 0, width: 1920, height: 1040 } },
    ];
    expect(windowsToReopen(saved, [left, right])).toEqual([
      { role: 'console', bounds: null },
      { role: 'map', bounds: { x: 2000, y: 40, width: 1200, height: 800 } },
      { role: 'wall-output', monitor: 'r1c2', bounds: { x: 1920, y: 0, width: 1920, height: 1040 } },
    ]);
  });

  it('forgets a place that is no longer on a present display, so placement puts the window on screen', () => {
    const saved: OpenWindow[] = [{ role: 'video', bounds: { x: 2000, y: 40, width: 1200, height: 800 } }];
    const reopened = windowsToReopen(saved, [left]);
    expect(reopened).toEqual([
      { role: 'console', bounds: null },
      { role: 'video', bounds: null },
    ]);
    const placed = placeWindows([left], [], reopened);
    for (const p of placed) {
      expect(p.displayId).toBe('left');
      expect(p.bounds.x + p.bounds.width).toBeLessThanOrEqual(1920);
    }
  });

  it('opens each window once even when the save lists it twice, and a wall output without a monitor shows the whole wall', () => {
    const saved: OpenWindow[] = [
      { role: 'map', bounds: { x: 5000, y: 0, width: 800, height: 600 } },
      { role: 'map', bounds: { x: 100, y: 100, width: 800, height: 600 } },
      { role: 'map', bounds: { x: 200, y: 100, width: 800, height: 600 } },
      { role: 'wall-output', bounds: null },
      { role: 'console', bounds: { x: 0, y: 0, width: 1600, height: 900 } },
    ];
    expect(windowsToReopen(saved, [left])).toEqual([
      { role: 'console', bounds: { x: 0, y: 0, width: 1600, height: 900 } },
      { role: 'map', bounds: { x: 100, y: 100, width: 800, height: 600 } },
      { role: 'wall-output', monitor: 'all', bounds: null },
    ]);
  });

  it('with nothing saved opens the console alone', () => {
    expect(windowsToReopen([], [left])).toEqual([{ role: 'console', bounds: null }]);
  });
});
