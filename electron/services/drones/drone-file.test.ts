import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeUasLocalSet } from '../../shared/video/klv/uas-local-set';
import { TsDemuxer } from '../../shared/video/mpegts/demuxer';
import { demoDrone, demoDroneTelemetry } from './demo-drone';
import { readDroneFile } from './drone-file';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-drone-file-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, body: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof body === 'string' ? body : JSON.stringify(body));
  return file;
}

describe('drone file', () => {
  it('reads drones with defaults (KLV telemetry, codec probed)', () => {
    expect(readDroneFile(write('ok.json', [{ id: 'drone-7', callsign: '鹰眼7', source: 'udp://0.0.0.0:5600' }]))).toEqual([
      { id: 'drone-7', callsign: '鹰眼7', source: 'udp://0.0.0.0:5600', codec: 'unknown', telemetry: 'klv' },
    ]);
  });

  it('refuses bad files with the reason', () => {
    expect(() => readDroneFile(write('bad.json', '[{'))).toThrow(/bad\.json/);
    expect(() => readDroneFile(write('id.json', [{ id: 'cam-1', callsign: 'x', source: 'a.ts' }]))).toThrow(/drone 0\.id/);
    expect(() => readDroneFile(write('twice.json', [{ id: 'drone-1', callsign: 'a', source: 'a.ts' }, { id: 'drone-1', callsign: 'b', source: 'b.ts' }]))).toThrow(/listed twice/);
  });
});

describe('demo drone', () => {
  it('makes a STANAG 4609 file: H.264 pictures, one valid ST 0601 packet per picture, the drone moving', () => {
    const entry = demoDrone(dir);
    expect(entry).toMatchObject({ id: 'drone-demo', codec: 'h264', telemetry: 'klv' });
    const d = new TsDemuxer();
    const events = [...d.push(new Uint8Array(fs.readFileSync(entry.source))), ...d.flush()];
    const video = events.filter((e) => e.kind === 'video');
    const klv = events.flatMap((e) => (e.kind === 'klv' ? [decodeUasLocalSet(e.bytes)] : []));
    expect(video.length).toBe(1000);
    expect(klv.length).toBe(1000);
    expect(klv.every((k) => k.ok)).toBe(true);
    const last = klv.at(-1)!;
    if (!last.ok) throw new Error('unreachable');
    expect(last.tags.sensorLatitudeDeg).toBeCloseTo(demoDroneTelemetry(999 / 25).sensorLatitudeDeg!, 5);
    // A second start reuses the file.
    const mtime = fs.statSync(entry.source).mtimeMs;
    expect(demoDrone(dir).source).toBe(entry.source);
    expect(fs.statSync(entry.source).mtimeMs).toBe(mtime);
  });
});
