// Worked examples of the wall layout engine with numbers computed by hand.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { uniformWall, type Viewport, type Wall, type WallLayout } from '../../shared/wall';
import { loadNative } from './addon';
import { wallLayoutEngine } from './wall-layout';
import { PANEL_55 } from '../../../test/support/wall-panel';

const root = path.resolve(import.meta.dirname, '../../..');
const native = loadNative(root);
const engine = wallLayoutEngine(native);

function ok(wall: Wall, layout: WallLayout) {
  const result = engine.compute(wall, layout);
  if (!result.ok) throw new Error(result.refusal.message);
  return result;
}

function expectRect(actual: { x: number; y: number; width: number; height: number }, expected: [number, number, number, number]) {
  expect(actual.x).toBeCloseTo(expected[0], 6);
  expect(actual.y).toBeCloseTo(expected[1], 6);
  expect(actual.width).toBeCloseTo(expected[2], 6);
  expect(actual.height).toBeCloseTo(expected[3], 6);
}

const on = (viewports: Viewport[], row: number, column: number) =>
  viewports.filter((v) => v.monitor.row === row && v.monitor.column === column);

describe('wall layout engine: worked examples', () => {
  const wall = uniformWall(2, 2, PANEL_55);

  it('places a 2 × 2 wall: 1217 × 688 mm per monitor, picture inset by the 3.5 mm frame', () => {
    const { wall: g } = ok(wall, { splits: [], windows: [] });
    expect([g.width, g.height]).toEqual([2434, 1376]);
    expectRect(g.monitors[3]!.outer, [1217, 688, 1217, 688]);
    expectRect(g.monitors[3]!.active, [1220.5, 691.5, 1210, 681]);
  });

  it('splits a window over the centre into four pieces; the 7 mm behind the bezels is hidden, not squeezed', () => {
    // 434 × 376 mm centred on the wall's centre (1217, 688): x 1000…1434, y 500…876.
    const { viewports, unseen } = ok(wall, { splits: [], windows: [{ id: 'cam', x: 1000, y: 500, width: 434, height: 376, z: 0 }] });
    expect(viewports).toHaveLength(4);
    expect(unseen).toEqual([]);
    const [topLeft] = on(viewports, 0, 0);
    // Visible: x 1000…1213.5 (213.5 mm), y 500…684.5 (184.5 mm).
    expectRect(topLeft!.wall, [1000, 500, 213.5, 184.5]);
    expectRect(topLeft!.crop, [0, 0, 213.5 / 434, 184.5 / 376]);
    // 1920 px over 1210 mm, 1080 px over 681 mm, from the active area's corner (3.5, 3.5).
    expectRect(topLeft!.destination, [(996.5 * 1920) / 1210, (496.5 * 1080) / 681, (213.5 * 1920) / 1210, (184.5 * 1080) / 681]);
    const [topRight] = on(viewports, 0, 1);
    // The right piece starts 220.5 mm into the picture (7 mm skipped for the two bezels) at pixel 0.
    expectRect(topRight!.crop, [220.5 / 434, 0, 213.5 / 434, 184.5 / 376]);
    expect(topRight!.destination.x).toBe(0);
    const [bottomRight] = on(viewports, 1, 1);
    expectRect(bottomRight!.crop, [220.5 / 434, 191.5 / 376, 213.5 / 434, 184.5 / 376]);
    expectRect(bottomRight!.destination, [0, 0, (213.5 * 1920) / 1210, (184.5 * 1080) / 681]);
  });

  it("maps a panel turned 90° clockwise: the wall's top-left quarter is the framebuffer's bottom-left", () => {
    // Datasheet bezels top 3.5, right 5, bottom 7, left 2; turned clockwise they sit on the wall
    // as top 2, right 3.5, bottom 5, left 7, around 681 × 1210 mm of picture.
    const turned: Wall = uniformWall(1, 1, { ...PANEL_55, bezel: { top: 3.5, right: 5, bottom: 7, left: 2 }, rotation: 90 });
    const result = ok(turned, { splits: [], windows: [{ id: 'q', x: 7, y: 2, width: 340.5, height: 605, z: 0 }] });
    expectRect(result.wall.monitors[0]!.outer, [0, 0, 691.5, 1217]);
    expectRect(result.wall.monitors[0]!.active, [7, 2, 681, 1210]);
    const [v] = result.viewports;
    // Oriented pixels x 0…540, y 0…960 of 1080 × 1920; the panel's x runs down the wall and its y leftwards.
    expectRect(v!.destination, [0, 540, 960, 540]);
    expect(v!.rotation).toBe(90);
    const corner = engine.toPanel(turned, { row: 0, column: 0 }, { x: 7, y: 2 });
    expect(corner).toEqual({ ok: true, point: { x: 0, y: 1080 } });
  });

  it('splits a monitor evenly to the pixel: 3 × 3 of 640 × 360, and 7 columns of 274 or 275', () => {
    const result = ok(wall, {
      splits: [
        { id: 'nine', monitor: { row: 0, column: 0 }, rows: 3, columns: 3 },
        { id: 'seven', monitor: { row: 1, column: 1 }, rows: 1, columns: 7 },
      ],
      windows: [],
    });
    const nine = result.viewports.filter((v) => v.window === 'nine');
    expect(nine.map((v) => [v.destination.x, v.destination.y, v.destination.width, v.destination.height])).toEqual(
      [0, 360, 720].flatMap((y) => [0, 640, 1280].map((x) => [x, y, 640, 360])),
    );
    expect(nine.every((v) => v.z === null && v.crop.width === 1 && v.crop.height === 1)).toBe(true);
    const seven = result.viewports.filter((v) => v.window === 'seven');
    expect(seven.map((v) => v.destination.x)).toEqual([0, 274, 548, 822, 1097, 1371, 1645]);
    expect(seven.map((v) => v.destination.width)).toEqual([274, 274, 274, 275, 274, 274, 275]);
  });

  it('draws split cells first, then free windows by z', () => {
    const result = ok(wall, {
      splits: [{ id: 'grid', monitor: { row: 0, column: 0 }, rows: 1, columns: 2 }],
      windows: [
        { id: 'top', x: 10, y: 10, width: 100, height: 100, z: 5 },
        { id: 'under', x: 50, y: 50, width: 100, height: 100, z: -1 },
      ],
    });
    expect(result.viewports.map((v) => v.window)).toEqual(['grid', 'grid', 'under', 'top']);
  });

  it('reports windows over a missing output and draws nothing there', () => {
    const broken: Wall = { ...wall, monitors: wall.monitors.map((m, i) => (i === 1 ? { ...m, present: false } : m)) };
    const result = ok(broken, {
      splits: [{ id: 'dark', monitor: { row: 0, column: 1 }, rows: 2, columns: 2 }],
      windows: [{ id: 'cam', x: 1000, y: 500, width: 434, height: 376, z: 0 }],
    });
    expect(result.viewports.filter((v) => v.monitor.row === 0 && v.monitor.column === 1)).toEqual([]);
    expect(result.unseen).toEqual([
      { window: 'dark', monitors: [{ row: 0, column: 1 }] },
      { window: 'cam', monitors: [{ row: 0, column: 1 }] },
    ]);
  });
});

describe('wall layout engine: refusals', () => {
  const wall = uniformWall(2, 2, PANEL_55);
  const win = { id: 'w', x: 0, y: 0, width: 100, height: 100, z: 0 };
  const refusal = (layout: WallLayout, onWall: Wall = wall) => {
    const result = engine.compute(onWall, layout);
    return result.ok ? null : result.refusal;
  };

  it.each<[string, WallLayout, string]>([
    ['outside-wall', { splits: [], windows: [{ ...win, x: 2400 }] }, 'window "w": spans x 2400 to 2500'],
    ['zero-size', { splits: [], windows: [{ ...win, width: 0 }] }, 'window "w": size 0 x 100 mm'],
    ['duplicate-z', { splits: [], windows: [win, { ...win, id: 'v' }] }, 'window "v": z 0 is already window "w"\'s'],
    ['duplicate-id', { splits: [], windows: [win, { ...win, z: 1 }] }, 'the id "w" is used twice'],
    ['bad-split', { splits: [{ id: 's', monitor: { row: 2, column: 0 }, rows: 2, columns: 2 }], windows: [] }, 'has no monitor r3c1'],
    [
      'split-conflict',
      {
        splits: [
          { id: 's', monitor: { row: 0, column: 0 }, rows: 2, columns: 2 },
          { id: 't', monitor: { row: 0, column: 0 }, rows: 1, columns: 1 },
        ],
        windows: [],
      },
      'monitor r1c1 is already split',
    ],
  ])('refuses %s with a reason naming the culprit', (code, layout, message) => {
    const r = refusal(layout);
    expect(r?.code).toBe(code);
    expect(r?.message).toContain(message);
  });

  it('refuses a split with more cells than the monitor has pixels', () => {
    const tiny = uniformWall(1, 1, { ...PANEL_55, resolution: { width: 4, height: 4 } });
    expect(refusal({ splits: [{ id: 's', monitor: { row: 0, column: 0 }, rows: 1, columns: 8 }], windows: [] }, tiny)?.code).toBe('bad-split');
  });

  it('refuses a layout whose pieces would not fit in memory bounds, naming the window that crossed the limit', () => {
    const big = uniformWall(32, 32, PANEL_55);
    const full = { x: 0, y: 0, width: 32 * 1217, height: 32 * 688 };
    const windows = Array.from({ length: 100 }, (_, i) => ({ id: `w${i}`, ...full, z: i }));
    // 1 024 pieces per window: the 65th window passes 65 536.
    expect(refusal({ splits: [], windows }, big)).toMatchObject({ code: 'too-many-viewports', window: 'w64' });
  });

  it('refuses an impossible wall in the engine itself, not only in the schema', () => {
    const odd = { ...wall, monitors: wall.monitors.map((m) => ({ ...m, rotation: 45 })) } as unknown as Wall;
    const result = native.computeLayout(odd, { splits: [], windows: [] });
    expect(result).toMatchObject({ ok: false, refusal: { code: 'bad-monitor', monitor: { row: 0, column: 0 } } });
    expect(native.computeLayout({ ...wall, monitors: wall.monitors.slice(1) }, { splits: [], windows: [] })).toMatchObject({
      ok: false,
      refusal: { code: 'bad-wall', message: 'a 2 x 2 wall needs 4 monitors, got 3' },
    });
  });

  it('throws on malformed input: zod in the wrapper, a TypeError with the path in the native code', () => {
    expect(() => engine.compute(wall, { splits: [], windows: [{ ...win, z: 'top' }] })).toThrow();
    expect(() => native.computeLayout(wall, { splits: [], windows: [{ ...win, z: 'top' }] } as unknown as WallLayout)).toThrow(
      'layout.windows[0].z must be a number',
    );
    expect(() => native.computeLayout(null as unknown as Wall, { splits: [], windows: [] })).toThrow('wall must be an object');
  });
});
