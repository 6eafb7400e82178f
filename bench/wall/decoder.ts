// The decoder half of the wall benchmark: native software decoding (electron/services/native/
// decoder.ts, libavcodec on a libuv worker) against the ffmpeg CLI decoding the same 1080p H.265
// file with the same thread count, in the same run, alternating, so machine noise hits both
// alike. The ratio native / ffmpeg is the figure: what the Node-API wrapper, the per-access-unit
// round trips to the worker pool and the copy of every picture into a V8 buffer cost over
// libavcodec alone.
//
// - native: one SoftwareDecoder, every access unit awaited in turn (as a stream is fed), then
//   flush; wall time and the process's CPU time.
// - ffmpeg: `ffmpeg -threads N -i clip.hevc -f null -` in a child; wall time of the process
//   (startup included) and ffmpeg's own `-benchmark` figures (decode loop only, CPU).
//
// Sizes: BENCH_DECODE_FRAMES (150 pictures, 1920×1080, 25 fps, testsrc2, x265 ultrafast),
// BENCH_DECODE_THREADS (1,2), BENCH_DECODE_REPEATS (3). The clip is cached in the temp folder.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { SoftwareDecoder } from '../../electron/services/native/decoder';
import { accessUnits, encodeClip, type ClipSpec } from '../../test/support/ffmpeg-clips';

const FRAMES = Number(process.env.BENCH_DECODE_FRAMES ?? 150);
const THREADS = (process.env.BENCH_DECODE_THREADS ?? '1,2').split(',').map(Number);
const REPEATS = Number(process.env.BENCH_DECODE_REPEATS ?? 3);
const SPEC: ClipSpec = { codec: 'h265', width: 1920, height: 1080, frames: FRAMES, source: 'testsrc2' };

interface Run {
  wallMs: number;
  cpuMs: number;
  frames: number;
}

async function runNative(root: string, units: Uint8Array[], threads: number): Promise<Run> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const d = new SoftwareDecoder(root, { codec: 'h265', threads });
  let frames = 0;
  for (const [i, u] of units.entries()) frames += (await d.decode(u, i * 40_000)).length;
  frames += (await d.flush()).length;
  d.close();
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - t, cpuMs: (used.user + used.system) / 1000, frames };
}

/** Wall time of the whole process, and ffmpeg's -benchmark line (its decode loop alone). */
function runFfmpeg(file: string, threads: number): Run & { loopMs: number } {
  const t = performance.now();
  const child = spawnSync(
    'ffmpeg',
    ['-hide_banner', '-nostats', '-benchmark', '-threads', String(threads), '-i', file, '-f', 'null', '-'],
    { encoding: 'utf8' },
  );
  const wallMs = performance.now() - t;
  if (child.status !== 0) throw new Error(`ffmpeg failed: ${child.stderr}`);
  const bench = /bench: utime=([\d.]+)s stime=([\d.]+)s rtime=([\d.]+)s/.exec(child.stderr);
  const frames = /frame=\s*(\d+)/.exec(child.stderr);
  if (!bench) throw new Error(`no -benchmark line from ffmpeg:\n${child.stderr}`);
  return {
    wallMs,
    cpuMs: (Number(bench[1]) + Number(bench[2])) * 1000,
    loopMs: Number(bench[3]) * 1000,
    frames: frames ? Number(frames[1]) : Number.NaN,
  };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round2 = (x: number): number => Math.round(x * 100) / 100;

export type DecoderFigures = Record<string, unknown>;

/** `root`: where the native module is found from. */
export async function measureDecoder(root: string): Promise<DecoderFigures> {
  const dir = path.join(os.tmpdir(), 'vigil-bench-decode');
  fs.mkdirSync(dir, { recursive: true });
  console.log(`decode: encoding ${FRAMES} pictures of 1080p H.265 (cached in ${dir})…`);
  const file = encodeClip(dir, SPEC);
  const units = accessUnits('h265', file);

  const figures: Record<string, unknown> = {};
  for (const threads of THREADS) {
    const native: Run[] = [];
    const ffmpeg: (Run & { loopMs: number })[] = [];
    await runNative(root, units.slice(0, 10), threads); // warm up: module load, first allocations
    for (let r = 0; r < REPEATS; r++) {
      native.push(await runNative(root, units, threads));
      ffmpeg.push(runFfmpeg(file, threads));
    }
    const nativeWall = median(native.map((x) => x.wallMs));
    const ffmpegWall = median(ffmpeg.map((x) => x.wallMs));
    const ffmpegLoop = median(ffmpeg.map((x) => x.loopMs));
    const f = {
      frames: { native: native[0]!.frames, ffmpeg: ffmpeg[0]!.frames },
      nativeFps: round2((FRAMES * 1000) / nativeWall),
      ffmpegFps: round2((FRAMES * 1000) / ffmpegWall),
      ffmpegLoopFps: round2((FRAMES * 1000) / ffmpegLoop),
      // Above 1: the native decoder is faster than the ffmpeg process (startup included).
      nativeOverFfmpegFps: round2(ffmpegWall / nativeWall),
      // Against ffmpeg's decode loop alone (no process startup, no probing).
      nativeOverFfmpegLoopFps: round2(ffmpegLoop / nativeWall),
      // CPU per picture, ffmpeg / native: below 1, the native path spends more CPU per picture.
      cpuFfmpegOverNative: round2(median(ffmpeg.map((x) => x.cpuMs)) / median(native.map((x) => x.cpuMs))),
      nativeCpuMsPerFrame: round2(median(native.map((x) => x.cpuMs)) / FRAMES),
      ffmpegCpuMsPerFrame: round2(median(ffmpeg.map((x) => x.cpuMs)) / FRAMES),
      runs: { native, ffmpeg },
    };
    figures[`threads${threads}`] = f;
    console.log(
      `decode: ${threads} thread(s): native ${f.nativeFps} fps, ffmpeg ${f.ffmpegFps} fps (loop ${f.ffmpegLoopFps}); ` +
        `native/ffmpeg ${f.nativeOverFfmpegFps} (loop ${f.nativeOverFfmpegLoopFps}); CPU ms/picture ${f.nativeCpuMsPerFrame} vs ${f.ffmpegCpuMsPerFrame}`,
    );
  }
  const ffmpegVersion = execFileSync('ffmpeg', ['-hide_banner', '-version'], { encoding: 'utf8' }).split('\n')[0];
  const report = {
    when: new Date().toISOString(),
    machine: { cpus: os.cpus().length, node: process.version, ffmpeg: ffmpegVersion },
    clip: { ...SPEC, bytes: fs.statSync(file).size, accessUnits: units.length },
    repeats: REPEATS,
    figures,
  };
  return report;
}
