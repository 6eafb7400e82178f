import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distanceM } from './distance';
import { GCJ02_BOUNDS, gcj02ToWgs84, isInGcj02Area, wgs84ToGcj02 } from './gcj02';

/** Eastern and central China (about 102–125°E, 18–50°N): where most cities, and this one, lie. */
const easternChina = fc.record({
  lat: fc.double({ min: 18, max: 50, noNaN: true }),
  lon: fc.double({ min: 102, max: 125, noNaN: true }),
});
/** Mainland China's extent, roughly, kept clear of the rectangle's edges (see the inverse test). */
const mainland = fc.record({
  lat: fc.double({ min: 18, max: 53.5, noNaN: true }),
  lon: fc.double({ min: 73.5, max: 135, noNaN: true }),
});

describe('wgs84ToGcj02', () => {
  it('matches the widely published Tiananmen reference pair to 1e-4°', () => {
    // WGS-84 (39.90403, 116.40752) → GCJ-02 ≈ (39.90543, 116.41377) is the pair quoted across
    // GCJ-02 write-ups and conversion tools. The published figures have five decimals, so 1e-4°
    // (about 10 m) is the tolerance the reference itself supports; this implementation agrees
    // to about 1e-5°.
    const g = wgs84ToGcj02({ lat: 39.90403, lon: 116.40752 });
    expect(Math.abs(g.lat - 39.90543)).toBeLessThan(1e-4);
    expect(Math.abs(g.lon - 116.41377)).toBeLessThan(1e-4);
    // The offset has the published sign and size: about +0.0014° north and +0.0062° east.
    expect(g.lat - 39.90403).toBeCloseTo(0.0014, 4);
    expect(g.lon - 116.40752).toBeCloseTo(0.0062, 3);
  });

  it('shifts eastern and central China by 100–700 m', () => {
    fc.assert(
      fc.property(easternChina, (p) => {
        const d = distanceM(p, wgs84ToGcj02(p));
        expect(d).toBeGreaterThan(100);
        expect(d).toBeLessThan(700);
      }),
      { numRuns: 2000 },
    );
  });

  it('shifts every point inside the rectangle by less than 750 m, and never by nothing', () => {
    // Far west (Qinghai, Tibet, Xinjiang) the offset dips to a few tens of metres, so the
    // 100 m floor above does not hold for the whole country.
    expect(distanceM({ lat: 37.15, lon: 96.6 }, wgs84ToGcj02({ lat: 37.15, lon: 96.6 }))).toBeLessThan(50);
    fc.assert(
      fc.property(mainland, (p) => {
        const d = distanceM(p, wgs84ToGcj02(p));
        expect(d).toBeGreaterThan(0);
        expect(d).toBeLessThan(750);
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves points outside the China rectangle untouched', () => {
    const outside = {
      tokyo: { lat: 35.6812, lon: 139.7671 },
      london: { lat: 51.5074, lon: -0.1278 },
      newYork: { lat: 40.7128, lon: -74.006 },
      sydney: { lat: -33.8688, lon: 151.2093 },
      moscow: { lat: 55.7558, lon: 37.6173 },
      nullIsland: { lat: 0, lon: 0 },
    };
    for (const p of Object.values(outside)) {
      expect(isInGcj02Area(p)).toBe(false);
      expect(wgs84ToGcj02(p)).toEqual(p);
      expect(gcj02ToWgs84(p)).toEqual(p);
    }
  });

  it('is a rectangle, not a border: it shifts neighbours inside the box as well', () => {
    // Documented behaviour of the conventional box, pinned so nobody mistakes it for a border test.
    for (const p of [
      { lat: 37.5665, lon: 126.978 }, // Seoul
      { lat: 28.6139, lon: 77.209 }, // Delhi
    ]) {
      expect(isInGcj02Area(p)).toBe(true);
      expect(distanceM(p, wgs84ToGcj02(p))).toBeGreaterThan(0);
    }
    expect(isInGcj02Area({ lat: GCJ02_BOUNDS.minLat - 1e-9, lon: 110 })).toBe(false);
    expect(isInGcj02Area({ lat: 30, lon: GCJ02_BOUNDS.maxLon + 1e-9 })).toBe(false);
  });

  it('does not mutate its argument', () => {
    const p = Object.freeze({ lat: 37.45, lon: 116.31 });
    expect(() => wgs84ToGcj02(p)).not.toThrow();
    expect(p).toEqual({ lat: 37.45, lon: 116.31 });
  });
});

describe('gcj02ToWgs84 (iterative inverse)', () => {
  it('round-trips WGS-84 → GCJ-02 → WGS-84 to within 1e-6° (about 0.1 m) across mainland China', () => {
    fc.assert(
      fc.property(mainland, (p) => {
        const back = gcj02ToWgs84(wgs84ToGcj02(p));
        expect(Math.abs(back.lat - p.lat)).toBeLessThan(1e-6);
        expect(Math.abs(back.lon - p.lon)).toBeLessThan(1e-6);
      }),
      { numRuns: 3000 },
    );
  });

  it('finds a point whose forward transform lands within 1e-7° of the GCJ-02 input', () => {
    fc.assert(
      fc.property(mainland, (g) => {
        const again = wgs84ToGcj02(gcj02ToWgs84(g));
        expect(Math.abs(again.lat - g.lat)).toBeLessThan(1e-7);
        expect(Math.abs(again.lon - g.lon)).toBeLessThan(1e-7);
      }),
      { numRuns: 3000 },
    );
  });

  it('lands closer than the one-step approximation (subtract the offset found at the GCJ-02 point)', () => {
    const wgs = { lat: 39.90403, lon: 116.40752 };
    const gcj = wgs84ToGcj02(wgs);
    const shiftedAgain = wgs84ToGcj02(gcj);
    const oneStep = { lat: 2 * gcj.lat - shiftedAgain.lat, lon: 2 * gcj.lon - shiftedAgain.lon };
    expect(distanceM(oneStep, wgs)).toBeGreaterThan(0.01);
    expect(distanceM(gcj02ToWgs84(gcj), wgs)).toBeLessThan(0.001);
  });

  it('recovers the Tiananmen reference point from its published GCJ-02 coordinates to 1e-4°', () => {
    const w = gcj02ToWgs84({ lat: 39.90543, lon: 116.41377 });
    expect(Math.abs(w.lat - 39.90403)).toBeLessThan(1e-4);
    expect(Math.abs(w.lon - 116.40752)).toBeLessThan(1e-4);
  });
});
