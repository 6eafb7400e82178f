import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import WebSocket from 'ws';

export interface HostProcess {
  child: ChildProcess;
  url: string;
  token: string;
  output: () => string;
}

/** Starts `vigil start --host browser` as its own process, as an operator would. */
export function spawnBrowserHost(distDir: string, dataDir: string, extra: string[] = [], env: Record<string, string> = {}): Promise<HostProcess> {
  const child = spawn(process.execPath, [path.join(distDir, 'cli.cjs'), 'start', '--host', 'browser', '--port', '0', '--no-open', '--data', dataDir, ...extra], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // The keyring in the test's data folder (a product keeps it outside): tests never touch the user's config folder.
    env: { ...process.env, VIGIL_KEYRING: path.join(dataDir, 'test-keyring.json'), ...env },
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (out += String(d)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser host did not start:\n${out}`)), 15_000);
    const check = () => {
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)#token=([\w-]+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout!.off('data', check);
      resolve({ child, url: m[1]!, token: m[2]!, output: () => out });
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => reject(new Error(`browser host exited (${code}):\n${out}`)));
  });
}

/** A paired WebSocket client speaking the contract's envelopes. */
export async function pairedClient(host: Pick<HostProcess, 'url' | 'token'>): Promise<{ ws: WebSocket; request: (method: string, params: unknown) => Promise<Record<string, unknown>> }> {
  const ws = new WebSocket(host.url.replace('http:', 'ws:') + 'api');
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.send(JSON.stringify({ kind: 'auth', token: host.token, protocol: 1 }));
  const waiting = new Map<number, (r: Record<string, unknown>) => void>();
  ws.on('message', (m) => {
    const msg = JSON.parse(String(m)) as Record<string, unknown>;
    if (msg.kind === 'response' && typeof msg.id === 'number') {
      waiting.get(msg.id)?.(msg);
      waiting.delete(msg.id);
    }
  });
  let next = 1;
  return {
    ws,
    request: (method, params) =>
      new Promise((resolve, reject) => {
        const id = next++;
        waiting.set(id, resolve);
        ws.send(JSON.stringify({ kind: 'request', id, method, params }), (err) => err && reject(err));
      }),
  };
}
