import os from 'node:os';

/** What a browser benchmark ran on, for its report: the figures mean little without it. */
export function browserMachine(chromium: string, viewport: { width: number; height: number }): Record<string, unknown> {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
    chromium,
    headless: true,
    gpu: false,
    viewport,
  };
}
