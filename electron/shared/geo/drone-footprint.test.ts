import { describe, expect, it } from 'vitest';
import { destinationPoint, distanceM, initialBearingDeg } from './distance';
import { droneFootprint } from './drone-footprint';

const sensor = { lat: 31.23, lon: 121.47 };

describe('drone footprint', () => {
  it('is null without a frame centre or both fields of view', () => {
    const base = { sensor, altitudeM: 300, frameCenter: destinationPoint(sensor, 0, 300), hfovDeg: 40, vfovDeg: 20, slantRangeM: 424, headingDeg: 0 };
    expect(droneFootprint(base)).not.toBeNull();
    expect(droneFootprint({ ...base, frameCenter: null })).toBeNull();
    expect(droneFootprint({ ...base, hfovDeg: null })).toBeNull();
    expect(droneFootprint({ ...base, vfovDeg: null })).toBeNull();
  });

  it('looking 45° down towards the north: a trapezoid, narrow near, wide far, symmetric about the line of sight', () => {
    const centre = destinationPoint(sensor, 0, 300);
    const [nl, nr, fr, fl] = droneFootprint({ sensor, altitudeM: 300, frameCenter: centre, hfovDeg: 40, vfovDeg: 20, slantRangeM: 424, headingDeg: 0 })!;
    // Near edge: 55° down → 300/tan 55° ≈ 210 m out; far edge: 35° down → ≈ 428 m out, along bearings ±20°.
    expect(distanceM(sensor, nl!)).toBeCloseTo(300 / Math.tan((55 * Math.PI) / 180), -1);
    expect(distanceM(sensor, fr!)).toBeCloseTo(300 / Math.tan((35 * Math.PI) / 180), -1);
    expect(initialBearingDeg(sensor, nr!)).toBeCloseTo(20, 1);
    expect(initialBearingDeg(sensor, fl!)).toBeCloseTo(340, 1);
    expect(distanceM(fl!, fr!)).toBeGreaterThan(distanceM(nl!, nr!));
  });

  it('cuts a view that reaches the horizon off at four times the centre distance', () => {
    const centre = destinationPoint(sensor, 90, 3000);
    const corners = droneFootprint({ sensor, altitudeM: 100, frameCenter: centre, hfovDeg: 30, vfovDeg: 20, slantRangeM: null, headingDeg: 90 })!;
    expect(distanceM(sensor, corners[2]!)).toBeCloseTo(12_000, -2);
  });

  it('without the sensor position: a rectangle about the frame centre from the slant range', () => {
    const centre = { lat: 31.2, lon: 121.5 };
    const corners = droneFootprint({ sensor: null, altitudeM: null, frameCenter: centre, hfovDeg: 90, vfovDeg: 60, slantRangeM: 100, headingDeg: 0 })!;
    // 2·100·tan 45° = 200 m wide, 2·100·tan 30° ≈ 115 m deep.
    expect(distanceM(corners[0]!, corners[1]!)).toBeCloseTo(200, 0);
    expect(distanceM(corners[1]!, corners[2]!)).toBeCloseTo(115.5, 0);
  });
});
