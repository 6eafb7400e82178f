import { afterEach, describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../../electron/shared/contract/status';
import { Transport, type LinkState, type Wire } from '../transport/transport';
import { useConsole } from './console-store';
import { signedInView } from './signed-in-view';

/** A wire that answers each request with its own id, and whose link state the test sets. */
function fakeWire() {
  const linkListeners = new Set<(s: LinkState) => void>();
  const sent: number[] = [];
  const wire: Wire = {
    send: async (e) => {
      sent.push(e.id);
      return { kind: 'response', id: e.id, ok: true, result: e.id };
    },
    onEvent: () => () => undefined,
    onLinkState: (l) => {
      linkListeners.add(l);
      return () => linkListeners.delete(l);
    },
  };
  return { wire, sent, setLink: (s: LinkState) => linkListeners.forEach((l) => l(s)) };
}

const session = (operatorId: string | null): SessionInfo => ({
  actor: { operatorId: operatorId ?? 'local:x', operatorName: 'x', workstationId: 'ws' },
  signIn: { operator: operatorId ? { id: operatorId, username: operatorId, name: operatorId, role: 'viewer', via: 'hub', signedInAt: 0, expiresAt: 1 } : null, ended: null },
  host: 'browser',
  language: 'zh-CN',
  version: '0',
  store: { state: 'opening' },
  hub: { configured: true, embedded: true, url: null, state: 'online', problem: null, lastSyncAt: null, pendingActions: 0, rejectedActions: 0, bootstrap: null, clockSkewMs: null },
});

afterEach(() => useConsole.setState({ session: null }));

describe('the link as parts needing an operator see it', () => {
  it('is open only while someone is signed in, and opens again for a new operator', () => {
    const { wire, setLink } = fakeWire();
    const view = signedInView(new Transport(wire));
    const seen: LinkState[] = [];
    view.onLinkState((s) => seen.push(s));
    setLink('open');
    useConsole.getState().setSession(session(null));
    useConsole.getState().setSession(session('op-a'));
    useConsole.getState().setSession(session('op-b'));
    useConsole.getState().setSession(session(null));
    setLink('closed');
    expect(seen).toEqual(['connecting', 'open', 'open', 'connecting', 'closed']);
  });

  it('shares the transport’s request ids, so replies never cross', async () => {
    const { wire, sent } = fakeWire();
    const transport = new Transport(wire);
    const view = signedInView(transport);
    await transport.request('session.get', {});
    await view.request('session.get', {});
    await transport.request('session.get', {});
    expect(sent).toEqual([1, 2, 3]);
  });
});
