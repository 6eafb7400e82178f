// What the video wall costs the workstation, measured in one run:
//
// - layout: the native layout engine (native/src/wall/) computing every viewport of a 6 × 8
//   wall of 1920 × 1080 panels with 200 free windows roaming across monitor borders and twelve
//   monitors split 3 × 3: p50/p95/max of BENCH_WALL_RUNS runs, native alone and through the
//   typed wrapper that validates with zod first (bench/wall/layout.ts).
// - service: one console's edit through the wall service end to end (edit rule, engine, the
//   whole wall written to a real SQLite file, the wall.state event validated) against the
//   engine alone on the same layout (bench/wall/service.ts).
// - decoder: native software decoding of 1080p H.265 against the ffmpeg CLI with the same threads
//   in the same run (bench/wall/decoder.ts; also alone as `npm run bench -- decode`).
//
// Sizes: BENCH_WALL_ROWS (6), BENCH_WALL_COLUMNS (8), BENCH_WALL_WINDOWS (200), BENCH_WALL_RUNS (500).
// No assertions: this measures, it does not judge.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadNative } from '../electron/services/native/addon';
import { measureDecoder } from './wall/decoder';
import { measureLayout } from './wall/layout';
import { measureService } from './wall/service';

// Bundled to dist/bench/wall.bench.mjs: the repository is two folders up.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function main(workerPath: string, outFile: string): Promise<void> {
  const started = performance.now();
  const native = loadNative(root);
  const sizes = {
    rows: Number(process.env.BENCH_WALL_ROWS ?? 6),
    columns: Number(process.env.BENCH_WALL_COLUMNS ?? 8),
    windows: Number(process.env.BENCH_WALL_WINDOWS ?? 200),
    splitMonitors: 12,
    runs: Number(process.env.BENCH_WALL_RUNS ?? 500),
  };
  console.log(`wall bench: layout of ${sizes.rows} x ${sizes.columns} monitors, ${sizes.windows} windows, ${sizes.runs} runs…`);
  const layout = measureLayout(native, sizes);
  const edits = Number(process.env.BENCH_WALL_EDITS ?? 300);
  console.log(`wall bench: ${edits} edits through the wall service…`);
  const service = await measureService(native, workerPath, sizes, edits);
  const decoder = await measureDecoder(root);
  const report = {
    benchmark: 'wall',
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', node: process.version },
    layout,
    service,
    decoder,
    runSeconds: Math.round((performance.now() - started) / 100) / 10,
  };
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`wall: wrote ${outFile} (${report.runSeconds} s)`);
}
