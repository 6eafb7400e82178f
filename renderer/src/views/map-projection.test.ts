import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitProjection, viewCone } from './map-projection';

const cityPoint = fc.record({ lat: fc.double({ min: 37.2, max: 37.7, noNaN: true }), lon: fc.double({ min: 116.1, max: 116.7, noNaN: true }) });

describe('schematic projection', () => {
  it('fits every point inside the drawing, inside its margin', () => {
    fc.assert(
      fc.property(fc.array(cityPoint, { minLength: 1, maxLength: 50 }), (points) => {
        const p = fitProjection(points, 1000, 640, 0.08)!;
        for (const pt of points) {
          const { x, y } = p.toXY(pt);
          expect(x).toBeGreaterThanOrEqual(80 - 1e-6);
          expect(x).toBeLessThanOrEqual(920 + 1e-6);
          expect(y).toBeGreaterThanOrEqual(51.2 - 1e-6);
          expect(y).toBeLessThanOrEqual(588.8 + 1e-6);
        }
      }),
    );
  });

  it('draws north up and east right, at the same scale both ways', () => {
    const p = fitProjection([{ lat: 37.4, lon: 116.3 }, { lat: 37.5, lon: 116.4 }], 1000, 1000)!;
    const sw = p.toXY({ lat: 37.4, lon: 116.3 });
    const ne = p.toXY({ lat: 37.5, lon: 116.4 });
    expect(ne.x).toBeGreaterThan(sw.x);
    expect(ne.y).toBeLessThan(sw.y);
    // 0.1° of longitude is shorter than 0.1° of latitude at 37.45° N, by cos(latitude).
    expect((ne.x - sw.x) / (sw.y - ne.y)).toBeCloseTo(Math.cos((37.45 * Math.PI) / 180), 3);
  });

  it('has nothing to fit when there are no points', () => {
    expect(fitProjection([], 100, 100)).toBeNull();
  });
});

describe('view cone', () => {
  it('is a full circle for all-round cameras and a wedge about the heading otherwise', () => {
    expect(viewCone(0, 0, null, null, 10)).toMatch(/^M -10 0 a 10 10/);
    expect(viewCone(0, 0, 0, 360, 10)).toMatch(/^M -10 0 a 10 10/);
    // Heading 90° (east), 60° wide: the wedge's edges point 30° either side of east (+x).
    const [, x0, y0, x1, y1] = /L ([-\d.e]+) ([-\d.e]+) A 10 10 0 0 1 ([-\d.e]+) ([-\d.e]+)/.exec(viewCone(0, 0, 90, 60, 10))!.map(Number) as number[];
    expect(x0).toBeCloseTo(10 * Math.cos(Math.PI / 6));
    expect(y0).toBeCloseTo(-5);
    expect(x1).toBeCloseTo(10 * Math.cos(Math.PI / 6));
    expect(y1).toBeCloseTo(5);
  });
});
