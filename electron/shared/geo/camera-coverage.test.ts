import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GeoPoint } from '../domain/incident';
import { VideoPoint } from '../domain/video-point';
import { CO_LOCATED_M, DEFAULT_CAMERA_RANGE_M, camerasSeeing, isAllRound } from './camera-coverage';
import { mulberry32 } from '../random';
import { destinationPoint, distanceM, headingDifferenceDeg, initialBearingDeg } from './distance';

/** A junction in Dezhou, the demo city. */
const SPOT: GeoPoint = { lat: 37.45, lon: 116.31 };

let serial = 0;
function camera(over: Partial<VideoPoint> & { location: GeoPoint }): VideoPoint {
  serial += 1;
  // Parsed, so every fixture is a camera the rest of the system would accept.
  return VideoPoint.parse({
    id: `cam-${String(serial).padStart(5, '0')}`,
    name: `路口 ${serial}`,
    headingDeg: 0,
    fovDeg: 60,
    rangeM: 150,
    codec: 'h264',
    ptz: false,
    department: '交警支队',
    district: '德城区',
    online: true,
    ...over,
  });
}

/** A camera standing `metres` from SPOT, in the direction `fromSpotDeg` as seen from SPOT. */
function cameraAround(fromSpotDeg: number, metres: number, over: Partial<VideoPoint> = {}): VideoPoint {
  return camera({ location: destinationPoint(SPOT, fromSpotDeg, metres), ...over });
}

/**
 * Straight from the definition, with no prefilter: the reference the fast path must agree with.
 * The 1e-9 slack mirrors the implementation's allowance for rounding exactly on an edge.
 */
function seesByDefinition(cam: VideoPoint, point: GeoPoint, defaultRangeM: number): boolean {
  const d = distanceM(cam.location, point);
  if (d < CO_LOCATED_M) return true;
  if (d > (cam.rangeM ?? defaultRangeM) * (1 + 1e-9)) return false;
  if (isAllRound(cam)) return true;
  return Math.abs(headingDifferenceDeg(cam.headingDeg!, initialBearingDeg(cam.location, point))) <= cam.fovDeg! / 2 + 1e-9;
}

describe('camerasSeeing: what counts as seeing', () => {
  it('sees a point straight ahead within range', () => {
    // Camera 50 m south of the spot, looking north.
    const cam = cameraAround(180, 50, { headingDeg: 0 });
    const [hit, ...rest] = camerasSeeing(SPOT, [cam]);
    expect(rest).toEqual([]);
    expect(hit).toMatchObject({ camera: cam, sees: true, reason: 'in-view' });
    expect(hit!.distanceM).toBeCloseTo(50, 6);
    expect(hit!.bearingDeg).toBeCloseTo(0, 6);
    expect(hit!.offAxisDeg).toBeCloseTo(0, 6);
  });

  it('does not see a point behind or beside it', () => {
    const facingAway = cameraAround(180, 50, { headingDeg: 180 });
    const facingSideways = cameraAround(180, 50, { headingDeg: 90 });
    for (const cam of [facingAway, facingSideways]) {
      const [only] = camerasSeeing(SPOT, [cam]);
      expect(only).toMatchObject({ camera: cam, sees: false, reason: 'nearest', score: 0 });
    }
  });

  it('does not see beyond its range, and uses the default range when it has none', () => {
    const far = cameraAround(180, 200, { headingDeg: 0, rangeM: 150 });
    expect(camerasSeeing(SPOT, [far])[0]).toMatchObject({ sees: false, reason: 'nearest' });

    const unknownRange = cameraAround(180, 200, { headingDeg: 0, rangeM: null });
    expect(camerasSeeing(SPOT, [unknownRange])[0]!.sees).toBe(false);
    expect(camerasSeeing(SPOT, [unknownRange], { defaultRangeM: 250 })[0]).toMatchObject({ sees: true, reason: 'in-view' });

    const justInside = cameraAround(180, DEFAULT_CAMERA_RANGE_M - 0.5, { headingDeg: 0, rangeM: null });
    expect(camerasSeeing(SPOT, [justInside])[0]!.sees).toBe(true);
  });

  it('handles the 0°/360° wrap: heading 350° with a 40° view sees bearing 5°, not 40°', () => {
    // Place the spot at a given bearing from the camera by putting the camera on the reverse
    // bearing; meridians converge, so the two differ by a few 1e-5° over 60 m, hence 1e-3 below.
    const at = (bearingFromCamera: number) => cameraAround((bearingFromCamera + 180) % 360, 60, { headingDeg: 350, fovDeg: 40 });
    const sees = (bearing: number) => camerasSeeing(SPOT, [at(bearing)])[0]!;

    expect(sees(5)).toMatchObject({ sees: true, reason: 'in-view' });
    expect(sees(5).offAxisDeg).toBeCloseTo(15, 3);
    expect(sees(5).bearingDeg).toBeCloseTo(5, 3);
    expect(sees(40)).toMatchObject({ sees: false, reason: 'nearest' });
    expect(sees(40).offAxisDeg).toBeCloseTo(50, 3);
    // Both edges of the view, either side of north.
    expect(sees(9).sees).toBe(true);
    expect(sees(11).sees).toBe(false);
    expect(sees(331).sees).toBe(true);
    expect(sees(329).sees).toBe(false);
  });

  it('lets all-round cameras see every direction within range', () => {
    const kinds: Partial<VideoPoint>[] = [
      { headingDeg: null, fovDeg: null },
      { headingDeg: null, fovDeg: 90 }, // a PTZ dome whose current heading is unknown
      { headingDeg: 90, fovDeg: 360 },
      { headingDeg: 90, fovDeg: null },
    ];
    for (const kind of kinds) {
      for (const dir of [0, 45, 90, 180, 270, 359]) {
        const near = cameraAround(dir, 100, kind);
        expect(camerasSeeing(SPOT, [near])[0]).toMatchObject({ sees: true, reason: 'all-round' });
        const far = cameraAround(dir, 200, kind);
        expect(camerasSeeing(SPOT, [far])[0]).toMatchObject({ sees: false, reason: 'nearest' });
      }
    }
  });

  it('reports no off-axis angle for an all-round camera without a heading', () => {
    const dome = cameraAround(0, 20, { headingDeg: null, fovDeg: null });
    expect(camerasSeeing(SPOT, [dome])[0]!.offAxisDeg).toBeNull();
    const fisheye = cameraAround(0, 20, { headingDeg: 0, fovDeg: 360 });
    // The spot is due south of a camera that stands north of it.
    expect(camerasSeeing(SPOT, [fisheye])[0]!.offAxisDeg).toBeCloseTo(180, 6);
  });

  it('counts a camera standing on the point as seeing it, whichever way it looks', () => {
    for (const headingDeg of [0, 90, 180, 270]) {
      const onTop = camera({ location: { ...SPOT }, headingDeg, fovDeg: 30, rangeM: 0.5 });
      const [hit] = camerasSeeing(SPOT, [onTop]);
      expect(hit).toMatchObject({ sees: true, reason: 'in-view', distanceM: 0, offAxisDeg: null, score: 1 });
    }
    const halfMetreAway = cameraAround(0, 0.5, { headingDeg: 0, fovDeg: 30 });
    expect(camerasSeeing(SPOT, [halfMetreAway])[0]).toMatchObject({ sees: true, offAxisDeg: null });
    const twoMetresAway = cameraAround(0, 2, { headingDeg: 0, fovDeg: 30 });
    expect(camerasSeeing(SPOT, [twoMetresAway])[0]!.sees).toBe(false);
  });

  it('agrees with the plain definition for arbitrary cameras, including near the poles and the antimeridian', () => {
    const place = fc.oneof(
      fc.constant(SPOT),
      fc.record({ lat: fc.double({ min: -89.99, max: 89.99, noNaN: true }), lon: fc.double({ min: -180, max: 180, noNaN: true }) }),
      fc.record({ lat: fc.double({ min: -30, max: 30, noNaN: true }), lon: fc.constantFrom(-180, 179.9999, -179.9999) }),
      fc.record({ lat: fc.constantFrom(89.9995, -89.9995), lon: fc.double({ min: -180, max: 180, noNaN: true }) }),
    );
    const cam = fc.record({
      fromPointDeg: fc.double({ min: 0, max: 359.99, noNaN: true }),
      metres: fc.oneof(fc.double({ min: 0, max: 400, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true })),
      headingDeg: fc.option(fc.double({ min: 0, max: 359.99, noNaN: true })),
      fovDeg: fc.option(fc.double({ min: 1, max: 360, noNaN: true })),
      rangeM: fc.option(fc.double({ min: 1, max: 500, noNaN: true })),
      online: fc.boolean(),
    });
    fc.assert(
      fc.property(place, fc.array(cam, { maxLength: 12 }), fc.double({ min: 10, max: 400, noNaN: true }), (point, specs, defaultRangeM) => {
        const cams = specs.map(({ fromPointDeg, metres, ...rest }) => camera({ location: destinationPoint(point, fromPointDeg, metres), ...rest }));
        const result = camerasSeeing(point, cams, { defaultRangeM, nearestFallback: 100 });
        const expected = cams.filter((c) => seesByDefinition(c, point, defaultRangeM));
        if (expected.length > 0) {
          expect(result.every((r) => r.sees)).toBe(true);
          expect(new Set(result.map((r) => r.camera.id))).toEqual(new Set(expected.map((c) => c.id)));
        } else {
          expect(result.every((r) => !r.sees && r.reason === 'nearest')).toBe(true);
          expect(result).toHaveLength(cams.length);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('camerasSeeing: ranking', () => {
  it('puts closer and more on-axis cameras first, and scores within [0, 1]', () => {
    const nearOnAxis = cameraAround(180, 30, { headingDeg: 0 });
    const farOnAxis = cameraAround(180, 120, { headingDeg: 0 });
    // 30 m away but the spot sits 25° off a 60° view: near the edge of the picture.
    const nearOffAxis = cameraAround(180, 30, { headingDeg: 25 });
    const result = camerasSeeing(SPOT, [farOnAxis, nearOffAxis, nearOnAxis]);
    expect(result.map((r) => r.camera.id)).toEqual([nearOnAxis.id, nearOffAxis.id, farOnAxis.id]);
    for (const r of result) {
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(1);
    }
    expect(result[0]!.score).toBeGreaterThan(result[1]!.score);
    expect(result[1]!.score).toBeGreaterThan(result[2]!.score);
  });

  it('puts online cameras before offline ones, however well placed', () => {
    const offlineBest = cameraAround(180, 5, { headingDeg: 0, online: false });
    const onlineWorse = cameraAround(180, 140, { headingDeg: 20 });
    const result = camerasSeeing(SPOT, [offlineBest, onlineWorse]);
    expect(result.map((r) => r.camera.id)).toEqual([onlineWorse.id, offlineBest.id]);
    expect(result[1]!.score).toBeGreaterThan(result[0]!.score);
    expect(result.every((r) => r.sees)).toBe(true);
  });

  it('returns only the cameras that see when some do, ranked online-then-score', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            fromSpotDeg: fc.double({ min: 0, max: 359.99, noNaN: true }),
            metres: fc.double({ min: 0, max: 300, noNaN: true }),
            headingDeg: fc.option(fc.double({ min: 0, max: 359.99, noNaN: true })),
            fovDeg: fc.double({ min: 10, max: 360, noNaN: true }),
            online: fc.boolean(),
          }),
          { minLength: 1, maxLength: 30 },
        ),
        (specs) => {
          const cams = specs.map(({ fromSpotDeg, metres, ...rest }) => cameraAround(fromSpotDeg, metres, rest));
          const result = camerasSeeing(SPOT, cams);
          if (!result.some((r) => r.sees)) return;
          expect(result.every((r) => r.sees && r.reason !== 'nearest')).toBe(true);
          for (let i = 1; i < result.length; i++) {
            const [a, b] = [result[i - 1]!, result[i]!];
            if (a.camera.online === b.camera.online) expect(a.score).toBeGreaterThanOrEqual(b.score);
            else expect(a.camera.online).toBe(true);
          }
        },
      ),
    );
  });
});

describe('camerasSeeing: nearest fallback', () => {
  const awayAt = (metres: number) => cameraAround(0, metres, { headingDeg: 0 }); // north of the spot, looking further north

  it('offers the three nearest cameras, nearest first, when none sees the point', () => {
    const cams = [awayAt(400), awayAt(90), awayAt(1000), awayAt(20), awayAt(60)];
    const result = camerasSeeing(SPOT, cams);
    expect(result.map((r) => Math.round(r.distanceM))).toEqual([20, 60, 90]);
    expect(result.every((r) => r.reason === 'nearest' && !r.sees && r.score === 0)).toBe(true);
    expect(result[0]!.offAxisDeg).toBeCloseTo(180, 6);
  });

  it('honours nearestFallback, including zero, and copes with fewer cameras than asked for', () => {
    const cams = [awayAt(400), awayAt(90), awayAt(20)];
    expect(camerasSeeing(SPOT, cams, { nearestFallback: 1 }).map((r) => Math.round(r.distanceM))).toEqual([20]);
    expect(camerasSeeing(SPOT, cams, { nearestFallback: 0 })).toEqual([]);
    expect(camerasSeeing(SPOT, cams, { nearestFallback: 10 })).toHaveLength(3);
    expect(camerasSeeing(SPOT, [])).toEqual([]);
  });

  it('skips the fallback as soon as one camera sees, even a distant one', () => {
    const seer = cameraAround(180, 149, { headingDeg: 0 });
    const result = camerasSeeing(SPOT, [awayAt(5), awayAt(6), seer]);
    expect(result.map((r) => r.camera.id)).toEqual([seer.id]);
  });

  it('breaks distance ties by id, so the list is stable', () => {
    const a = cameraAround(0, 50, { headingDeg: 0 });
    const b = cameraAround(0, 50, { headingDeg: 0 });
    expect(camerasSeeing(SPOT, [b, a]).map((r) => r.camera.id)).toEqual([a.id, b.id]);
  });

  it('refuses nonsensical options', () => {
    expect(() => camerasSeeing(SPOT, [], { defaultRangeM: 0 })).toThrow(RangeError);
    expect(() => camerasSeeing(SPOT, [], { nearestFallback: -1 })).toThrow(RangeError);
    expect(() => camerasSeeing(SPOT, [], { defaultRangeM: Number.NaN })).toThrow(RangeError);
  });
});

describe('camerasSeeing: a city-sized register', () => {
  // 20 000 cameras scattered over about 40 km × 40 km around the spot. No timing assertions: this
  // proves the query handles the size and stays correct, not how fast a given machine is.
  const random = mulberry32(20_000);
  const cams = Array.from({ length: 20_000 }, () =>
    camera({
      location: { lat: SPOT.lat + (random() - 0.5) * 0.36, lon: SPOT.lon + (random() - 0.5) * 0.45 },
      headingDeg: random() < 0.2 ? null : random() * 359.9,
      fovDeg: random() < 0.1 ? 360 : 30 + random() * 90,
      rangeM: random() < 0.3 ? null : 50 + random() * 250,
      online: random() < 0.9,
    }),
  );

  it('answers for 20 000 cameras, matching the brute-force definition', () => {
    for (const point of [SPOT, { lat: SPOT.lat + 0.05, lon: SPOT.lon - 0.07 }, { lat: SPOT.lat - 0.1, lon: SPOT.lon + 0.1 }]) {
      const result = camerasSeeing(point, cams);
      const expected = cams.filter((c) => seesByDefinition(c, point, DEFAULT_CAMERA_RANGE_M));
      expect(result.filter((r) => r.sees).map((r) => r.camera.id).sort()).toEqual(expected.map((c) => c.id).sort());
    }
  });

  it('falls back to the nearest three for a point far from every camera', () => {
    const result = camerasSeeing({ lat: 40, lon: 120 }, cams);
    expect(result).toHaveLength(3);
    const nearestThree = cams
      .map((c) => distanceM(c.location, { lat: 40, lon: 120 }))
      .sort((a, b) => a - b)
      .slice(0, 3);
    expect(result.map((r) => r.distanceM)).toEqual(nearestThree);
  });
});

