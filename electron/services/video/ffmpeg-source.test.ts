// Drone- and recorder-style sources through ffmpeg remuxing: MPEG-TS over UDP, RTMP and SRT, each
// sent by a real ffmpeg on loopback (the senders encode; Vigil's side only remuxes).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccessUnit } from '../../shared/video/access-unit';
import { parseH264Sps } from '../../shared/video/h264-sps';
import { classifyFfmpegError, FfmpegSource } from './ffmpeg-source';
import { RtspError } from './rtsp-error';

const haveFfmpeg = spawnSync('ffmpeg', ['-hide_banner', '-protocols'], { encoding: 'utf8' });
const protocols = haveFfmpeg.status === 0 ? haveFfmpeg.stdout : '';
const senders: ChildProcess[] = [];
afterEach(() => {
  for (const s of senders.splice(0)) s.kill('SIGKILL');
});

/** A live 320×240 H.264 source, 25 fps, keyframe every second, sent by ffmpeg to `output`. */
function send(format: string, output: string, extra: string[] = []): void {
  const args = ['-hide_banner', '-loglevel', 'error', '-re', '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=25', '-t', '30',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-g', '25', '-pix_fmt', 'yuv420p', ...extra, '-f', format, output];
  senders.push(spawn('ffmpeg', args, { stdio: 'ignore' }));
}

async function freePort(kind: 'tcp' | 'udp'): Promise<number> {
  if (kind === 'udp') {
    const s = dgram.createSocket('udp4');
    await new Promise<void>((r) => s.bind(0, '127.0.0.1', r));
    const port = s.address().port;
    s.close();
    return port;
  }
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

async function play(url: string, count: number, codec?: 'h264' | 'unknown'): Promise<AccessUnit[]> {
  const units: AccessUnit[] = [];
  const source = new FfmpegSource({ url, onUnit: (u) => units.push(u), startTimeoutMs: 15_000, ...(codec ? { codec } : {}) });
  try {
    await source.play();
    const deadline = Date.now() + 10_000;
    while (units.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    return units;
  } finally {
    source.close();
    expect(await source.closed).toBeNull();
  }
}

function expectPictures(units: AccessUnit[]): void {
  expect(units.length).toBeGreaterThanOrEqual(20);
  expect(units[0]!.keyframe).toBe(true);
  const sps = units[0]!.nalus.find((n) => (n[0]! & 0x1f) === 7)!;
  expect(parseH264Sps(sps)).toMatchObject({ width: 320, height: 240 });
  expect(units.filter((u) => u.keyframe).length).toBeGreaterThanOrEqual(1);
  for (let i = 1; i < units.length; i++) expect(units[i]!.timestamp).toBeGreaterThanOrEqual(units[i - 1]!.timestamp);
}

describe.skipIf(!protocols.includes('udp'))('remuxed sources (ffmpeg -c copy)', () => {
  it('MPEG-TS over UDP, codec found by probing', async () => {
    const port = await freePort('udp');
    const url = `udp://127.0.0.1:${port}`;
    // The sender starts first and keeps sending; the receiver joins mid-stream and starts on a keyframe.
    send('mpegts', `${url}?pkt_size=1316`);
    expectPictures(await play(url, 25));
  });

  it.skipIf(!protocols.includes('rtmp'))('RTMP, pulled from a server (an ffmpeg listening for one player)', async () => {
    const port = await freePort('tcp');
    const url = `rtmp://127.0.0.1:${port}/live/drone-1`;
    send('flv', url, ['-listen', '1']);
    await new Promise((r) => setTimeout(r, 500));
    expectPictures(await play(url, 25, 'h264'));
  });

  it.skipIf(!protocols.includes('srt'))('SRT, as caller to a listening encoder', async () => {
    const port = await freePort('udp');
    send('mpegts', `srt://127.0.0.1:${port}?mode=listener&latency=20000`);
    await new Promise((r) => setTimeout(r, 500));
    expectPictures(await play(`srt://127.0.0.1:${port}?mode=caller&latency=20000`, 25, 'h264'));
  });

  it('nothing there: the reason, not a hang', async () => {
    const port = await freePort('tcp');
    const source = new FfmpegSource({ url: `rtmp://127.0.0.1:${port}/live/none`, codec: 'h264', onUnit: () => undefined, startTimeoutMs: 8000 });
    const e = await source.play().then(() => null, (err: unknown) => err);
    expect(e).toBeInstanceOf(RtspError);
    expect((e as RtspError).reason).toBe('unreachable');
  });
});

describe('ffmpeg errors as the tile says them', () => {
  it('classifies what ffmpeg prints', () => {
    expect(classifyFfmpegError('tcp://127.0.0.1:1: Connection refused').reason).toBe('unreachable');
    expect(classifyFfmpegError('Server returned 401 Unauthorized').reason).toBe('auth');
    expect(classifyFfmpegError('Server returned 404 Not Found').reason).toBe('not_found');
    expect(classifyFfmpegError('udp://x: Invalid data found when processing input').reason).toBe('protocol');
    expect(classifyFfmpegError('').reason).toBe('closed');
    expect(() => new FfmpegSource({ url: 'file:///etc/passwd', onUnit: () => undefined })).toThrow(RtspError);
  });
});
