// The simulator's KLV drone transmitter: a real STANAG 4609 test file (ffmpeg's H.264 + Vigil's
// ST 0601, synchronous KLV) cut into PTS-paced groups and sent over loopback UDP, received by the
// workstation's drone service exactly as a hub drone record pointing at that port is.
import dgram from 'node:dgram';
import fs from 'node:fs';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test/support/temp';
import { writeKlvFixture } from '../../test/support/klv-fixtures';
import type { DroneTelemetry } from '../shared/domain/drone';
import { DroneService } from '../services/drones/drone-service';
import { pacedGroups, sendTsOverUdp } from './ts-udp-sender';

const tempDir = useTempDirs('all');

async function until(what: string, check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('MPEG-TS over UDP at the pace of its timestamps', () => {
  let file: string;
  beforeAll(() => {
    file = writeKlvFixture(tempDir(), { carriage: 'sync', frames: 50 });
  });

  it('cuts the file into whole packets, every byte once, times never going back, one lap as long as the pictures', () => {
    const bytes = fs.readFileSync(file);
    const { groups, lapMs } = pacedGroups(bytes);
    expect(Buffer.concat(groups.map((g) => g.bytes)).equals(bytes.subarray(0, Math.floor(bytes.length / 188) * 188))).toBe(true);
    for (const g of groups) expect(g.bytes.length % 188).toBe(0);
    for (let i = 1; i < groups.length; i++) expect(groups[i]!.atMs).toBeGreaterThanOrEqual(groups[i - 1]!.atMs);
    // 50 pictures at 25 per second: the last one 1.96 s after the first, and one picture more for the lap.
    expect(groups.at(-1)!.atMs).toBeCloseTo(1960, 0);
    expect(lapMs).toBeCloseTo(2000, 0);
  });

  describe('received by the drone service as a hub record’s udp:// stream', () => {
    let drones: DroneService;
    let stop: () => void;
    const published: DroneTelemetry[] = [];
    afterAll(() => {
      stop?.();
      drones?.close();
    });

    it('decodes the telemetry and counts nothing skipped', async () => {
      const probe = dgram.createSocket('udp4');
      await new Promise<void>((r) => probe.bind(0, '127.0.0.1', r));
      const port = probe.address().port;
      await new Promise<void>((r) => probe.close(() => r()));
      drones = new DroneService({ drones: [], publish: (t) => published.push(t), log: pino({ level: 'silent' }) });
      drones.setRecords([{ id: 'drone-sim-klv', callsign: '鹰眼1号', model: '', telemetry: 'klv', codec: 'h264', streamUrl: `udp://127.0.0.1:${port}`, username: null, password: null }]);
      stop = sendTsOverUdp(file, { host: '127.0.0.1', port }).stop;
      await until('telemetry from the stream', () => (published.at(-1)?.decoded ?? 0) >= 10);
      const last = published.at(-1)!;
      expect(last).toMatchObject({ id: 'drone-sim-klv', callsign: '鹰眼1号', skipped: 0, altitudeM: expect.closeTo(320, 0) });
      expect(last.position).not.toBeNull();
    });
  });
});
