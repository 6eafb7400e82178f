// The hub's socket.io endpoint: authenticates workstations at the handshake, answers
// snapshot / changes / push with acks, and pushes a ChangesNotice to every connected
// workstation after each commit. Every request is validated against the protocol schemas
// before the store sees it; nothing a client sends can stop the server.
// docs/sync-protocol.md describes the protocol; electron/shared/sync/protocol.ts defines it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';
import type { z } from 'zod';
import type { Logger } from '../services/log/logger';
import { ChangesRequest, Hello, MAX_MESSAGE_BYTES, MAX_PAGE, PushRequest, SnapshotRequest, type ChangesNotice, type SyncError } from '../shared/sync/protocol';
import { DRONE_POSITION_EVENT } from '../shared/sync/drone-position';
import type { DronePositionFeed } from './drone-positions';
import type { Client, HubStore } from './hub-store';
import { HubSignInRequest, HubTokenRequest } from '../shared/sync/operator-auth';

export interface HubServerOptions {
  store: HubStore;
  /** Default 127.0.0.1: loopback only. */
  host?: string;
  /** 0 picks a free port. */
  port: number;
  log: Logger;
  /** Drone positions relayed to every connected workstation as they come. */
  positions?: DronePositionFeed;
}

export interface HubServer {
  url: string;
  port: number;
  close(): Promise<void>;
  /** Workstations connected now. */
  connections(): number;
}

/** Messages one socket may have waiting; a client that floods beyond this is disconnected. */
const MAX_QUEUED = 32;
const CLOSE_GRACE_MS = 2000;

type Ack = (answer: unknown) => void;
type EventName = 'snapshot' | 'changes' | 'push';
const REQUESTS: Readonly<Record<EventName, z.ZodType>> = { snapshot: SnapshotRequest, changes: ChangesRequest, push: PushRequest };
const isEvent = (e: unknown): e is EventName => e === 'snapshot' || e === 'changes' || e === 'push';

/** A zod error as one short line, without the values that were sent (they may hold a secret). */
export function describeIssues(error: z.ZodError, max = 3): string {
  const parts = error.issues.slice(0, max).map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
  if (error.issues.length > max) parts.push(`… ${error.issues.length - max} more`);
  return parts.join('; ');
}

const refusal = (code: SyncError['error']['code'], message: string): SyncError => ({ error: { code, message } });

export async function startHubServer(opts: HubServerOptions): Promise<HubServer> {
  const { store, log } = opts;
  const host = opts.host ?? '127.0.0.1';
  const httpServer = http.createServer((_req, res) => {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Vigil hub: socket.io only\n');
  });
  const io = new Server(httpServer, {
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    serveClient: false,
    // Workstations are Node processes speaking WebSocket; no browser, so no CORS and no polling.
    transports: ['websocket'],
    // No connectionStateRecovery: a reconnecting workstation catches up from the feed.
  });

  io.use((socket, next) => {
    const address = socket.handshake.address;
    const hello = Hello.safeParse(socket.handshake.auth);
    if (!hello.success) {
      const message = describeIssues(hello.error);
      log.warn({ address, issues: message }, 'sync handshake refused: malformed hello');
      next(new Error(`bad-request: ${message}`));
      return;
    }
    const { workstationId, clientId, secret } = hello.data;
    let ok: boolean;
    try {
      ok = store.authenticate(workstationId, secret);
    } catch (err) {
      log.error({ err, workstationId }, 'sync handshake failed: could not check credentials');
      next(new Error('internal'));
      return;
    }
    if (!ok) {
      log.warn({ workstationId, address }, 'sync handshake refused: wrong credentials');
      next(new Error('unauthorized'));
      return;
    }
    const client: Client = { clientId, workstationId };
    socket.data = { client };
    next();
  });

  function answer(event: EventName, client: Client, payload: unknown): unknown {
    const schema = REQUESTS[event];
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      const message = describeIssues(parsed.error);
      log.warn({ event, workstationId: client.workstationId, clientId: client.clientId, issues: message }, 'malformed sync message refused');
      return refusal('bad-request', `${event}: ${message}`);
    }
    try {
      switch (event) {
        case 'snapshot':
          return store.snapshot(parsed.data as SnapshotRequest);
        case 'changes':
          return store.changes(parsed.data as ChangesRequest);
        case 'push': {
          const req = parsed.data as PushRequest;
          // Who pushes is who authenticated: the payload never says.
          return store.push(client, req.clientNow, req.mutations);
        }
      }
    } catch (err) {
      log.error({ err, event, workstationId: client.workstationId, clientId: client.clientId }, 'sync request failed');
      return refusal('internal', `${event}: ${(err as Error).message}`);
    }
  }

  io.on('connection', (socket: Socket) => {
    const client = (socket.data as { client: Client }).client;
    log.info({ workstationId: client.workstationId, clientId: client.clientId, address: socket.handshake.address }, 'workstation connected');
    socket.on('disconnect', (reason) => log.info({ workstationId: client.workstationId, clientId: client.clientId, reason }, 'workstation disconnected'));

    operatorMessages(socket, client);

    // One message at a time per socket, in arrival order, each on its own turn of the event
    // loop so a busy workstation cannot starve the others.
    const queue: (() => void)[] = [];
    let scheduled = false;
    const drain = () => {
      scheduled = false;
      const job = queue.shift();
      if (!job) return;
      job();
      if (queue.length && !scheduled) {
        scheduled = true;
        setImmediate(drain);
      }
    };

    socket.onAny((event: unknown, ...args: unknown[]) => {
      if (!isEvent(event)) {
        log.debug({ event: String(event).slice(0, 64), workstationId: client.workstationId }, 'unknown sync event ignored');
        return;
      }
      const ack = args.at(-1);
      if (typeof ack !== 'function') {
        log.warn({ event, workstationId: client.workstationId, clientId: client.clientId }, 'sync message without acknowledgement: disconnecting');
        socket.disconnect(true);
        return;
      }
      if (queue.length >= MAX_QUEUED) {
        log.warn({ event, workstationId: client.workstationId, clientId: client.clientId, queued: queue.length }, 'too many sync messages in flight: disconnecting');
        queue.length = 0;
        socket.disconnect(true);
        return;
      }
      queue.push(() => {
        if (!socket.connected) return;
        const result =
          args.length === 2
            ? answer(event, client, args[0])
            : refusal('bad-request', `${event}: expected one payload and an acknowledgement, got ${args.length - 1} payload(s)`);
        (ack as Ack)(result);
      });
      if (!scheduled) {
        scheduled = true;
        setImmediate(drain);
      }
    });
  });

  /**
   * Operator sign-in on the workstation's link (docs/sync-protocol.md). Answered outside the
   * sync queue: a password check takes tens of milliseconds on the thread pool and must not hold
   * up the feed. Neither the password nor the token is ever logged.
   */
  function operatorMessages(socket: Socket, client: Client): void {
    const ws = client.workstationId;
    socket.on('signIn', (payload: unknown, ack: unknown) => {
      if (typeof ack !== 'function') return;
      const req = HubSignInRequest.safeParse(payload);
      if (!req.success) {
        (ack as Ack)(refusal('bad-request', `signIn: ${describeIssues(req.error)}`));
        return;
      }
      store.operators.signIn(ws, req.data.username, req.data.password).then(
        (answer) => {
          log.info({ workstationId: ws, username: req.data.username, ok: answer.ok, reason: answer.ok ? undefined : answer.reason }, 'operator sign-in');
          (ack as Ack)(answer);
        },
        (err: unknown) => {
          log.error({ err, workstationId: ws }, 'operator sign-in failed');
          (ack as Ack)(refusal('internal', 'signIn failed'));
        },
      );
    });
    for (const event of ['checkToken', 'signOut'] as const) {
      socket.on(event, (payload: unknown, ack: unknown) => {
        if (typeof ack !== 'function') return;
        const req = HubTokenRequest.safeParse(payload);
        if (!req.success) {
          (ack as Ack)(refusal('bad-request', `${event}: ${describeIssues(req.error)}`));
          return;
        }
        try {
          if (event === 'signOut') {
            store.operators.signOut(ws, req.data.token);
            (ack as Ack)({ ok: true });
          } else (ack as Ack)(store.operators.checkToken(ws, req.data.token));
        } catch (err) {
          log.error({ err, workstationId: ws, event }, 'operator token request failed');
          (ack as Ack)(refusal('internal', `${event} failed`));
        }
      });
    }
  }

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(opts.port, host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });

  const stopNotices = store.onCommit((stream, changes, head) => {
    for (let i = 0; i < changes.length; i += MAX_PAGE) {
      const notice: ChangesNotice = { stream, changes: changes.slice(i, i + MAX_PAGE), head };
      io.emit('changes', notice);
    }
  });

  const stopPositions = opts.positions?.subscribe((p) => io.emit(DRONE_POSITION_EVENT, p)) ?? (() => undefined);

  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let closing: Promise<void> | null = null;

  return {
    url,
    port,
    connections: () => io.of('/').sockets.size,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        stopNotices();
        stopPositions();
        // Disconnects every socket, closes the engine and then the HTTP server.
        const grace = setTimeout(() => httpServer.closeAllConnections(), CLOSE_GRACE_MS);
        void io.close(() => {
          clearTimeout(grace);
          resolve();
        });
      });
      return closing;
    },
  };
}
