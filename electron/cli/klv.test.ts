// `vigil klv` as a field engineer runs it: the shipped CLI bundle, on the STANAG 4609 test files
// (both carriages), on damaged and wrong input, from standard input, and live over UDP from ffmpeg.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { UAS_TAGS } from '../shared/video/klv/uas-tags';
import { droneTelemetry, FIXTURE_FIRST_PTS, writeKlvFixture } from '../../test/support/klv-fixtures';
import { useTempDirs } from '../../test/support/temp';
import type { KlvPacketLine, KlvSkippedLine, KlvSummaryLine } from './klv';

const haveFfmpeg = spawnSync('ffmpeg', ['-hide_banner', '-protocols'], { encoding: 'utf8' });
const protocols = haveFfmpeg.status === 0 ? haveFfmpeg.stdout : '';
const FRAMES = 50;

type Run = { code: number | null; packets: KlvPacketLine[]; skipped: KlvSkippedLine[]; summary: KlvSummaryLine; err: string };

function vigil(args: string[], stdinFile?: string): Promise<Run> {
  const child = spawn(process.execPath, [path.join(inject('distDir'), 'cli.cjs'), ...args], { stdio: [stdinFile ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
  if (stdinFile) fs.createReadStream(stdinFile).pipe(child.stdin!);
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (err += String(d)));
  return new Promise((resolve) =>
    child.on('close', (code) => {
      const lines = out.split('\n').filter(Boolean).map((l) => JSON.parse(l) as KlvPacketLine | KlvSkippedLine | KlvSummaryLine);
      resolve({
        code,
        err,
        packets: lines.filter((l): l is KlvPacketLine => l.type === 'packet'),
        skipped: lines.filter((l): l is KlvSkippedLine => l.type === 'skipped'),
        summary: lines.at(-1) as KlvSummaryLine,
      });
    }),
  );
}

/** Each decoded tag within a step of what the fixture encoded (the mappings' resolutions are far finer). */
function expectTelemetry(line: KlvPacketLine, i: number): void {
  const want = droneTelemetry(i);
  for (const def of UAS_TAGS) {
    const v = want[def.name];
    if (typeof v === 'number') expect(Math.abs((line.tags[def.name] as number) - v)).toBeLessThan(def.unit === 'm' ? 0.2 : 0.01);
    else expect(line.tags[def.name]).toBe(v);
  }
  expect(line.timestampUs).toBe(want.precisionTimeStampUs);
  expect(line.skipped).toEqual([]);
}

describe.skipIf(haveFfmpeg.status !== 0)('vigil klv', () => {
  const temp = useTempDirs('all');
  const senders: ChildProcess[] = [];
  let dir: string;
  beforeAll(() => {
    dir = temp();
  });
  afterEach(() => {
    for (const s of senders.splice(0)) s.kill('SIGKILL');
  });

  it('prints every packet of a synchronous stream with its PTS, timestamp and tags, then a summary', async () => {
    const r = await vigil(['klv', writeKlvFixture(dir, { carriage: 'sync', frames: FRAMES })]);
    expect(r.code).toBe(0);
    expect(r.packets).toHaveLength(FRAMES);
    r.packets.forEach((p, i) => {
      expect(p).toMatchObject({ pid: 0x101, carriage: 'sync' });
      expect(p.ptsSeconds).toBeCloseTo((FIXTURE_FIRST_PTS + i * 3600) / 90_000, 9);
      expectTelemetry(p, i);
    });
    expect(r.summary).toMatchObject({ klvStreams: [{ pid: 0x101, carriage: 'sync' }], videoStreams: [{ pid: 0x100, codec: 'h264' }], pictures: FRAMES, keyframes: 2, klvPackets: FRAMES, decoded: FRAMES, skipped: {}, error: null });
    expect(r.summary.transport).toMatchObject({ continuityErrors: 0, skippedBytes: 0, psiErrors: 0, pesErrors: 0 });
  });

  it('reports checksum failures line by line and keeps going (asynchronous carriage, no PTS)', async () => {
    const r = await vigil(['klv', writeKlvFixture(dir, { carriage: 'async', frames: FRAMES, klvEvery: 5, badChecksum: [2, 7] })]);
    expect(r.code).toBe(0);
    expect(r.skipped).toEqual([
      { type: 'skipped', pid: 0x101, carriage: 'async', ptsSeconds: null, reason: 'checksum', bytes: expect.any(Number) },
      { type: 'skipped', pid: 0x101, carriage: 'async', ptsSeconds: null, reason: 'checksum', bytes: expect.any(Number) },
    ]);
    expect(r.packets.map((p) => p.timestampUs)).toEqual([0, 1, 3, 4, 5, 6, 8, 9].map((k) => droneTelemetry(k * 5).precisionTimeStampUs));
    expect(r.summary).toMatchObject({ klvPackets: 10, decoded: 8, skipped: { checksum: 2 } });
  });

  it('gets through a damaged file: garbage, a lost packet, a cut end', async () => {
    const bytes = fs.readFileSync(writeKlvFixture(dir, { carriage: 'sync', frames: FRAMES }));
    const damaged = Buffer.concat([bytes.subarray(0, 188 * 20), Buffer.from('garbage that is not a packet'), bytes.subarray(188 * 21, bytes.length - 100)]);
    const file = path.join(dir, 'damaged.ts');
    fs.writeFileSync(file, damaged);
    const r = await vigil(['klv', file]);
    expect(r.code).toBe(0);
    expect(r.packets.length).toBeGreaterThanOrEqual(FRAMES - 3);
    for (const p of r.packets) expectTelemetry(p, Math.round((p.ptsSeconds! * 90_000 - FIXTURE_FIRST_PTS) / 3600));
    expect(r.summary.transport.skippedBytes).toBeGreaterThan(0);
    expect(r.summary.transport.syncLosses + r.summary.transport.continuityErrors).toBeGreaterThan(0);
  });

  it('reads standard input', async () => {
    const file = writeKlvFixture(dir, { carriage: 'sync', frames: FRAMES });
    const [fromFile, fromStdin] = await Promise.all([vigil(['klv', file]), vigil(['klv', '-'], file)]);
    expect(fromStdin.code).toBe(0);
    expect(fromStdin.packets).toEqual(fromFile.packets);
  });

  it('exits 1 when the source cannot be read, 2 when it has no telemetry', async () => {
    const missing = await vigil(['klv', path.join(dir, 'nothing-here.ts')]);
    expect(missing.code).toBe(1);
    expect(missing.summary.error).toMatchObject({ reason: 'not_found' });
    const http = await vigil(['klv', 'http://example.invalid/stream.ts']);
    expect(http.code).toBe(1);
    expect(http.summary.error).toMatchObject({ reason: 'bad_url' });
    const plain = path.join(dir, 'no-klv.ts');
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=25', '-frames:v', '10', '-c:v', 'libx264', '-f', 'mpegts', plain]);
    const none = await vigil(['klv', plain]);
    expect(none.code).toBe(2);
    expect(none.summary).toMatchObject({ klvStreams: [], videoStreams: [{ codec: 'h264' }], pictures: 10, decoded: 0 });
  });

  it.skipIf(!protocols.includes('udp'))('reads a live stream over UDP through ffmpeg, for as long as asked', async () => {
    const file = writeKlvFixture(dir, { carriage: 'sync', frames: FRAMES });
    const s = dgram.createSocket('udp4');
    await new Promise<void>((r) => s.bind(0, '127.0.0.1', r));
    const port = s.address().port;
    s.close();
    const url = `udp://127.0.0.1:${port}`;
    const run = vigil(['klv', url, '--seconds', '6']);
    // The sender starts after the reader is listening, and loops the file in real time.
    await new Promise((r) => setTimeout(r, 1000));
    senders.push(spawn('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-re', '-stream_loop', '-1', '-i', file, '-map', '0', '-c', 'copy', '-f', 'mpegts', `${url}?pkt_size=1316`], { stdio: 'ignore' }));
    const r = await run;
    expect(r.code).toBe(0);
    expect(r.packets.length).toBeGreaterThan(25);
    expect(r.summary.source).toBe(url);
    expect(r.summary.klvStreams).toHaveLength(1);
    for (const p of r.packets) expect(p.tags.missionId).toBe('VIGIL-FIXTURE');
  });
});
