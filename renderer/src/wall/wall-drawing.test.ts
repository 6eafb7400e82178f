import { describe, expect, it } from 'vitest';
import { uniformWall, type WallGeometry } from '../../../electron/shared/wall';
import { cellRects, fitLabel, fitWall, monitorAt, monitorName, orientedResolution, slotAt, slotShapes, toWall, union } from './wall-drawing';

// docs/video-wall.md's worked example: 2 × 2 panels of 1920 × 1080 px, 1210 × 681 mm of picture, 3.5 mm bezels.
const panel = { resolution: { width: 1920, height: 1080 }, activeSize: { width: 1210, height: 681 }, bezel: { top: 3.5, right: 3.5, bottom: 3.5, left: 3.5 }, rotation: 0 as const, present: true };
const model = uniformWall(2, 2, panel);
const geometry: WallGeometry = {
  width: 2434,
  height: 1376,
  monitors: [0, 1, 2, 3].map((i) => {
    const row = Math.floor(i / 2), column = i % 2;
    return { row, column, present: true, rotation: 0 as const, outer: { x: column * 1217, y: row * 688, width: 1217, height: 688 }, active: { x: column * 1217 + 3.5, y: row * 688 + 3.5, width: 1210, height: 681 } };
  }),
};

describe('cells of an even split', () => {
  it('cut on whole pixels as the engine does: floor(i·W/n), in mm of the picture area', () => {
    const cells = cellRects({ x: 3.5, y: 3.5, width: 1210, height: 681 }, { width: 1920, height: 1080 }, 3, 3);
    expect(cells).toHaveLength(9);
    expect(cells[4]).toEqual({ row: 1, column: 1, rect: { x: 3.5 + (640 * 1210) / 1920, y: 3.5 + (360 * 681) / 1080, width: (640 * 1210) / 1920, height: (360 * 681) / 1080 } });
  });

  it('tile the picture area exactly, even when the pixels do not divide evenly', () => {
    const active = { x: 10, y: 20, width: 1000, height: 500 };
    const cells = cellRects(active, { width: 1921, height: 1079 }, 7, 5);
    for (let row = 0; row < 7; row++) {
      const line = cells.filter((c) => c.row === row);
      expect(line[0]!.rect.x).toBe(10);
      for (let i = 1; i < line.length; i++) expect(line[i]!.rect.x).toBeCloseTo(line[i - 1]!.rect.x + line[i - 1]!.rect.width, 9);
      expect(line.at(-1)!.rect.x + line.at(-1)!.rect.width).toBeCloseTo(1010, 9);
    }
    expect(cells.filter((c) => c.column === 0).reduce((h, c) => h + c.rect.height, 0)).toBeCloseTo(500, 9);
  });

  it('count the pixels of a turned monitor as the operator sees it', () => {
    expect(orientedResolution({ ...panel, rotation: 90 })).toEqual({ width: 1080, height: 1920 });
    expect(orientedResolution({ ...panel, rotation: 180 })).toEqual({ width: 1920, height: 1080 });
  });
});

describe('slots as drawn', () => {
  const layout = {
    splits: [
      { id: 'm-r1c2', monitor: { row: 0, column: 1 }, rows: 2, columns: 2 },
      { id: 'm-r1c1', monitor: { row: 0, column: 0 }, rows: 1, columns: 1 },
    ],
    windows: [
      { id: 'top', x: 1000, y: 500, width: 434, height: 376, z: 9 },
      { id: 'low', x: 900, y: 400, width: 600, height: 500, z: 2 },
    ],
  };
  const shapes = slotShapes(model, geometry, layout);

  it('are the cells (monitors row-major) and then the windows from the bottom up', () => {
    expect(shapes.map((s) => s.key)).toEqual(['m-r1c1#0.0', 'm-r1c2#0.0', 'm-r1c2#0.1', 'm-r1c2#1.0', 'm-r1c2#1.1', 'low', 'top']);
    expect(shapes[0]).toMatchObject({ rect: geometry.monitors[0]!.active, monitor: { row: 0, column: 0 }, grid: { rows: 1, columns: 1 }, z: null });
    expect(shapes.at(-1)).toMatchObject({ rect: { x: 1000, y: 500, width: 434, height: 376 }, monitor: null, grid: null, z: 9 });
  });

  it('take windows as given (this console’s moves on their way) instead of the layout’s', () => {
    const moved = slotShapes(model, geometry, layout, [{ id: 'low', x: 0, y: 0, width: 100, height: 100, z: 2 }]);
    expect(moved.filter((s) => !s.slot.cell)).toEqual([{ key: 'low', slot: { window: 'low', cell: null }, rect: { x: 0, y: 0, width: 100, height: 100 }, monitor: null, grid: null, z: 2 }]);
  });

  it('under a point: the topmost window, else the cell beneath, else nothing', () => {
    expect(slotAt(shapes, { x: 1100, y: 600 })?.key).toBe('top');
    expect(slotAt(shapes, { x: 950, y: 450 })?.key).toBe('low');
    expect(slotAt(shapes, { x: 1300, y: 50 })?.key).toBe('m-r1c2#0.0');
    expect(slotAt(shapes, { x: 100, y: 1000 })).toBeNull();
  });

  it('know the monitor under a point, bezels included', () => {
    expect(monitorAt(geometry, { x: 1216, y: 1 })).toMatchObject({ row: 0, column: 0 });
    expect(monitorAt(geometry, { x: 1300, y: 700 })).toMatchObject({ row: 1, column: 1 });
    expect(monitorAt(geometry, { x: 5000, y: 0 })).toBeNull();
    expect(monitorName({ row: 1, column: 2 })).toBe('r2c3');
  });

  it('join into the smallest rectangle holding them all', () => {
    expect(union([{ x: 0, y: 10, width: 5, height: 5 }, { x: 20, y: 0, width: 5, height: 5 }])).toEqual({ x: 0, y: 0, width: 25, height: 15 });
    expect(union([])).toBeNull();
  });
});

describe('the drawing on screen', () => {
  it('fits the wall into its box, centred, and maps screen points back to wall mm', () => {
    const fit = fitWall({ left: 100, top: 50, width: 1000, height: 500 }, { width: 2000, height: 500 });
    expect(fit).toEqual({ scale: 0.5, left: 100, top: 50 + 125 });
    expect(toWall(fit, { x: 600, y: 300 })).toEqual({ x: 1000, y: 250 });
  });

  it('shortens labels to fit, counting CJK as about one em and others as about 0.6', () => {
    expect(fitLabel('德城区 天衢广场 全景', 400, 13)).toBe('德城区 天衢广场 全景');
    expect(fitLabel('德城区 天衢广场 全景', 60, 10)).toBe('德城区 天…');
    expect(fitLabel('camera-12345', 60, 10)).toBe('camera-1…');
    expect(fitLabel('德城区', 8, 10)).toBe('');
  });
});
