// Signs a browser-host workstation in over its /api WebSocket, as a paired window would: the
// e2e fixtures and the screenshot tool use it so their pages open on the console, not the
// sign-in screen. The embedded hub's demo accounts (docs/operations.md).
import WebSocket from 'ws';
import type { Role } from '../../electron/shared/domain/operator';
import type { HostProcess } from './browser-host-process';
import { demoAccount } from './sign-in';

export function signInHost(host: Pick<HostProcess, 'url' | 'token'>, role: Role): Promise<void> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${host.url.replace('http:', 'ws:')}api`);
    const fail = (why: string) => {
      ws.terminate();
      reject(new Error(`signing in as ${role} failed: ${why}`));
    };
    ws.on('open', () => {
      ws.send(JSON.stringify({ kind: 'auth', token: host.token, protocol: 1 }));
      ws.send(JSON.stringify({ kind: 'request', id: 1, method: 'session.signIn', params: demoAccount(role) }));
    });
    ws.on('message', (data) => {
      const m = JSON.parse(String(data)) as { kind: string; id?: number; ok?: boolean; result?: { ok: boolean; reason?: string }; error?: { code: string } };
      if (m.kind !== 'response' || m.id !== 1) return;
      if (m.ok && m.result?.ok) {
        ws.close();
        resolve();
      } else fail(m.error?.code ?? m.result?.reason ?? 'no answer');
    });
    ws.on('error', (e) => fail(e.message));
    ws.on('close', (code) => code !== 1000 && code !== 1005 && fail(`closed ${code}`));
  });
}
