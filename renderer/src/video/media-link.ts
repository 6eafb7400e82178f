// The window's media channel to main: the browser host's /media WebSocket, or the Electron host's
// MessagePort. Carries camera requests out and state messages and pictures in; reconnects by
// itself and tells its owner so tiles can ask for their cameras again.
import { decodeFrame, decodeRawFrame, MediaServerMessage, type MediaClientMessage, type MediaFrame, type RawFrame } from '../../../electron/shared/contract/media';
import { PROTOCOL_VERSION } from '../../../electron/shared/contract/envelope';
import type { VigilBridge } from '../transport/electron-wire';

export interface MediaLinkHandlers {
  message(m: MediaServerMessage): void;
  frame(f: MediaFrame): void;
  /** A picture main decoded for this window. */
  rawFrame(f: RawFrame): void;
  /** The channel is (again) open: every tile must ask for its camera anew. */
  opened(): void;
  closed(): void;
}

export interface MediaLink {
  send(m: MediaClientMessage): void;
  close(): void;
}

const TOKEN_KEY = 'vigil.pairingToken';

function parse(text: string): MediaServerMessage | null {
  try {
    const m = MediaServerMessage.safeParse(JSON.parse(text));
    return m.success ? m.data : null;
  } catch {
    return null;
  }
}

export function openMediaLink(h: MediaLinkHandlers): MediaLink {
  const bridge = (window as { vigil?: VigilBridge & { openMedia?: () => void } }).vigil;
  return bridge?.openMedia ? electronMediaLink(bridge.openMedia, h) : websocketMediaLink(h);
}

function deliver(h: MediaLinkHandlers, data: unknown): void {
  if (typeof data === 'string') {
    const m = parse(data);
    if (m) h.message(m);
    else console.warn('media: message not in the contract, ignored');
    return;
  }
  const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : data instanceof Uint8Array ? data : null;
  if (!bytes) return;
  const frame = decodeFrame(bytes);
  if (frame) {
    h.frame(frame);
    return;
  }
  const raw = decodeRawFrame(bytes);
  if (raw) h.rawFrame(raw);
}

function electronMediaLink(openMedia: () => void, h: MediaLinkHandlers): MediaLink {
  let port: MessagePort | null = null;
  const onWindowMessage = (e: MessageEvent) => {
    // Only this page's own preload posts the port, to this origin.
    if (e.source !== window || e.origin !== location.origin || e.data !== 'vigil:media-port' || !e.ports[0]) return;
    port?.close();
    port = e.ports[0];
    port.onmessage = (m) => deliver(h, m.data);
    port.start();
    h.opened();
  };
  window.addEventListener('message', onWindowMessage);
  openMedia();
  return {
    send: (m) => port?.postMessage(JSON.stringify(m)),
    close: () => {
      window.removeEventListener('message', onWindowMessage);
      port?.close();
    },
  };
}

function websocketMediaLink(h: MediaLinkHandlers): MediaLink {
  let ws: WebSocket | null = null;
  let stopped = false;
  let attempt = 0;
  let retry: number | undefined;
  const connect = () => {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(`${scheme}//${location.host}/media`);
    socket.binaryType = 'arraybuffer';
    ws = socket;
    socket.onopen = () => {
      socket.send(JSON.stringify({ kind: 'auth', token: sessionStorage.getItem(TOKEN_KEY) ?? '', protocol: PROTOCOL_VERSION }));
      attempt = 0;
      h.opened();
    };
    socket.onmessage = (e) => deliver(h, e.data);
    socket.onclose = (e) => {
      if (ws !== socket) return;
      ws = null;
      h.closed();
      // A refused token will not get better by retrying; everything else (host restart) will.
      if (stopped || e.code === 4401) return;
      retry = window.setTimeout(connect, Math.min(10_000, 500 * 2 ** attempt++) * (0.8 + Math.random() * 0.4));
    };
  };
  connect();
  return {
    send: (m) => {
      if (ws?.readyState === WebSocket.OPEN) ws.send(JSON.stringify(m));
    },
    close: () => {
      stopped = true;
      window.clearTimeout(retry);
      ws?.close();
    },
  };
}
