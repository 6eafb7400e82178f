import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidTile, MAX_LATITUDE, MAX_ZOOM, tileBounds, tileForLonLat, xyzToTmsRow } from './tile-math';

const zoom = fc.integer({ min: 0, max: MAX_ZOOM });
const rowAt = (z: number) => fc.integer({ min: 0, max: 2 ** z - 1 });
// Degrees are compared with a tolerance far below a tile's size at MAX_ZOOM (about 2e-5°).
const EPS = 1e-9;

describe('xyzToTmsRow', () => {
  it('is its own inverse and stays within the zoom level', () => {
    fc.assert(
      fc.property(zoom.chain((z) => fc.tuple(fc.constant(z), rowAt(z))), ([z, y]) => {
        const row = xyzToTmsRow(z, y);
        expect(row).toBeGreaterThanOrEqual(0);
        expect(row).toBeLessThan(2 ** z);
        expect(xyzToTmsRow(z, row)).toBe(y);
      }),
      { numRuns: 2000 },
    );
  });

  it('puts XYZ row 0 (north) at the top TMS row', () => {
    expect(xyzToTmsRow(0, 0)).toBe(0);
    expect(xyzToTmsRow(2, 0)).toBe(3);
    expect(xyzToTmsRow(2, 3)).toBe(0);
    expect(() => xyzToTmsRow(2, 4)).toThrow(RangeError);
    expect(() => xyzToTmsRow(25, 0)).toThrow(RangeError);
  });
});

describe('tileForLonLat and tileBounds', () => {
  it('finds a tile inside the zoom level whose bounds hold the point', () => {
    const lon = fc.double({ min: -180, max: 180, noNaN: true });
    const lat = fc.double({ min: -90, max: 90, noNaN: true });
    fc.assert(
      fc.property(lon, lat, zoom, (lo, la, z) => {
        const t = tileForLonLat(lo, la, z);
        expect(t.z).toBe(z);
        expect(isValidTile(t.z, t.x, t.y)).toBe(true);
        const b = tileBounds(t.z, t.x, t.y);
        const clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, la));
        expect(b.west).toBeLessThanOrEqual(lo + EPS);
        expect(b.east).toBeGreaterThanOrEqual(lo - EPS);
        expect(b.south).toBeLessThanOrEqual(clamped + EPS);
        expect(b.north).toBeGreaterThanOrEqual(clamped - EPS);
      }),
      { numRuns: 5000 },
    );
  });

  it('wraps longitudes beyond ±180 and clamps latitudes to the edge of Web Mercator', () => {
    fc.assert(
      fc.property(fc.double({ min: -179.999, max: 179.999, noNaN: true }), fc.integer({ min: -3, max: 3 }), zoom, (lon, turns, z) => {
        // Adding whole turns may round across a tile edge at deep zoom: compare positions, not indices.
        const t = tileForLonLat(lon + 360 * turns, 0, z);
        const b = tileBounds(t.z, t.x, t.y);
        expect(b.west).toBeLessThanOrEqual(lon + EPS);
        expect(b.east).toBeGreaterThanOrEqual(lon - EPS);
      }),
    );
    expect(tileForLonLat(0, 90, 3).y).toBe(0);
    expect(tileForLonLat(0, -90, 3).y).toBe(7);
  });

  it('gives tiles that tile the world without gaps', () => {
    fc.assert(
      fc.property(zoom.chain((z) => fc.tuple(fc.constant(z), rowAt(z), rowAt(z))), ([z, x, y]) => {
        const b = tileBounds(z, x, y);
        expect(b.west).toBeLessThan(b.east);
        expect(b.south).toBeLessThan(b.north);
        if (x + 1 < 2 ** z) expect(tileBounds(z, x + 1, y).west).toBe(b.east);
        if (y + 1 < 2 ** z) expect(tileBounds(z, x, y + 1).north).toBe(b.south);
      }),
    );
  });

  it('matches known tiles', () => {
    expect(tileForLonLat(0, 0, 0)).toEqual({ z: 0, x: 0, y: 0 });
    expect(tileForLonLat(0.0001, -0.0001, 1)).toEqual({ z: 1, x: 1, y: 1 });
    expect(tileForLonLat(-0.0001, 0.0001, 1)).toEqual({ z: 1, x: 0, y: 0 });
    expect(tileForLonLat(180, 0, 2).x).toBe(3);
    expect(tileForLonLat(-180, 0, 2).x).toBe(0);
    // Dezhou, Shandong, at zoom 10: x = ⌊(116.36 + 180) / 360 · 1024⌋, y = ⌊(1 − asinh(tan 37.43°) / π) / 2 · 1024⌋.
    expect(tileForLonLat(116.36, 37.43, 10)).toEqual({ z: 10, x: 842, y: 397 });
    const world = tileBounds(0, 0, 0);
    expect(world.west).toBe(-180);
    expect(world.east).toBe(180);
    expect(world.north).toBeCloseTo(MAX_LATITUDE, 10);
    expect(world.south).toBeCloseTo(-MAX_LATITUDE, 10);
  });

  it('refuses what is not a position or a tile', () => {
    expect(() => tileForLonLat(Number.NaN, 0, 1)).toThrow(RangeError);
    expect(() => tileForLonLat(0, Number.POSITIVE_INFINITY, 1)).toThrow(RangeError);
    expect(() => tileForLonLat(0, 0, 1.5)).toThrow(RangeError);
    expect(() => tileForLonLat(0, 0, MAX_ZOOM + 1)).toThrow(RangeError);
    for (const [z, x, y] of [[-1, 0, 0], [1, 2, 0], [1, 0, -1], [1, 0.5, 0], [25, 0, 0]] as const) {
      expect(isValidTile(z, x, y)).toBe(false);
      expect(() => tileBounds(z, x, y)).toThrow(RangeError);
    }
  });
});
