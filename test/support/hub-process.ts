import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface HubProcess {
  child: ChildProcess;
  url: string;
  port: number;
  output: () => string;
  stop(): Promise<void>;
}

/** Starts the reference hub as its own process (`vigil-hub`), as a command centre would run it. */
export function spawnHub(distDir: string, args: string[]): Promise<HubProcess> {
  const child = spawn(process.execPath, [path.join(distDir, 'hub.cjs'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (out += String(d)));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    child.kill('SIGKILL');
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hub did not start:\n${out}`)), 15_000);
    const check = () => {
      const m = /Vigil hub on (http:\/\/127\.0\.0\.1:(\d+))/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout!.off('data', check);
      resolve({ child, url: m[1]!, port: Number(m[2]), output: () => out, stop });
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => reject(new Error(`hub exited (${code}):\n${out}`)));
  });
}
