// Summaries of timing samples in milliseconds, for the wall benchmark's parts.

export type Summary = { p50: number; p95: number; max: number; mean: number };

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Nearest-rank percentiles. */
export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
  const mean = sorted.reduce((s, x) => s + x, 0) / sorted.length;
  return { p50: round3(rank(0.5)), p95: round3(rank(0.95)), max: round3(sorted.at(-1) ?? Number.NaN), mean: round3(mean) };
}
