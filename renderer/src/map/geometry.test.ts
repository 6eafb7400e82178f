import { describe, expect, it } from 'vitest';
import type { GeoPoint } from '../../../electron/shared/domain/incident';
import { DEFAULT_CAMERA_RANGE_M } from '../../../electron/shared/geo/camera-coverage';
import { distanceM, headingDifferenceDeg, initialBearingDeg } from '../../../electron/shared/geo/distance';
import { conePolygon, dataBounds, formatDegrees, graticuleLines, graticuleStep, hitTest } from './geometry';

const SPOT: GeoPoint = { lat: 37.45, lon: 116.31 };

describe('conePolygon', () => {
  it('draws a directional camera as a wedge of true size: apex, arc at range across the field of view, apex', () => {
    const ring = conePolygon({ location: SPOT, headingDeg: 90, fovDeg: 60, rangeM: 200 });
    expect(ring[0]).toEqual(SPOT);
    expect(ring.at(-1)).toEqual(SPOT);
    const arc = ring.slice(1, -1);
    expect(arc.length).toBeGreaterThanOrEqual(7); // at most 10° between arc points
    for (const p of arc) {
      expect(distanceM(SPOT, p)).toBeCloseTo(200, 6);
      expect(Math.abs(headingDifferenceDeg(90, initialBearingDeg(SPOT, p)))).toBeLessThanOrEqual(30 + 1e-6);
    }
    expect(initialBearingDeg(SPOT, arc[0]!)).toBeCloseTo(60, 6);
    expect(initialBearingDeg(SPOT, arc.at(-1)!)).toBeCloseTo(120, 6);
  });

  it('wraps through north: heading 350° with a 40° view spans 330° to 10°', () => {
    const arc = conePolygon({ location: SPOT, headingDeg: 350, fovDeg: 40, rangeM: 100 }).slice(1, -1);
    expect(initialBearingDeg(SPOT, arc[0]!)).toBeCloseTo(330, 6);
    expect(initialBearingDeg(SPOT, arc.at(-1)!)).toBeCloseTo(10, 6);
  });

  it('draws all-round cameras as a circle of their range, and uses the coverage default range when none is known', () => {
    for (const cam of [
      { headingDeg: null, fovDeg: null },
      { headingDeg: 45, fovDeg: 360 },
      { headingDeg: null, fovDeg: 90 },
    ]) {
      const ring = conePolygon({ location: SPOT, rangeM: null, ...cam });
      expect(ring).toHaveLength(36);
      for (const p of ring) expect(distanceM(SPOT, p)).toBeCloseTo(DEFAULT_CAMERA_RANGE_M, 6);
      const bearings = ring.map((p) => Math.round(initialBearingDeg(SPOT, p)) % 360);
      expect(bearings).toEqual(Array.from({ length: 36 }, (_, i) => i * 10));
    }
  });

  it('keeps narrow views smooth enough: at least two arc segments', () => {
    expect(conePolygon({ location: SPOT, headingDeg: 0, fovDeg: 4, rangeM: 50 })).toHaveLength(5);
  });
});

describe('dataBounds', () => {
  it('holds every point and is null without points', () => {
    expect(dataBounds([])).toBeNull();
    const b = dataBounds([SPOT, { lat: 37.5, lon: 116.2 }, { lat: 37.3, lon: 116.5 }]);
    expect(b).toEqual({ south: 37.3, west: 116.2, north: 37.5, east: 116.5 });
  });

  it('gives a single point some surroundings', () => {
    const b = dataBounds([SPOT], 0.02)!;
    expect(b.north - b.south).toBeCloseTo(0.02, 12);
    expect(b.east - b.west).toBeCloseTo(0.02, 12);
    expect((b.north + b.south) / 2).toBeCloseTo(SPOT.lat, 12);
  });

  it('stays on the globe', () => {
    expect(dataBounds([{ lat: 90, lon: 180 }], 1)).toEqual({ south: 89.5, west: 179.5, north: 90, east: 180 });
  });
});

describe('graticule', () => {
  it('chooses 1-2-5 spacings giving a handful of lines', () => {
    expect(graticuleStep(0.45)).toBe(0.1);
    expect(graticuleStep(0.05)).toBe(0.01);
    expect(graticuleStep(3)).toBe(0.5);
    expect(graticuleStep(360)).toBe(30);
    expect(graticuleStep(0)).toBe(0.0001);
    for (const span of [0.003, 0.02, 0.7, 7, 70]) {
      const n = span / graticuleStep(span);
      expect(n).toBeGreaterThanOrEqual(4);
      expect(n).toBeLessThan(13);
    }
  });

  it('places lines on exact multiples, without rounding drift', () => {
    expect(graticuleLines(116.21, 116.52, 0.1)).toEqual([116.3, 116.4, 116.5]);
    expect(graticuleLines(37.3, 37.35, 0.01)).toEqual([37.3, 37.31, 37.32, 37.33, 37.34, 37.35]);
    expect(graticuleLines(-0.3, 0.3, 0.2)).toEqual([-0.2, 0, 0.2]);
    expect(graticuleLines(1, 0, 0.1)).toEqual([]);
  });

  it('labels with hemispheres and as many decimals as the spacing needs', () => {
    expect(formatDegrees(116.3, 'lon', 0.1)).toBe('116.3°E');
    expect(formatDegrees(37.45, 'lat', 0.05)).toBe('37.45°N');
    expect(formatDegrees(-33.9, 'lat', 0.1)).toBe('33.9°S');
    expect(formatDegrees(-70, 'lon', 10)).toBe('70°W');
    expect(formatDegrees(0, 'lat', 1)).toBe('0°');
  });
});

describe('hitTest', () => {
  const marks = [{ x: 10, y: 10, r: 5 }, null, { x: 14, y: 10, r: 5 }, { x: 100, y: 100, r: 3 }];
  const at = (i: number) => marks[i] ?? null;

  it('finds the nearest mark whose disc, with tolerance, holds the point', () => {
    expect(hitTest(marks.length, 9, 10, 0, at)).toBe(0);
    expect(hitTest(marks.length, 15, 10, 0, at)).toBe(2);
    expect(hitTest(marks.length, 104, 100, 0, at)).toBe(-1);
    expect(hitTest(marks.length, 104, 100, 2, at)).toBe(3);
    expect(hitTest(marks.length, 50, 50, 4, at)).toBe(-1);
  });

  it('prefers the mark drawn later when two are equally near', () => {
    expect(hitTest(marks.length, 12, 10, 0, at)).toBe(2);
  });
});
