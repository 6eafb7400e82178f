// The browser host: serves the built renderer and the same services as the Electron host over
// one WebSocket per window. Loopback only unless the operator binds it elsewhere on purpose.
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { AuthEnvelope, CloseCode, MAX_MESSAGE_BYTES } from '../shared/contract/envelope';
import { dispatch } from '../services/api/dispatch';
import { resolveAsset, SECURITY_HEADERS } from '../services/http/assets';
import { ONLINE_TILE_ROUTE } from '../services/maps/online-tiles';
import { answerTileRequest, TILE_ROUTE, type TileAnswer } from '../services/maps/tile-service';
import type { Runtime } from '../services/runtime/runtime';
import type { MediaConnection } from '../services/video/media-service';
import { tokenMatches } from './pairing';

export interface BrowserHostOptions {
  runtime: Runtime;
  rendererDir: string;
  bind: string;
  port: number;
  token: string;
  authTimeoutMs?: number;
}

export interface BrowserHost {
  /** Base address, without the token. */
  url: string;
  /** The address to open: the token travels in the fragment, which browsers never send to servers. */
  pairingUrl: string;
  close(): Promise<void>;
}

export async function startBrowserHost(o: BrowserHostOptions): Promise<BrowserHost> {
  const { log } = o.runtime;
  const server = http.createServer((req, res) => {
    const url = req.url ?? '';
    if (url.startsWith(TILE_ROUTE)) serveTile(req, res, (pathname) => answerTileRequest(o.runtime.maps, pathname));
    else if (url.startsWith(ONLINE_TILE_ROUTE)) serveTile(req, res, (pathname) => o.runtime.onlineTiles.answer(pathname));
    else serveAsset(o.rendererDir, req, res);
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const clients = new Set<WebSocket>();
  let connections = 0;
  // Small control messages in, pictures out: a window never needs to send more than this.
  const mediaWss = new WebSocketServer({ noServer: true, maxPayload: 4096, perMessageDeflate: false });
  const mediaClients = new Set<WebSocket>();

  server.on('upgrade', (req, socket, head) => {
    const pathname = (req.url ?? '').split('?')[0];
    // A page from another site open in the same browser must not reach the services.
    const origin = req.headers.origin;
    if ((pathname !== '/api' && pathname !== '/media') || (origin !== undefined && origin !== `http://${req.headers.host}`)) {
      log.warn({ remote: req.socket.remoteAddress, origin, path: pathname }, 'websocket upgrade refused');
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    const remote = req.socket.remoteAddress ?? 'unknown';
    if (pathname === '/media') mediaWss.handleUpgrade(req, socket, head, (ws) => acceptMedia(ws, remote));
    else wss.handleUpgrade(req, socket, head, (ws) => accept(ws, remote));
  });

  /**
   * Every socket must first send the pairing token, within the time allowed; until then nothing
   * reaches the services. `paired` sets the socket up and returns what handles its later messages.
   */
  function afterPairing(ws: WebSocket, remote: string, who: string, paired: () => (text: string | null) => void, closed: () => void): void {
    let handle: ((text: string | null) => void) | null = null;
    const timer = setTimeout(() => ws.close(CloseCode.authTimeout, 'pairing token expected'), o.authTimeoutMs ?? 5000);
    ws.on('close', () => {
      clearTimeout(timer);
      closed();
    });
    ws.on('message', (data, isBinary) => {
      const text = isBinary ? null : data.toString();
      if (handle) {
        handle(text);
        return;
      }
      clearTimeout(timer);
      const auth = text === null ? null : AuthEnvelope.safeParse(safeJson(text));
      if (!auth?.success || !tokenMatches(o.token, auth.data.token)) {
        log.warn({ remote }, `${who} refused: wrong or missing pairing token`);
        ws.close(CloseCode.badToken, 'wrong pairing token');
        return;
      }
      handle = paired();
    });
  }

  function accept(ws: WebSocket, remote: string): void {
    const connection = `ws-${++connections}`;
    afterPairing(
      ws,
      remote,
      'browser client',
      () => {
        clients.add(ws);
        log.info({ remote, clients: clients.size }, 'browser client paired');
        return (text) =>
          void dispatch(text ?? '\u0000binary', o.runtime.handlers, log, `ws:${remote}`, connection, o.runtime.gate).then((reply) => {
            if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(reply));
          });
      },
      () => {
        clients.delete(ws);
        o.runtime.disconnected(connection);
      },
    );
  }

  /** Video tiles' channel: camera requests as text, pictures as binary frames. */
  function acceptMedia(ws: WebSocket, remote: string): void {
    let connection: MediaConnection | null = null;
    afterPairing(
      ws,
      remote,
      'media client',
      () => {
        mediaClients.add(ws);
        const c = o.runtime.media.connect(
          {
            send: (m) => ws.readyState === ws.OPEN && ws.send(JSON.stringify(m)),
            sendFrame: (f) => ws.readyState === ws.OPEN && ws.send(f, { binary: true }),
            buffered: () => ws.bufferedAmount,
          },
          `ws:${remote}`,
        );
        connection = c;
        return (text) => {
          if (text !== null) {
            c.handle(text);
            return;
          }
          log.warn({ remote }, 'media client sent binary data: closed');
          ws.close(CloseCode.protocol, 'binary frames are not accepted from windows');
        };
      },
      () => {
        connection?.close();
        mediaClients.delete(ws);
      },
    );
  }

  const unsubscribe = o.runtime.bus.subscribe((event) => {
    // Before anyone signs in a paired window hears only what the sign-in screen needs.
    if (!o.runtime.gate.mayReceive(event.name)) return;
    const frame = JSON.stringify(event);
    for (const ws of clients) if (ws.readyState === ws.OPEN) ws.send(frame);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.bind, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const hostPart = o.bind.includes(':') ? `[${o.bind}]` : o.bind;
  const url = `http://${hostPart}:${port}/`;
  log.info({ url, bind: o.bind }, 'browser host listening');

  return {
    url,
    pairingUrl: `${url}#token=${o.token}`,
    async close() {
      unsubscribe();
      for (const ws of clients) ws.close(1001, 'host stopping');
      for (const ws of mediaClients) ws.close(1001, 'host stopping');
      wss.close();
      mediaWss.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // A browser that keeps its connections open (or never answers the close frame) must not
      // keep the services from stopping and saving what they hold.
      server.closeAllConnections();
      for (const ws of [...clients, ...mediaClients]) ws.terminate();
      await closed;
    },
  };
}

function serveAsset(root: string, req: http.IncomingMessage, res: http.ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', ...SECURITY_HEADERS }).end();
    return;
  }
  const asset = resolveAsset(root, req.url ?? '/');
  if (!asset) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS }).end('not found');
    return;
  }
  // Hashed bundles never change under their name; index.html must always be fresh.
  const cache = asset.file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
  res.writeHead(200, { 'Content-Type': asset.type, 'Cache-Control': cache, ...SECURITY_HEADERS });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  fs.createReadStream(asset.file).pipe(res);
}

/**
 * Map tiles: the offline maps (and their list at /tiles/) and the online sources main fetches,
 * served like the renderer's files without the pairing token: an <img> cannot carry it, and a
 * base map is no operational data.
 */
function serveTile(req: http.IncomingMessage, res: http.ServerResponse, answer: (pathname: string) => TileAnswer | Promise<TileAnswer>): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', ...SECURITY_HEADERS }).end();
    return;
  }
  void Promise.resolve(answer((req.url ?? '').split('?')[0]!)).then((a) => {
    res.writeHead(a.status, { ...a.headers, ...SECURITY_HEADERS });
    res.end(req.method === 'HEAD' ? undefined : a.body);
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
