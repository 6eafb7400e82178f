// The shipped CLI bundle (dist/electron/cli.cjs) run as a field engineer would, for tests of
// `vigil …` commands: its output and exit code. A settings file named by the tester's own
// VIGIL_CONFIG never leaks in.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { inject } from 'vitest';

export type VigilRun = { code: number | null; out: string; err: string };

export function runVigil(args: readonly string[], options: { env?: NodeJS.ProcessEnv; stdin?: string } = {}): Promise<VigilRun> {
  const { VIGIL_CONFIG: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, [path.join(inject('distDir'), 'cli.cjs'), ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...inherited, ...options.env } });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += String(d)));
  child.stderr.on('data', (d) => (err += String(d)));
  child.stdin.end(options.stdin ?? '');
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out, err })));
}
