// The layout half of the wall benchmark: how long the native engine takes to turn a busy layout
// on a 6 × 8 wall into per-monitor viewports, alone (answering packed Float64Arrays) and through
// the typed wrapper (zod validation of wall and layout, as main does with anything from disk or a
// window, then native, then unpacking into one object per viewport).
import { performance } from 'node:perf_hooks';
import { mulberry32 } from '../../electron/shared/random';
import { uniformWall, type Split, type Wall, type WallLayout, type WallWindow } from '../../electron/shared/wall';
import type { NativeModule } from '../../electron/services/native/addon';
import { wallLayoutEngine } from '../../electron/services/native/wall-layout';
import { summarize, type Summary } from './timing';
import { PANEL_55 } from '../../test/support/wall-panel';

export type LayoutSizes = { rows: number; columns: number; windows: number; splitMonitors: number; runs: number };

export type LayoutFigures = {
  sizes: LayoutSizes;
  viewports: number;
  /** computeLayout on the native module: objects in, packed Float64Arrays out. */
  nativeMs: Summary;
  /** The same through wallLayoutEngine: zod validation, native, unpacking to objects. */
  wrapperMs: Summary;
  wrapperOverNativeP50: number;
};

/**
 * Windows from a quarter of a monitor to 2 × 2 monitors, anywhere on the wall (so most cross
 * borders), and every fourth monitor split 3 × 3 as a base picture. Seeded: every run lays out
 * the same wall.
 */
export function busyLayout(sizes: LayoutSizes): { wall: Wall; layout: WallLayout } {
  const wall = uniformWall(sizes.rows, sizes.columns, PANEL_55);
  const cellW = 1217, cellH = 688;
  const wallW = cellW * sizes.columns, wallH = cellH * sizes.rows;
  const rng = mulberry32(6_8_200);
  const windows: WallWindow[] = Array.from({ length: sizes.windows }, (_, i) => {
    const width = cellW * (0.5 + rng() * 1.5), height = cellH * (0.5 + rng() * 1.5);
    return { id: `w${i}`, x: rng() * (wallW - width), y: rng() * (wallH - height), width, height, z: i };
  });
  const splits: Split[] = Array.from({ length: sizes.splitMonitors }, (_, i) => {
    const index = (i * 4) % (sizes.rows * sizes.columns);
    return { id: `s${i}`, monitor: { row: Math.floor(index / sizes.columns), column: index % sizes.columns }, rows: 3, columns: 3 };
  });
  return { wall, layout: { splits, windows } };
}

function time(runs: number, fn: () => unknown): number[] {
  for (let i = 0; i < Math.max(10, runs / 10); i++) fn(); // warm up V8 and the allocator
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return samples;
}

export function measureLayout(native: NativeModule, sizes: LayoutSizes): LayoutFigures {
  const { wall, layout } = busyLayout(sizes);
  const engine = wallLayoutEngine(native);
  const check = engine.compute(wall, layout);
  if (!check.ok) throw new Error(`the benchmark's layout was refused: ${check.refusal.message}`);
  const nativeMs = summarize(time(sizes.runs, () => native.computeLayout(wall, layout)));
  const wrapperMs = summarize(time(sizes.runs, () => engine.compute(wall, layout)));
  return {
    sizes,
    viewports: check.viewports.length,
    nativeMs,
    wrapperMs,
    wrapperOverNativeP50: Math.round((wrapperMs.p50 / nativeMs.p50) * 100) / 100,
  };
}
