// The wall output's stage (renderer/src/wall-output/output-geometry.ts) fed by the real native
// layout engine: pieces of a window drawn on different monitors, or on the whole-wall page, must
// lay the window's one picture at one place and one size, so it lines up across the bezels. Lives
// here, not beside the renderer module, because it reaches the engine through main's wrapper.
import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNative } from '../../electron/services/native/addon';
import { wallLayoutEngine } from '../../electron/services/native/wall-layout';
import { uniformWall, type Monitor, type Wall, type WallLayout, type WallSource, type WallState } from '../../electron/shared/wall';
import { cameraStreams, fitStage, offsetFromCentre, parseMonitor, stageOf, SUB_STREAM_BELOW_PX, type Piece } from '../../renderer/src/wall-output/output-geometry';
import { slotLabel } from '../../renderer/src/wall-push/slot-label';
import { PANEL_55 } from '../support/wall-panel';

const engine = wallLayoutEngine(loadNative(path.resolve(import.meta.dirname, '../..')));

function stateOf(wall: Wall, layout: WallLayout): WallState {
  const r = engine.compute(wall, layout);
  if (!r.ok) throw new Error(r.refusal.message);
  return {
    available: true,
    problem: null,
    revision: 1,
    model: wall,
    layout,
    sources: [],
    geometry: r.wall,
    viewports: r.viewports,
    unseen: r.unseen,
    presets: [],
    tours: [],
    running: [],
    alarm: { enabled: false, minPriority: 1, slots: [] },
    alarms: [],
    recent: [],
  };
}

const close = (a: number, b: number, tolerance: number) => Math.abs(a - b) <= tolerance;

describe('wall output stage', () => {
  // The worked example of docs/video-wall.md: 2 × 2 of 1920 × 1080 px, 1210 × 681 mm, 3.5 mm frames.
  const wall = uniformWall(2, 2, PANEL_55);
  const window = { id: 'w1', x: 1000, y: 500, width: 434, height: 376, z: 1 };
  const state = stateOf(wall, { splits: [], windows: [window] });

  it('draws one monitor as its framebuffer: the piece at its destination, the whole picture around it', () => {
    const stage = stageOf(state, { kind: 'one', row: 0, column: 0 })!;
    expect([stage.width, stage.height]).toEqual([1920, 1080]);
    const [p] = stage.pieces;
    expect(p!.slotKey).toBe('w1');
    expect(p!.box.x).toBeCloseTo((996.5 * 1920) / 1210, 6);
    expect(p!.box.y).toBeCloseTo((496.5 * 1080) / 681, 6);
    // 213.5 of 434 mm wide: the picture is 434/213.5 times the piece, starting at the piece.
    expect(p!.full.width).toBeCloseTo((p!.box.width * 434) / 213.5, 6);
    expect([p!.full.x, p!.full.y]).toEqual([-0, -0]);
    // On r1c2 the piece shows the picture from 220.5 mm in: the picture starts left of the piece.
    const right = stageOf(state, { kind: 'one', row: 0, column: 1 })!.pieces[0]!;
    expect(right.box.x).toBe(0);
    expect(right.full.x).toBeCloseTo((-220.5 / 434) * right.full.width, 6);
    expect(right.full.width).toBeCloseTo(p!.full.width, 6);
  });

  it('draws the whole wall upright in wall millimetres times one pixel density, monitors where they hang', () => {
    const stage = stageOf(state, { kind: 'all' })!;
    const k = 1920 / 1210;
    expect(stage.width).toBeCloseTo(2434 * k, 6);
    expect(stage.monitors.map((m) => m.name)).toEqual(['r1c1', 'r1c2', 'r2c1', 'r2c2']);
    expect(stage.monitors[3]!.rect.x).toBeCloseTo(1220.5 * k, 6);
    expect(stage.pieces).toHaveLength(4);
    for (const p of stage.pieces) {
      expect(p.rotation).toBe(0);
      // Every piece lays the window's picture exactly over the window.
      expect(p.box.x + p.full.x).toBeCloseTo(window.x * k, 6);
      expect(p.box.y + p.full.y).toBeCloseTo(window.y * k, 6);
      expect(p.full.width).toBeCloseTo(window.width * k, 6);
      expect(p.full.height).toBeCloseTo(window.height * k, 6);
    }
  });

  it('turns the pieces of a turned monitor: upright size swapped, the turn given anticlockwise', () => {
    const turned: Monitor = { ...PANEL_55, rotation: 90 };
    const s = stateOf(uniformWall(1, 2, turned), { splits: [{ id: 'm-r1c1', monitor: { row: 0, column: 0 }, rows: 1, columns: 1 }], windows: [] });
    const stage = stageOf(s, { kind: 'one', row: 0, column: 0 })!;
    expect([stage.width, stage.height]).toEqual([1920, 1080]);
    const p = stage.pieces[0]!;
    expect(p.rotation).toBe(90);
    expect([p.box.width, p.box.height]).toEqual([1920, 1080]);
    expect([p.upright.width, p.upright.height]).toEqual([1080, 1920]);
    expect(p.full).toEqual({ x: -0, y: -0, width: 1080, height: 1920 });
    // The whole-wall page shows it as the operator sees it: portrait, upright.
    const all = stageOf(s, { kind: 'all' })!.pieces[0]!;
    expect(all.rotation).toBe(0);
    expect(all.box.height).toBeGreaterThan(all.box.width);
  });

  it('pieces of one window agree on its picture on every monitor, for any window on any uniform wall', () => {
    const arb = fc.record({
      rows: fc.integer({ min: 1, max: 3 }),
      columns: fc.integer({ min: 1, max: 4 }),
      rotation: fc.constantFrom(0 as const, 90 as const, 180 as const, 270 as const),
      f: fc.record({ x: fc.double({ min: 0, max: 0.9, noNaN: true }), y: fc.double({ min: 0, max: 0.9, noNaN: true }), w: fc.double({ min: 0.01, max: 1, noNaN: true }), h: fc.double({ min: 0.01, max: 1, noNaN: true }) }),
    });
    fc.assert(
      fc.property(arb, ({ rows, columns, rotation, f }) => {
        const model = uniformWall(rows, columns, { ...PANEL_55, rotation });
        const g = engine.compute(model, { splits: [], windows: [] });
        if (!g.ok) throw new Error(g.refusal.message);
        const w = { id: 'w', x: f.x * g.wall.width, y: f.y * g.wall.height, width: Math.min(f.w, 1 - f.x) * g.wall.width, height: Math.min(f.h, 1 - f.y) * g.wall.height, z: 0 };
        const s = stateOf(model, { splits: [], windows: [w] });
        const pieces: Piece[] = [];
        for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) pieces.push(...stageOf(s, { kind: 'one', row: r, column: c })!.pieces);
        expect(pieces.length).toBe(s.viewports.length);
        const first = pieces[0]!;
        for (const p of pieces) {
          // One picture size everywhere (the panels' pixels are square to 0.1 %)…
          expect(close(p.full.width, first.full.width, first.full.width * 2e-3)).toBe(true);
          expect(close(p.full.height, first.full.height, first.full.height * 2e-3)).toBe(true);
          // …and each piece is exactly its crop of that picture.
          const v = s.viewports.find((x) => `r${x.monitor.row + 1}c${x.monitor.column + 1}` === p.monitor)!;
          expect(close(-p.full.x / p.full.width, v.crop.x, 1e-9)).toBe(true);
          expect(close(p.upright.width / p.full.width, v.crop.width, 1e-9)).toBe(true);
          // Turned pieces fill their destination once turned.
          const turned = p.rotation === 90 || p.rotation === 270;
          expect(close(turned ? p.upright.height : p.upright.width, p.box.width, 1e-9)).toBe(true);
        }
        // On the whole-wall page every piece's middle is the window's middle moved by its offset.
        const all = stageOf(s, { kind: 'all' })!;
        const k = all.width / g.wall.width;
        for (const p of all.pieces) {
          const o = offsetFromCentre(p);
          expect(close(p.box.x + p.box.width / 2, (w.x + w.width / 2) * k + o.x, 1e-6 * all.width)).toBe(true);
          expect(close(p.box.y + p.box.height / 2, (w.y + w.height / 2) * k + o.y, 1e-6 * all.height)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('knows no monitor outside the wall, and reads the monitor parameter', () => {
    expect(stageOf(state, { kind: 'one', row: 2, column: 0 })).toBeNull();
    expect(parseMonitor('r1c1')).toEqual({ kind: 'one', row: 0, column: 0 });
    expect(parseMonitor('R3C12')).toEqual({ kind: 'one', row: 2, column: 11 });
    expect(parseMonitor('all')).toEqual({ kind: 'all' });
    expect(parseMonitor(null)).toEqual({ kind: 'all' });
    for (const bad of ['r0c1', 'r1', 'x', 'r1c1;', '1-1']) expect(parseMonitor(bad)).toBeNull();
  });

  it('fits one monitor to the page and keeps the whole wall in shape, centred', () => {
    expect(fitStage({ width: 1920, height: 1080 }, { width: 960, height: 600 }, { kind: 'one', row: 0, column: 0 })).toEqual({ x: 0, y: 0, scaleX: 0.5, scaleY: 600 / 1080 });
    expect(fitStage({ width: 4000, height: 1000 }, { width: 2000, height: 1000 }, { kind: 'all' })).toEqual({ x: 0, y: 250, scaleX: 0.5, scaleY: 0.5 });
  });

  it('plays one stream per camera: the main stream if any large window asks for it, else the sub-stream', () => {
    const piece = (key: string, width: number, height: number): Piece => ({ key, slot: { window: key, cell: null }, slotKey: key, monitor: 'r1c1', box: { x: 0, y: 0, width, height }, rotation: 0, upright: { width, height }, full: { x: 0, y: 0, width, height } });
    const cam = (cameraId: string, quality: 'main' | 'sub' = 'main'): WallSource => ({ kind: 'camera', cameraId, quality });
    const small = Math.sqrt(SUB_STREAM_BELOW_PX) - 1;
    const pieces = [piece('a', small, small), piece('b', 1920, 1080), piece('c', small, small), piece('d', 1920, 1080), piece('e', 1920, 1080)];
    const sources = new Map([['a', cam('x')], ['b', cam('x')], ['c', cam('y')], ['d', cam('z', 'sub')], ['e', { kind: 'map', center: { lat: 0, lon: 0 }, zoom: 5 } as WallSource]]);
    expect(Object.fromEntries(cameraStreams(pieces, sources))).toEqual({ x: 'main', y: 'sub', z: 'sub' });
  });

  it('names slots as installers name monitors', () => {
    const layout: WallLayout = { splits: [{ id: 'm-r1c1', monitor: { row: 0, column: 0 }, rows: 1, columns: 1 }, { id: 'm-r1c2', monitor: { row: 0, column: 1 }, rows: 2, columns: 2 }], windows: [] };
    expect(slotLabel(layout, { window: 'm-r1c1', cell: { row: 0, column: 0 } })).toBe('r1c1');
    expect(slotLabel(layout, { window: 'm-r1c2', cell: { row: 1, column: 0 } })).toBe('r1c2-3');
    expect(slotLabel(layout, { window: 'big', cell: null })).toBe('big');
  });
});
