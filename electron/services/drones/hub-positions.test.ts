// Hub position messages end to end in main: the reference hub (HubStore on SQLite, its socket.io
// server, its position feed) relays positions; the workstation's socket link validates each one
// (a malformed one is counted in the log and skipped, never fatal); the drone service turns them
// into `drones.telemetry` for a drone whose record says telemetry 'hub', and follows record changes.
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../test/support/temp';
import { events } from '../../shared/contract/events';
import type { DroneTelemetry } from '../../shared/domain/drone';
import { DRONE_POSITION_EVENT } from '../../shared/sync/drone-position';
import { DronePositionFeed } from '../../hub/drone-positions';
import { HubStore } from '../../hub/hub-store';
import { startHubServer } from '../../hub/server';
import type { DroneSource } from '../store/drone-records';
import { connectSocketLink } from '../sync/socket-link';
import { DroneService } from './drone-service';
import { streamAddress } from './stream-address';

const tempDir = useTempDirs();
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function until(what: string, check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A real hub relaying drone positions, and a workstation's link to it whose log lines are kept. */
async function hubWithLink() {
  const hub = new HubStore(path.join(tempDir(), 'hub.db'), undefined, {}, { synchronous: 'NORMAL' });
  hub.setWorkstationSecret('ws-1', 'secret-one');
  const positions = new DronePositionFeed();
  const server = await startHubServer({ store: hub, port: 0, log: pino({ level: 'silent' }), positions });
  cleanups.push(() => hub.close(), () => server.close());
  const lines: { msg: string; count?: number; reason?: string }[] = [];
  const log = pino({ level: 'debug' }, { write: (s: string) => void lines.push(JSON.parse(s)) });
  const link = connectSocketLink({ url: server.url, hello: { protocol: 1, workstationId: 'ws-1', secret: 'secret-one', clientId: 'c-1' }, log });
  cleanups.push(() => link.close());
  return { positions, link, lines };
}

const dock: DroneSource = { id: 'drone-dock1', callsign: '机场1号', model: 'DJI Dock 2', telemetry: 'hub', codec: 'unknown', streamUrl: null, username: null, password: null };
const position = (at: number, lat = 37.45, heading = 90) => ({ droneId: 'drone-dock1', at, lat, lon: 116.33, altitudeM: 120, headingDeg: heading });

describe('hub drone positions', () => {
  it('reach the map as drones.telemetry; malformed ones are counted and skipped, never fatal', async () => {
    const { positions, link, lines } = await hubWithLink();
    const published: DroneTelemetry[] = [];
    const drones = new DroneService({ drones: [], publish: (t) => published.push(events['drones.telemetry'].parse(t)), log: pino({ level: 'silent' }), maxHz: 1000 });
    cleanups.push(() => drones.close());
    drones.setRecords([dock]);
    link.onDronePosition!((p) => drones.hubPosition(p));
    await new Promise<void>((resolve) => link.onConnection((up) => up && resolve()));

    // The hub checks what it relays: a broken position is refused there and never sent.
    expect(positions.publish({ droneId: 'drone-dock1', lat: 'north' })).toBe(false);
    positions.publish(position(1_000));
    await until('first position', () => published.length === 1);
    expect(published[0]).toMatchObject({ id: 'drone-dock1', callsign: '机场1号', position: { lat: 37.45, lon: 116.33 }, altitudeM: 120, headingDeg: 90, timestampUs: 1_000_000, hfovDeg: null, frameCenter: null, decoded: 1, skipped: 0 });

    // An older position (late, or repeated) changes nothing and counts as skipped: the drone never jumps back.
    positions.publish(position(500, 10));
    positions.publish(position(2_000, 37.46, 180));
    await until('second position', () => published.at(-1)?.position?.lat === 37.46);
    expect(published.at(-1)).toMatchObject({ decoded: 2, skipped: 1, headingDeg: 180 });

    // For a drone this workstation does not have, or one whose position comes from its KLV: ignored.
    expect(drones.hubPosition({ ...position(3_000), droneId: 'drone-other' })).toBe('unknown-drone');
    drones.setRecords([{ ...dock, telemetry: 'klv' }]);
    expect(drones.hubPosition(position(4_000))).toBe('not-hub-telemetry');
    expect(drones.list()).toEqual([{ id: 'drone-dock1', callsign: '机场1号', telemetry: 'klv', codec: 'unknown', origin: 'hub', model: 'DJI Dock 2', hasStream: false }]);
    expect(lines.filter((l) => l.msg === 'malformed drone position from the hub skipped')).toEqual([]);
  });

  it('a malformed message on the wire is logged with a count and a reason, and the link carries on', async () => {
    const { positions, link, lines } = await hubWithLink();
    const got: unknown[] = [];
    link.onDronePosition!((p) => got.push(p));
    await new Promise<void>((resolve) => link.onConnection((up) => up && resolve()));
    // The feed checks what it relays; to put garbage on the wire as a hub of another make might,
    // hand it to the server's relay directly (the feed's listeners), past that check.
    const listeners = (positions as unknown as { listeners: Set<(p: unknown) => void> }).listeners;
    for (const bad of [{ droneId: 'drone-dock1' }, 'hello', { ...position(1), lat: 91 }, { ...position(1), extra: true }]) for (const l of listeners) l(bad);
    for (const l of listeners) l(position(5));
    await until('the valid position', () => got.length === 1);
    expect(got).toEqual([position(5)]);
    const warned = lines.filter((l) => l.msg === 'malformed drone position from the hub skipped');
    expect(warned.map((l) => l.count)).toEqual([1, 2, 3, 4]);
    expect(warned.map((l) => l.reason)).toEqual([expect.stringMatching(/^at: /), expect.stringMatching(/^\(root\)/), expect.stringMatching(/^lat: /), expect.stringMatching(/^\(root\)|extra/)]);
    expect(DRONE_POSITION_EVENT).toBe('drone.position');
  });
});

describe('a hub record’s stream address with its credentials', () => {
  it('puts them where each source expects them, and leaves an address without them alone', () => {
    expect(streamAddress('rtmp://10.2.0.8/live/dock1', 'pilot', 'p@ss word')).toBe('rtmp://pilot:p%40ss%20word@10.2.0.8/live/dock1');
    expect(streamAddress('srt://10.2.0.9:9000?mode=caller', null, 'k3y')).toBe('srt://10.2.0.9:9000?mode=caller&passphrase=k3y');
    expect(streamAddress('udp://0.0.0.0:5600', 'x', 'y')).toBe('udp://0.0.0.0:5600');
    expect(streamAddress('rtmp://10.2.0.8/live', null, null)).toBe('rtmp://10.2.0.8/live');
  });
});

describe('the drone service following the hub’s records', () => {
  it('renames a drone in place, reads it again when its source changes, stops it when the record goes, and starts nothing once closed', () => {
    const drones = new DroneService({ drones: [{ id: 'drone-file', callsign: '文件', source: '/nonexistent.ts', codec: 'h264', telemetry: 'none' }], publish: () => undefined, log: pino({ level: 'silent' }), maxHz: 1000 });
    cleanups.push(() => drones.close());
    drones.setRecords([dock]);
    drones.hubPosition(position(1_000));
    expect(drones.telemetry()).toMatchObject([{ id: 'drone-dock1', callsign: '机场1号', decoded: 1 }]);

    // A new callsign alone: the same drone, its telemetry kept, now under the new name.
    drones.setRecords([{ ...dock, callsign: '机场一号' }]);
    expect(drones.telemetry()).toMatchObject([{ id: 'drone-dock1', callsign: '机场一号', decoded: 1 }]);
    drones.hubPosition(position(2_000));
    expect(drones.telemetry()).toMatchObject([{ callsign: '机场一号', decoded: 2 }]);

    // Another telemetry source: read again from the start (nothing carried over from the old one).
    drones.setRecords([{ ...dock, callsign: '机场一号', telemetry: 'none' }]);
    expect(drones.telemetry()).toEqual([]);
    expect(drones.source('drone-dock1')).toBeNull(); // no stream address: nothing to play

    // A record with the drone file's id is ignored: the workstation's own file wins.
    drones.setRecords([{ ...dock, id: 'drone-file' }]);
    expect(drones.list().map((d) => [d.id, d.origin, d.callsign])).toEqual([['drone-file', 'file', '文件']]);

    drones.close();
    drones.setRecords([dock]);
    expect(drones.list()).toEqual([]);
  });
});
