// Signs a browser-host workstation in over its /api WebSocket, as a paired window would: the
// e2e fixtures and the screenshot tool use it so their pages open on the console, not the
// sign-in screen. The embedded hub's demo accounts (docs/operations.md).
import type { Role } from '../../electron/shared/domain/operator';
import { pairedClient, type HostProcess } from './browser-host-process';
import { demoAccount } from './sign-in';

export async function signInHost(host: Pick<HostProcess, 'url' | 'token'>, role: Role): Promise<void> {
  const { ws, request } = await pairedClient(host);
  try {
    const reply = (await request('session.signIn', demoAccount(role))) as { ok?: boolean; result?: { ok: boolean; reason?: string }; error?: { code: string } };
    if (!(reply.ok && reply.result?.ok)) throw new Error(`signing in as ${role} failed: ${reply.error?.code ?? reply.result?.reason ?? 'no answer'}`);
  } finally {
    ws.close();
  }
}
