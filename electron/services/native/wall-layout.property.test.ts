// Properties of the wall layout engine, checked through the typed wrapper against the native
// code on random walls (mixed sizes, bezels, rotations, missing outputs) and random layouts.
import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Monitor, Wall, WallRect, WallWindow } from '../../shared/wall';
import { loadNative } from './addon';
import { wallLayoutEngine } from './wall-layout';

const engine = wallLayoutEngine(loadNative(path.resolve(import.meta.dirname, '../../..')));

// Millimetres are compared with a tolerance scaled to the wall: the engine works in doubles.
const EPS = 1e-6;

const monitorArb: fc.Arbitrary<Monitor> = fc.record({
  resolution: fc.record({ width: fc.integer({ min: 8, max: 3840 }), height: fc.integer({ min: 8, max: 2160 }) }),
  activeSize: fc.record({ width: fc.double({ min: 50, max: 2000, noNaN: true }), height: fc.double({ min: 50, max: 2000, noNaN: true }) }),
  bezel: fc.record({
    top: fc.double({ min: 0, max: 20, noNaN: true }),
    right: fc.double({ min: 0, max: 20, noNaN: true }),
    bottom: fc.double({ min: 0, max: 20, noNaN: true }),
    left: fc.double({ min: 0, max: 20, noNaN: true }),
  }),
  rotation: fc.constantFrom(0 as const, 90 as const, 180 as const, 270 as const),
  present: fc.boolean(),
});

/** Either a wall of identical monitors or one where every monitor differs. */
const wallArb: fc.Arbitrary<Wall> = fc
  .record({ rows: fc.integer({ min: 1, max: 4 }), columns: fc.integer({ min: 1, max: 5 }), uniform: fc.boolean() })
  .chain(({ rows, columns, uniform }) =>
    (uniform ? monitorArb.map((m) => Array.from({ length: rows * columns }, () => m)) : fc.array(monitorArb, { minLength: rows * columns, maxLength: rows * columns })).map(
      (monitors) => ({ rows, columns, monitors }),
    ),
  );

/** Fractions of the wall's size; -0.2…1.2 so some windows stick out and must be refused. */
const fractionalWindowArb = fc.record({
  x: fc.double({ min: -0.2, max: 1, noNaN: true }),
  y: fc.double({ min: -0.2, max: 1, noNaN: true }),
  width: fc.double({ min: 0, max: 1.2, noNaN: true }),
  height: fc.double({ min: 0, max: 1.2, noNaN: true }),
});

function geometry(wall: Wall) {
  const result = engine.compute(wall, { splits: [], windows: [] });
  if (!result.ok) throw new Error(result.refusal.message);
  return result.wall;
}

const intersect = (a: WallRect, b: WallRect): WallRect => {
  const x = Math.max(a.x, b.x), y = Math.max(a.y, b.y);
  return { x, y, width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - x), height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - y) };
};
const area = (r: WallRect) => r.width * r.height;
const inside = (inner: WallRect, outer: WallRect, eps: number) =>
  inner.x >= outer.x - eps && inner.y >= outer.y - eps && inner.x + inner.width <= outer.x + outer.width + eps && inner.y + inner.height <= outer.y + outer.height + eps;

describe('wall layout engine: properties', () => {
  it('accepts a window exactly when it lies inside the wall with a size, and then every piece lies inside it', () => {
    fc.assert(
      fc.property(wallArb, fc.array(fractionalWindowArb, { minLength: 1, maxLength: 6 }), (wall, fractions) => {
        const g = geometry(wall);
        const windows: WallWindow[] = fractions.map((f, i) => ({ id: `w${i}`, x: f.x * g.width, y: f.y * g.height, width: f.width * g.width, height: f.height * g.height, z: i }));
        // The engine forgives 1e-6 mm past an edge (rounding in whoever placed the window).
        const edge = 1e-6;
        const fits = (w: WallWindow) =>
          w.width > 0 && w.height > 0 && w.x >= -edge && w.y >= -edge && w.x + w.width <= g.width + edge && w.y + w.height <= g.height + edge;
        const eps = EPS * Math.max(g.width, g.height);
        const result = engine.compute(wall, { splits: [], windows });
        expect(result.ok).toBe(windows.every(fits));
        if (!result.ok) {
          const culprit = windows.find((w) => !fits(w))!;
          expect(result.refusal).toMatchObject({ code: culprit.width > 0 && culprit.height > 0 ? 'outside-wall' : 'zero-size', window: culprit.id });
          return;
        }
        for (const v of result.viewports) {
          const w = windows.find((x) => x.id === v.window)!;
          expect(inside(v.wall, w, eps) && inside(v.wall, { x: 0, y: 0, width: g.width, height: g.height }, eps)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('covers exactly the window minus bezels: pieces on present monitors plus pieces on missing ones add up to the window over the picture areas', () => {
    fc.assert(
      fc.property(wallArb, fractionalWindowArb, (wall, f) => {
        const g = geometry(wall);
        const x = Math.max(0, f.x) * g.width, y = Math.max(0, f.y) * g.height;
        const w: WallWindow = { id: 'w', x, y, width: Math.max(1e-3, Math.min(f.width, 1) * (g.width - x)), height: Math.max(1e-3, Math.min(f.height, 1) * (g.height - y)), z: 0 };
        fc.pre(w.x + w.width <= g.width && w.y + w.height <= g.height);
        const result = engine.compute(wall, { splits: [], windows: [w] });
        if (!result.ok) throw new Error(result.refusal.message);
        const eps = EPS * Math.max(g.width, g.height);
        let drawn = 0;
        for (const v of result.viewports) {
          const m = g.monitors.find((mm) => mm.row === v.monitor.row && mm.column === v.monitor.column)!;
          expect(m.present).toBe(true);
          // Each piece is exactly the window over that monitor's picture area…
          const expected = intersect(w, m.active);
          expect(v.wall.x).toBeCloseTo(expected.x, 6);
          expect(v.wall.y).toBeCloseTo(expected.y, 6);
          expect(v.wall.width).toBeCloseTo(expected.width, 6);
          expect(v.wall.height).toBeCloseTo(expected.height, 6);
          // …and its crop is the same piece as a fraction of the picture: hidden, not squeezed.
          expect(v.crop.x).toBeCloseTo((v.wall.x - w.x) / w.width, 9);
          expect(v.crop.width).toBeCloseTo(v.wall.width / w.width, 9);
          expect(v.crop.y).toBeCloseTo((v.wall.y - w.y) / w.height, 9);
          expect(v.crop.height).toBeCloseTo(v.wall.height / w.height, 9);
          drawn += area(v.wall);
        }
        const hidden = result.unseen.flatMap((u) => u.monitors).map((ref) => g.monitors.find((m) => m.row === ref.row && m.column === ref.column)!);
        const total = g.monitors.reduce((sum, m) => sum + area(intersect(w, m.active)), 0);
        const missing = hidden.reduce((sum, m) => sum + area(intersect(w, m.active)), 0);
        expect(Math.abs(drawn + missing - total)).toBeLessThanOrEqual(eps * Math.max(g.width, g.height));
        // Picture areas never overlap and never cover bezels, so nothing can be drawn twice.
        for (const [i, a] of g.monitors.entries()) {
          expect(inside(a.active, a.outer, eps)).toBe(true);
          for (const b of g.monitors.slice(i + 1)) expect(area(intersect(a.outer, b.outer))).toBeLessThanOrEqual(eps);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never overlaps two cells of an even split, and the cells tile the monitor exactly', () => {
    fc.assert(
      fc.property(wallArb, fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 }), fc.nat(), (wall, rows, columns, pick) => {
        const index = pick % wall.monitors.length;
        const monitor = { row: Math.floor(index / wall.columns), column: index % wall.columns };
        const onWall: Wall = { ...wall, monitors: wall.monitors.map((m, i) => (i === index ? { ...m, present: true } : m)) };
        const result = engine.compute(onWall, { splits: [{ id: 's', monitor, rows, columns }], windows: [] });
        if (!result.ok) throw new Error(result.refusal.message);
        const cells = result.viewports.filter((v) => v.window === 's');
        expect(cells).toHaveLength(rows * columns);
        const panel = onWall.monitors[index]!.resolution;
        for (const [i, a] of cells.entries()) {
          expect(inside(a.destination, { x: 0, y: 0, ...panel }, 0)).toBe(true);
          for (const b of cells.slice(i + 1)) expect(area(intersect(a.destination, b.destination))).toBe(0);
        }
        expect(cells.reduce((s, c) => s + area(c.destination), 0)).toBe(panel.width * panel.height);
        const active = result.wall.monitors[index]!.active;
        expect(cells.reduce((s, c) => s + area(c.wall), 0)).toBeCloseTo(area(active), 6);
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips points between the wall and every panel, whatever the rotation', () => {
    fc.assert(
      fc.property(wallArb, fc.nat(), fc.double({ min: -0.1, max: 1.1, noNaN: true }), fc.double({ min: -0.1, max: 1.1, noNaN: true }), (wall, pick, u, v) => {
        const index = pick % wall.monitors.length;
        const ref = { row: Math.floor(index / wall.columns), column: index % wall.columns };
        const m = geometry(wall).monitors[index]!;
        const p = { x: m.active.x + u * m.active.width, y: m.active.y + v * m.active.height };
        const there = engine.toPanel(wall, ref, p);
        if (!there.ok) throw new Error(there.refusal.message);
        const back = engine.toWall(wall, ref, there.point);
        if (!back.ok) throw new Error(back.refusal.message);
        expect(back.point.x).toBeCloseTo(p.x, 6);
        expect(back.point.y).toBeCloseTo(p.y, 6);
        // Inside the picture area means inside the framebuffer, and the other way round.
        const { width, height } = wall.monitors[index]!.resolution;
        const onPanel = there.point.x >= -EPS && there.point.y >= -EPS && there.point.x <= width + EPS && there.point.y <= height + EPS;
        const clearOfEdges = [u, v].every((t) => Math.abs(t) > 1e-6 && Math.abs(t - 1) > 1e-6);
        if (clearOfEdges) expect(onPanel).toBe(u >= 0 && u <= 1 && v >= 0 && v <= 1);
      }),
      { numRuns: 300 },
    );
  });

  it('maps each viewport destination back onto its piece of the wall through the rotation', () => {
    fc.assert(
      fc.property(wallArb, fractionalWindowArb, (wall, f) => {
        const g = geometry(wall);
        const w: WallWindow = { id: 'w', x: Math.max(0, f.x) * g.width * 0.5, y: Math.max(0, f.y) * g.height * 0.5, width: Math.max(0.01, f.width) * g.width * 0.4, height: Math.max(0.01, f.height) * g.height * 0.4, z: 0 };
        const result = engine.compute(wall, { splits: [], windows: [w] });
        if (!result.ok) throw new Error(result.refusal.message);
        for (const vp of result.viewports) {
          const d = vp.destination;
          const corners = [
            { x: d.x, y: d.y },
            { x: d.x + d.width, y: d.y + d.height },
          ].map((p) => {
            const r = engine.toWall(wall, vp.monitor, p);
            if (!r.ok) throw new Error(r.refusal.message);
            return r.point;
          });
          expect(Math.min(corners[0]!.x, corners[1]!.x)).toBeCloseTo(vp.wall.x, 6);
          expect(Math.max(corners[0]!.y, corners[1]!.y)).toBeCloseTo(vp.wall.y + vp.wall.height, 6);
          expect(vp.rotation).toBe(wall.monitors[vp.monitor.row * wall.columns + vp.monitor.column]!.rotation);
        }
      }),
      { numRuns: 200 },
    );
  });
});
