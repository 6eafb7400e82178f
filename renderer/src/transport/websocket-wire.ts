import { CloseCode, PROTOCOL_VERSION, type EventEnvelope, type ResponseEnvelope } from '../../../electron/shared/contract/envelope';
import type { LinkState, Wire } from './transport';

const RETRY_MS = [500, 1000, 2000, 5000];

/**
 * The browser host's link: authenticates with the pairing token as its first frame, reconnects
 * with backoff when the host restarts, and fails every request in flight when the link drops so
 * nothing waits forever. A refused token is final: no retry until the operator pairs again.
 */
export function websocketWire(url: string, token: string): Wire {
  const pending = new Map<number, (reply: ResponseEnvelope) => void>();
  const eventListeners = new Set<(e: EventEnvelope) => void>();
  const linkListeners = new Set<(s: LinkState, reason?: string) => void>();
  let socket: WebSocket | null = null;
  let state: LinkState = 'connecting';
  let attempt = 0;
  let ready: Promise<WebSocket> = connect();

  function setState(next: LinkState, reason?: string): void {
    state = next;
    for (const l of linkListeners) l(next, reason);
  }

  function connect(): Promise<WebSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      socket = ws;
      ws.onopen = () => {
        ws.send(JSON.stringify({ kind: 'auth', token, protocol: PROTOCOL_VERSION }));
        attempt = 0;
        setState('open');
        resolve(ws);
      };
      ws.onmessage = (m) => {
        const msg = JSON.parse(String(m.data)) as ResponseEnvelope | EventEnvelope;
        if (msg.kind === 'event') for (const l of eventListeners) l(msg);
        else if (msg.id !== null) {
          pending.get(msg.id)?.(msg);
          pending.delete(msg.id);
        }
      };
      ws.onclose = (e) => {
        for (const [id, settle] of pending) settle({ kind: 'response', id, ok: false, error: { code: 'internal', message: 'link to host lost' } });
        pending.clear();
        if (e.code === CloseCode.badToken) {
          setState('refused', 'bad-token');
          reject(new Error('pairing token refused'));
          return;
        }
        setState('closed');
        reject(new Error('link closed'));
        const delay = RETRY_MS[Math.min(attempt++, RETRY_MS.length - 1)]!;
        setTimeout(() => {
          setState('connecting');
          ready = connect();
          ready.catch(() => undefined);
        }, delay);
      };
    });
  }
  ready.catch(() => undefined);

  return {
    async send(envelope) {
      if (state === 'refused') return { kind: 'response', id: envelope.id, ok: false, error: { code: 'internal', message: 'pairing token refused' } };
      const ws = socket && socket.readyState === WebSocket.OPEN ? socket : await ready;
      return new Promise<ResponseEnvelope>((resolve) => {
        pending.set(envelope.id, resolve);
        ws.send(JSON.stringify(envelope));
      });
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onLinkState(listener) {
      linkListeners.add(listener);
      listener(state);
      return () => linkListeners.delete(listener);
    },
  };
}
