import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDronePosition, type DronePosition } from './drone-position';
import { DroneWire, Item, Operation } from './protocol';

const num = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const validPosition: fc.Arbitrary<DronePosition> = fc.record(
  {
    droneId: fc.stringMatching(/^drone-[A-Za-z0-9_-]{1,56}$/),
    at: fc.integer({ min: 0, max: 4_102_444_800_000 }),
    lat: num(-90, 90),
    lon: num(-180, 180),
    altitudeM: fc.option(num(-900, 19_000), { nil: null }),
    headingDeg: fc.option(num(0, 359.999), { nil: null }),
    pitchDeg: fc.option(num(-90, 90), { nil: null }),
    rollDeg: fc.option(num(-180, 180), { nil: null }),
    speedMps: fc.option(num(0, 1000), { nil: null }),
  },
  { requiredKeys: ['droneId', 'at', 'lat', 'lon', 'altitudeM', 'headingDeg'] },
);

describe('hub drone position messages', () => {
  it('accept every valid position and give it back unchanged', () => {
    fc.assert(
      fc.property(validPosition, (p) => {
        const r = parseDronePosition(JSON.parse(JSON.stringify(p)));
        expect(r).toEqual({ ok: true, position: JSON.parse(JSON.stringify(p)) });
      }),
      { numRuns: 1000 },
    );
  });

  it('never throw on anything the network may carry; a refusal says why, in one short line', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything()), (raw) => {
        const r = parseDronePosition(raw);
        if (!r.ok) {
          expect(r.reason.length).toBeGreaterThan(0);
          expect(r.reason.length).toBeLessThanOrEqual(200);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('refuse a valid position with any one field broken, naming that field', () => {
    const breakers: Record<string, fc.Arbitrary<unknown>> = {
      droneId: fc.oneof(fc.constant('cam-1'), fc.constant(''), fc.integer()),
      at: fc.oneof(fc.constant(-1), fc.constant(1.5), fc.constant('now')),
      lat: fc.oneof(num(90.0001, 1e6), num(-1e6, -90.0001), fc.constant(Number.NaN)),
      lon: fc.oneof(num(180.0001, 1e6), num(-1e6, -180.0001), fc.constant(Number.POSITIVE_INFINITY)),
      altitudeM: fc.oneof(num(19_000.001, 1e9), fc.constant('300')),
      headingDeg: fc.oneof(num(360, 1e6), num(-1e6, -0.001)),
    };
    fc.assert(
      fc.property(validPosition, fc.constantFrom(...Object.keys(breakers)), fc.context(), (p, field, ctx) => {
        const bad = fc.sample(breakers[field]!, 1)[0];
        ctx.log(`${field} = ${String(bad)}`);
        const r = parseDronePosition({ ...p, [field]: bad });
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.reason.startsWith(field)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('refuse unknown fields (a changed format must be noticed, not half read)', () => {
    const r = parseDronePosition({ droneId: 'drone-x', at: 1, lat: 1, lon: 1, altitudeM: null, headingDeg: null, battery: 80 });
    expect(r).toMatchObject({ ok: false });
  });
});

describe('drone records on the wire', () => {
  const drone = { id: 'drone-dock1', callsign: '机场1号', model: 'DJI Dock 2', streamUrl: 'rtmp://10.2.0.8/live/dock1', codec: 'h264', telemetry: 'hub', credentials: null, updatedAt: 1, rowVersion: 1 };
  it('travel as an item of the camera stream', () => {
    expect(Item.parse({ entity: 'drone', op: 'upsert', row: drone })).toMatchObject({ entity: 'drone' });
  });
  it('never name a local file, nor carry a password in the address', () => {
    for (const streamUrl of ['/etc/passwd', 'file:///etc/passwd', 'rtmp://user:pw@10.0.0.1/live', 'rtsp://10.0.0.1/x']) {
      expect(DroneWire.safeParse({ ...drone, streamUrl }).success).toBe(false);
      expect(Operation.safeParse({ kind: 'drone.update', droneId: 'drone-dock1', callsign: 'x', telemetry: 'hub', streamUrl }).success).toBe(false);
    }
  });
});
