import { describe, expect, it } from 'vitest';
import type { WallGeometry } from '../../../electron/shared/wall';
import { arrowChange, clampInto, draggedCorner, MIN_WINDOW_MM, moved, newWindowId, newWindowRect, resized, snapCorner, snapEdges, snapMove } from './window-moves';

const wall = { width: 2434, height: 1376 };
// Two monitors side by side with 3.5 mm bezels, the right one without output.
const geometry: WallGeometry = {
  width: 2434,
  height: 688,
  monitors: [
    { row: 0, column: 0, present: true, rotation: 0, outer: { x: 0, y: 0, width: 1217, height: 688 }, active: { x: 3.5, y: 3.5, width: 1210, height: 681 } },
    { row: 0, column: 1, present: false, rotation: 0, outer: { x: 1217, y: 0, width: 1217, height: 688 }, active: { x: 1220.5, y: 3.5, width: 1210, height: 681 } },
  ],
};
const w = { x: 100, y: 100, width: 400, height: 300 };

describe('moving and resizing a window', () => {
  it('moves by a step and stays inside the wall', () => {
    expect(moved(w, 10, -10, wall)).toEqual({ x: 110, y: 90, width: 400, height: 300 });
    expect(moved(w, -500, 5000, wall)).toEqual({ x: 0, y: 1076, width: 400, height: 300 });
  });

  it('puts a window larger than the wall at its corner, as large as the wall', () => {
    expect(clampInto({ x: -5, y: 50, width: 3000, height: 200 }, wall)).toEqual({ x: 0, y: 50, width: 2434, height: 200 });
  });

  it('rounds to tenths of a millimetre', () => {
    expect(moved({ x: 0.123, y: 0.456, width: 10.04, height: 10.06 }, 0, 0, wall)).toEqual({ x: 0.1, y: 0.5, width: 10, height: 10.1 });
  });

  it('resizes from the top-left corner, no smaller than the minimum and not past the wall', () => {
    expect(resized(w, 10, -10, wall)).toEqual({ x: 100, y: 100, width: 410, height: 290 });
    expect(resized(w, -1000, 0, wall).width).toBe(MIN_WINDOW_MM);
    expect(resized(w, 5000, 5000, wall)).toEqual({ x: 100, y: 100, width: 2334, height: 1276 });
  });

  it('drags a corner while the opposite one stays', () => {
    expect(draggedCorner(w, 'se', { x: 700, y: 500 }, wall)).toEqual({ x: 100, y: 100, width: 600, height: 400 });
    expect(draggedCorner(w, 'nw', { x: 50, y: 150 }, wall)).toEqual({ x: 50, y: 150, width: 450, height: 250 });
    expect(draggedCorner(w, 'ne', { x: 3000, y: -20 }, wall)).toEqual({ x: 100, y: 0, width: 2334, height: 400 });
    // Dragged past the opposite corner: the window keeps its minimum size instead of turning inside out.
    expect(draggedCorner(w, 'sw', { x: 900, y: 0 }, wall)).toEqual({ x: 500 - MIN_WINDOW_MM, y: 100, width: MIN_WINDOW_MM, height: MIN_WINDOW_MM });
  });

  it('maps arrows to steps, with Shift to size changes', () => {
    expect(arrowChange('ArrowLeft', false)).toEqual({ dx: -10, dy: 0, dw: 0, dh: 0 });
    expect(arrowChange('ArrowDown', false)).toEqual({ dx: 0, dy: 10, dw: 0, dh: 0 });
    expect(arrowChange('ArrowRight', true)).toEqual({ dx: 0, dy: 0, dw: 10, dh: 0 });
    expect(arrowChange('ArrowUp', true)).toEqual({ dx: 0, dy: 0, dw: 0, dh: -10 });
    expect(arrowChange('Enter', false)).toBeNull();
  });
});

describe('snapping to monitor edges', () => {
  const edges = snapEdges(geometry);

  it('knows the wall edges and every picture edge', () => {
    expect([...edges.xs].sort((a, b) => a - b)).toEqual([0, 3.5, 1213.5, 1220.5, 2430.5, 2434]);
    expect([...edges.ys].sort((a, b) => a - b)).toEqual([0, 3.5, 684.5, 688]);
  });

  it('shifts a moved window so its nearest edge lies on a line within tolerance', () => {
    // Right edge 1210 is 3.5 from 1213.5; left edge 810 is far from any line.
    expect(snapMove({ x: 810, y: 6, width: 400, height: 300 }, edges, 8)).toEqual({ x: 813.5, y: 3.5, width: 400, height: 300 });
    expect(snapMove({ x: 500, y: 200, width: 400, height: 300 }, edges, 8)).toEqual({ x: 500, y: 200, width: 400, height: 300 });
  });

  it('snaps only the edges a corner drag moves', () => {
    expect(snapCorner({ x: 10, y: 10, width: 1200, height: 670 }, 'se', edges, 8)).toEqual({ x: 10, y: 10, width: 1203.5, height: 674.5 });
    expect(snapCorner({ x: 10, y: 10, width: 1200, height: 670 }, 'nw', edges, 8)).toEqual({ x: 3.5, y: 3.5, width: 1206.5, height: 676.5 });
  });
});

describe('a new window', () => {
  it('opens over the picture of the chosen monitor, else the first with output', () => {
    expect(newWindowRect(geometry, { row: 0, column: 1 })).toEqual({ x: 1220.5, y: 3.5, width: 1210, height: 681 });
    expect(newWindowRect(geometry, null)).toEqual({ x: 3.5, y: 3.5, width: 1210, height: 681 });
    expect(newWindowRect({ ...geometry, monitors: [] }, null)).toEqual({ x: 0, y: 0, width: 2434, height: 688 });
  });

  it('gets an id no other console is likely to choose at the same moment', () => {
    expect(newWindowId(() => 0)).toBe('w-000000');
    expect(newWindowId(() => 0.999999999)).toMatch(/^w-[0-9a-z]{6}$/);
    expect(new Set(Array.from({ length: 200 }, () => newWindowId())).size).toBe(200);
  });
});
