import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_M, destinationPoint, distanceM, headingDifferenceDeg, initialBearingDeg, normalizeDeg } from './distance';

const geoPoint = fc.record({
  lat: fc.double({ min: -89.9, max: 89.9, noNaN: true }),
  lon: fc.double({ min: -180, max: 180, noNaN: true }),
});
const heading = fc.double({ min: -720, max: 720, noNaN: true });

describe('distanceM (haversine on a sphere of radius 6 371 008.8 m)', () => {
  it('measures one degree of latitude as about 111.2 km, anywhere along a meridian', () => {
    const oneDegree = (EARTH_RADIUS_M * Math.PI) / 180;
    expect(oneDegree).toBeCloseTo(111_195.08, 1);
    expect(distanceM({ lat: 0, lon: 0 }, { lat: 1, lon: 0 })).toBeCloseTo(oneDegree, 6);
    expect(distanceM({ lat: 37, lon: 116 }, { lat: 38, lon: 116 })).toBeCloseTo(oneDegree, 6);
    expect(distanceM({ lat: -60, lon: -70 }, { lat: -61, lon: -70 })).toBeCloseTo(oneDegree, 6);
  });

  it('shrinks a degree of longitude by cos(latitude) for short hops', () => {
    // At 60°N one degree of longitude is half an equatorial degree; the great circle cuts the
    // parallel slightly short, hence the 0.1 % tolerance.
    const equator = distanceM({ lat: 0, lon: 10 }, { lat: 0, lon: 11 });
    const sixty = distanceM({ lat: 60, lon: 10 }, { lat: 60, lon: 11 });
    expect(equator).toBeCloseTo(111_195.08, 1);
    expect(sixty / equator).toBeCloseTo(0.5, 3);
  });

  it('gives half the circumference between antipodes and across the poles, without NaN', () => {
    expect(distanceM({ lat: 0, lon: 0 }, { lat: 0, lon: 180 })).toBeCloseTo(Math.PI * EARTH_RADIUS_M, 3);
    expect(distanceM({ lat: 90, lon: 0 }, { lat: -90, lon: 0 })).toBeCloseTo(Math.PI * EARTH_RADIUS_M, 3);
    expect(distanceM({ lat: 30, lon: 20 }, { lat: -30, lon: -160 })).toBeCloseTo(Math.PI * EARTH_RADIUS_M, 3);
  });

  it('treats longitudes either side of the antimeridian as neighbours', () => {
    expect(distanceM({ lat: 0, lon: 179.5 }, { lat: 0, lon: -179.5 })).toBeCloseTo(111_195.08, 1);
  });

  it('is zero for a point and itself, symmetric, and never beyond half the circumference', () => {
    fc.assert(
      fc.property(geoPoint, geoPoint, (a, b) => {
        expect(distanceM(a, a)).toBe(0);
        const ab = distanceM(a, b);
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual(Math.PI * EARTH_RADIUS_M + 1e-6);
        expect(Math.abs(ab - distanceM(b, a))).toBeLessThan(1e-6);
      }),
    );
  });

  it('obeys the triangle inequality', () => {
    // Haversine loses precision for nearly antipodal pairs (asin near 1), hence a metre of slack;
    // at city scale its error is far below a millimetre.
    fc.assert(
      fc.property(geoPoint, geoPoint, geoPoint, (a, b, c) => {
        expect(distanceM(a, c)).toBeLessThanOrEqual(distanceM(a, b) + distanceM(b, c) + 1);
      }),
    );
  });
});

describe('initialBearingDeg', () => {
  it('points the four compass directions from the equator', () => {
    const origin = { lat: 0, lon: 0 };
    expect(initialBearingDeg(origin, { lat: 1, lon: 0 })).toBe(0);
    expect(initialBearingDeg(origin, { lat: 0, lon: 1 })).toBeCloseTo(90, 12);
    expect(initialBearingDeg(origin, { lat: -1, lon: 0 })).toBeCloseTo(180, 12);
    expect(initialBearingDeg(origin, { lat: 0, lon: -1 })).toBeCloseTo(270, 12);
  });

  it('heads due east along the equator even across the antimeridian', () => {
    expect(initialBearingDeg({ lat: 0, lon: 179.9 }, { lat: 0, lon: -179.9 })).toBeCloseTo(90, 12);
  });

  it('leaves a parallel poleward when heading for a point further east (great circle, not rhumb line)', () => {
    // Beijing-ish latitude, 10° further east on the same parallel: the great circle starts north of east.
    const b = initialBearingDeg({ lat: 40, lon: 110 }, { lat: 40, lon: 120 });
    expect(b).toBeGreaterThan(80);
    expect(b).toBeLessThan(90);
  });

  it('returns 0 for coincident points rather than NaN', () => {
    expect(initialBearingDeg({ lat: 37.45, lon: 116.31 }, { lat: 37.45, lon: 116.31 })).toBe(0);
  });

  it('always lands in [0, 360) and agrees with destinationPoint', () => {
    fc.assert(
      fc.property(
        fc.record({ lat: fc.double({ min: -80, max: 80, noNaN: true }), lon: fc.double({ min: -180, max: 180, noNaN: true }) }),
        fc.double({ min: 0, max: 359.999, noNaN: true }),
        fc.double({ min: 1, max: 50_000, noNaN: true }),
        (from, bearing, metres) => {
          const to = destinationPoint(from, bearing, metres);
          const b = initialBearingDeg(from, to);
          expect(b).toBeGreaterThanOrEqual(0);
          expect(b).toBeLessThan(360);
          expect(Math.abs(headingDifferenceDeg(bearing, b))).toBeLessThan(1e-6);
          expect(distanceM(from, to)).toBeCloseTo(metres, 4);
        },
      ),
    );
  });
});

describe('headingDifferenceDeg', () => {
  it('takes the short way round through north', () => {
    expect(headingDifferenceDeg(350, 5)).toBeCloseTo(15, 12);
    expect(headingDifferenceDeg(5, 350)).toBeCloseTo(-15, 12);
    expect(headingDifferenceDeg(359, 1)).toBeCloseTo(2, 12);
    expect(headingDifferenceDeg(10, 40)).toBe(30);
    expect(headingDifferenceDeg(40, 10)).toBe(-30);
    expect(headingDifferenceDeg(90, 90)).toBe(0);
  });

  it('calls exactly opposite headings -180', () => {
    expect(headingDifferenceDeg(0, 180)).toBe(-180);
    expect(headingDifferenceDeg(180, 0)).toBe(-180);
  });

  it('accepts unnormalised headings', () => {
    expect(headingDifferenceDeg(-10, 370)).toBeCloseTo(20, 12);
    expect(headingDifferenceDeg(720, 45)).toBeCloseTo(45, 12);
  });

  it('stays in [-180, 180) and turns `from` into `to`', () => {
    fc.assert(
      fc.property(heading, heading, (from, to) => {
        const d = headingDifferenceDeg(from, to);
        expect(d).toBeGreaterThanOrEqual(-180);
        expect(d).toBeLessThan(180);
        expect(Math.abs(headingDifferenceDeg(normalizeDeg(from + d), to))).toBeLessThan(1e-9);
      }),
    );
  });
});

describe('normalizeDeg', () => {
  it('folds into [0, 360) and never returns 360 or -0', () => {
    expect(normalizeDeg(360)).toBe(0);
    expect(normalizeDeg(-90)).toBe(270);
    expect(normalizeDeg(725)).toBe(5);
    expect(normalizeDeg(-1e-15)).toBe(0);
    expect(Object.is(normalizeDeg(-0), 0)).toBe(true);
    expect(Object.is(normalizeDeg(-360), 0)).toBe(true);
  });
});
