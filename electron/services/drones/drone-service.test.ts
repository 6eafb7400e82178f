// A drone's STANAG 4609 stream through main: the fixture file (H.264 + ST 0601 KLV, some
// checksums broken on purpose) played in a loop, its telemetry decoded, counted and published at
// most 5 times a second, its pictures reaching a window through the media service unchanged.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeFrame, type MediaFrame, type MediaServerMessage } from '../../shared/contract/media';
import { events } from '../../shared/contract/events';
import type { DroneTelemetry } from '../../shared/domain/drone';
import { droneTelemetry, writeKlvFixture } from '../../../test/support/klv-fixtures';
import { MediaService } from '../video/media-service';
import { DroneService } from './drone-service';

async function until(what: string, check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('drone service', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-drone-'));
  const published: { at: number; t: DroneTelemetry }[] = [];
  let drones: DroneService;
  let media: MediaService;
  let file: string;
  beforeAll(() => {
    // 50 pictures (2 s), one KLV packet per picture, packets 3 and 30 with a broken checksum.
    file = writeKlvFixture(dir, { carriage: 'sync', frames: 50, badChecksum: [3, 30] });
    const log = pino({ level: 'silent' });
    drones = new DroneService({
      drones: [{ id: 'drone-t1', callsign: 'T-1', source: file, codec: 'h264', telemetry: 'klv' }],
      publish: (t) => published.push({ at: Date.now(), t: events['drones.telemetry'].parse(t) }),
      log,
    });
    media = new MediaService({ resolve: async (id) => drones.source(id) ?? 'unknown_camera', log, graceMs: 100 });
  });
  afterAll(() => {
    media?.close();
    drones?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('decodes the telemetry as the file plays, skips the broken packets and publishes at most 5 times a second', async () => {
    // One loop (2 s) and a bit: both broken packets seen.
    await until('the second broken packet', () => (drones.telemetry()[0]?.skipped ?? 0) >= 2, 6000);
    const latest = drones.telemetry()[0]!;
    expect(latest).toMatchObject({ id: 'drone-t1', callsign: 'T-1' });
    // Packets 0..30 read, 3 and 30 refused.
    expect(latest.decoded).toBeGreaterThanOrEqual(29);
    // The values are those of the picture the packet belongs to (its PTS).
    const i = Math.round((latest.streamTimeS! - 1.4) * 25);
    const want = droneTelemetry(i);
    expect(latest.position!.lat).toBeCloseTo(want.sensorLatitudeDeg!, 5);
    expect(latest.position!.lon).toBeCloseTo(want.sensorLongitudeDeg!, 5);
    expect(latest.headingDeg).toBeCloseTo(want.platformHeadingDeg!, 1);
    expect(latest.altitudeM).toBeCloseTo(320, 0);
    expect(latest.hfovDeg).toBeCloseTo(62.5, 1);
    expect(latest.frameCenter!.lat).toBeCloseTo(want.frameCenterLatitudeDeg!, 5);
    expect(latest.slantRangeM).toBeCloseTo(430, 0);
    // Throttled: 25 packets a second in, no two publications closer than 200 ms (timer slack aside).
    expect(published.length).toBeGreaterThanOrEqual(5);
    for (let k = 1; k < published.length; k++) expect(published[k]!.at - published[k - 1]!.at).toBeGreaterThanOrEqual(190);
    expect(published.length).toBeLessThanOrEqual(Math.ceil((published.at(-1)!.at - published[0]!.at) / 200) + 1);
  });

  it("plays the drone's pictures to a window through the media service, as sent, starting on a keyframe and across loops", async () => {
    const messages: MediaServerMessage[] = [];
    const frames: MediaFrame[] = [];
    const c = media.connect({ send: (m) => messages.push(m), sendFrame: (f) => void frames.push(decodeFrame(f)!), buffered: () => 0 }, 'w');
    c.handle(JSON.stringify({ type: 'watch', slot: 1, cameraId: 'drone-t1', quality: 'main' }));
    // 70 pictures: past the end of the 50-picture file, so the loop is seen too.
    await until('70 pictures', () => frames.length >= 70, 8000);
    expect(frames[0]!.keyframe).toBe(true);
    expect(messages.some((m) => m.type === 'state' && m.state === 'live')).toBe(true);
    expect(messages.find((m) => m.type === 'format')).toMatchObject({ format: { codec: 'h264', width: 320, height: 240 } });
    // Picture times only go forward, a loop included.
    for (let k = 1; k < frames.length; k++) expect(frames[k]!.timestampUs).toBeGreaterThan(frames[k - 1]!.timestampUs);
    // Without re-encoding: every picture is an Annex B H.264 access unit (AUD first, as the file has it).
    for (const f of frames.slice(0, 10)) expect([...f.data.subarray(0, 5)]).toEqual([0, 0, 0, 1, 0x09]);
    c.close();
  });

  it('answers null for ids that are not drones (cameras go to the catalogue)', () => {
    expect(drones.source('cam-1')).toBeNull();
    expect(drones.list()).toEqual([{ id: 'drone-t1', callsign: 'T-1', telemetry: 'klv', codec: 'h264', origin: 'file', model: '', hasStream: true }]);
  });
});

const haveUdp = spawnSync('ffmpeg', ['-hide_banner', '-protocols'], { encoding: 'utf8' }).stdout?.includes('udp') ?? false;

describe.skipIf(!haveUdp)('drone service, live over UDP', () => {
  it('reads a drone sending MPEG-TS over UDP (ffmpeg as the sender; datagrams read directly): telemetry and pictures within seconds', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-drone-udp-'));
    const file = writeKlvFixture(dir, { carriage: 'sync', frames: 50 });
    const s = dgram.createSocket('udp4');
    await new Promise<void>((r) => s.bind(0, '127.0.0.1', r));
    const port = s.address().port;
    s.close();
    const log = pino({ level: 'silent' });
    const drones = new DroneService({ drones: [{ id: 'drone-udp', callsign: 'U-1', source: `udp://127.0.0.1:${port}`, codec: 'h264', telemetry: 'klv' }], publish: () => undefined, log });
    const media = new MediaService({ resolve: async (id) => drones.source(id) ?? 'unknown_camera', log, graceMs: 100 });
    let sender: ChildProcess | null = null;
    try {
      const frames: MediaFrame[] = [];
      const c = media.connect({ send: () => undefined, sendFrame: (f) => void frames.push(decodeFrame(f)!), buffered: () => 0 }, 'w');
      c.handle(JSON.stringify({ type: 'watch', slot: 1, cameraId: 'drone-udp', quality: 'main' }));
      // The sender starts once the reading ffmpeg listens, and loops the file in real time.
      await new Promise((r) => setTimeout(r, 1000));
      sender = spawn('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-re', '-stream_loop', '-1', '-i', file, '-map', '0', '-c', 'copy', '-f', 'mpegts', `udp://127.0.0.1:${port}?pkt_size=1316`], { stdio: 'ignore' });
      // 25 packets and pictures a second from the sender: 20 of each well within 5 s of it starting.
      await until('telemetry over UDP', () => (drones.telemetry()[0]?.decoded ?? 0) >= 20, 5000);
      await until('pictures over UDP', () => frames.length >= 20, 5000);
      expect(frames[0]!.keyframe).toBe(true);
      const t = drones.telemetry()[0]!;
      expect(t.skipped).toBe(0);
      expect(t.position!.lat).toBeCloseTo(31.23, 1);
      c.close();
    } finally {
      sender?.kill('SIGKILL');
      media.close();
      drones.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
