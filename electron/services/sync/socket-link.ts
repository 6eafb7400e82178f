// The real HubLink: socket.io-client over WebSocket, with reconnection and backoff. A call made
// while the link is down fails at once (nothing is buffered to be sent later by surprise), every
// answer is validated against the protocol schemas before the engine sees it, and the hub's
// refusals become LinkErrors the engine understands.
import pino from 'pino';
import { io, type Socket } from 'socket.io-client';
import { z } from 'zod';
import type { Logger } from '../log/logger';
import {
  ChangesNotice,
  ChangesPage,
  MAX_MESSAGE_BYTES,
  PushResult,
  SnapshotPage,
  SyncError,
  type ChangesRequest,
  type Hello,
  type PushRequest,
  type SnapshotRequest,
} from '../../shared/sync/protocol';
import { DRONE_POSITION_EVENT, parseDronePosition, type DronePosition } from '../../shared/sync/drone-position';
import { LinkError, type HubLink, type HubOperatorLink, type LinkProblem } from './hub-link';
import { HubSignInAnswer, HubTokenAnswer, type HubSignInRequest } from '../../shared/sync/operator-auth';

export interface SocketLinkOptions {
  /** The hub, e.g. http://10.0.0.5:7420. Holds no credentials: they travel in `hello`. */
  url: string;
  hello: Hello;
  /** Per call, and for the connection attempt. Default 10 s. */
  timeoutMs?: number;
  log?: Logger;
}

const BACKOFF_MIN_MS = 500;
const BACKOFF_MAX_MS = 10_000;
/** socket.io's framing around the JSON payload: a request this close to the limit is refused before sending. */
const FRAME_ALLOWANCE = 1024;

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ');
}

/** safeParse, and a schema that throws (a broken schema, not bad data) still ends as a refusal. */
function validate<T>(schema: z.ZodType<T>, value: unknown): { success: true; data: T } | { success: false; issues: string } {
  try {
    const r = schema.safeParse(value);
    return r.success ? { success: true, data: r.data } : { success: false, issues: describe(r.error) };
  } catch (err) {
    return { success: false, issues: `validation failed: ${(err as Error).message}` };
  }
}

const PROBLEM_OF: Readonly<Record<SyncError['error']['code'], LinkProblem>> = {
  'bad-request': 'protocol',
  'too-large': 'protocol',
  unauthorized: 'unauthorized',
  internal: 'unreachable',
};

export function connectSocketLink(opts: SocketLinkOptions): HubLink & HubOperatorLink {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const log = opts.log ?? pino({ level: 'silent' });
  const target = { url: opts.url, workstationId: opts.hello.workstationId };

  const socket: Socket = io(opts.url, {
    transports: ['websocket'],
    auth: opts.hello,
    forceNew: true,
    reconnection: true,
    reconnectionDelay: BACKOFF_MIN_MS,
    reconnectionDelayMax: BACKOFF_MAX_MS,
    randomizationFactor: 0.5,
    timeout: timeoutMs,
    retries: 0,
  });

  const noticeListeners = new Set<(notice: ChangesNotice) => void>();
  const positionListeners = new Set<(position: DronePosition) => void>();
  let badPositions = 0;
  const connectionListeners = new Set<(up: boolean, problem: LinkProblem | null) => void>();
  let state: { up: boolean; problem: LinkProblem | null } | null = null;
  let refused = false;
  let closed = false;
  let retryTimer: NodeJS.Timeout | null = null;
  let manualAttempts = 0;

  function setState(up: boolean, problem: LinkProblem | null): void {
    if (state && state.up === up && state.problem === problem) return;
    state = { up, problem };
    for (const l of [...connectionListeners]) {
      try {
        l(up, problem);
      } catch (err) {
        log.error({ err }, 'hub link connection listener failed');
      }
    }
  }

  /** socket.io stops retrying after a refusal or a server-side disconnect: retry ourselves, with backoff. */
  function retryLater(): void {
    if (closed || refused || retryTimer) return;
    const base = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** Math.min(manualAttempts, 10));
    manualAttempts++;
    const delay = Math.round(base * (0.5 + Math.random()));
    retryTimer = setTimeout(() => {
      retryTimer = null;
      if (!closed && !refused && !socket.connected) socket.connect();
    }, Math.min(delay, BACKOFF_MAX_MS));
    retryTimer.unref();
  }

  socket.on('connect', () => {
    manualAttempts = 0;
    // Anything socket.io queued while we were down would go out now: nothing of ours may.
    socket.sendBuffer.splice(0);
    log.info(target, 'connected to the hub');
    setState(true, null);
  });

  socket.on('disconnect', (reason) => {
    socket.sendBuffer.splice(0);
    log.warn({ ...target, reason }, 'hub connection lost');
    setState(false, 'unreachable');
    // 'io server disconnect': the hub closed this socket; socket.io will not reconnect by itself.
    if (reason === 'io server disconnect') retryLater();
  });

  socket.on('connect_error', (err: Error) => {
    if (socket.active) {
      // A transport failure: socket.io retries on its own, with backoff.
      log.debug({ ...target, error: err.message }, 'hub not reachable');
      setState(false, 'unreachable');
      return;
    }
    // Refused by the hub's handshake.
    if (err.message === 'unauthorized') {
      refused = true;
      log.error(target, 'the hub refused this workstation’s credentials; not retrying');
      setState(false, 'unauthorized');
      return;
    }
    log.error({ ...target, error: err.message }, 'the hub refused the connection');
    setState(false, 'protocol');
    retryLater();
  });

  socket.on('changes', (notice: unknown) => {
    const parsed = validate(ChangesNotice, notice);
    if (!parsed.success) {
      log.warn({ ...target, issues: parsed.issues }, 'malformed change notice from the hub dropped');
      return;
    }
    for (const l of [...noticeListeners]) {
      try {
        l(parsed.data);
      } catch (err) {
        log.error({ err }, 'hub link notice listener failed');
      }
    }
  });

  // Positions are not part of the feed: one that does not parse is counted, logged now and then, and skipped.
  socket.on(DRONE_POSITION_EVENT, (raw: unknown) => {
    const parsed = parseDronePosition(raw);
    if (!parsed.ok) {
      badPositions++;
      if (badPositions <= 5 || badPositions % 100 === 0) log.warn({ ...target, reason: parsed.reason, count: badPositions }, 'malformed drone position from the hub skipped');
      return;
    }
    for (const l of [...positionListeners]) {
      try {
        l(parsed.position);
      } catch (err) {
        log.error({ err }, 'hub link drone position listener failed');
      }
    }
  });

  async function call<T>(event: 'snapshot' | 'changes' | 'push' | 'signIn' | 'checkToken' | 'signOut', req: unknown, schema: z.ZodType<T>): Promise<T> {
    if (closed) throw new LinkError('unreachable', 'the hub link is closed');
    if (refused) throw new LinkError('unauthorized', 'the hub refused this workstation’s credentials');
    if (!socket.connected) throw new LinkError('unreachable', 'not connected to the hub');
    const bytes = Buffer.byteLength(JSON.stringify(req));
    if (bytes > MAX_MESSAGE_BYTES - FRAME_ALLOWANCE) throw new LinkError('protocol', `${event}: ${bytes} bytes is more than the hub accepts (${MAX_MESSAGE_BYTES})`);

    let answer: unknown;
    try {
      const pending: Promise<unknown> = socket.timeout(timeoutMs).emitWithAck(event, req);
      if (socket.sendBuffer.length) {
        // socket.io thought the connection stale (ping expired) and buffered the packet to send
        // after reconnecting: take it back and fail now. Its ack will time out unheard.
        socket.sendBuffer.splice(0);
        pending.catch(() => undefined);
        throw new LinkError('unreachable', 'the hub connection is stale');
      }
      answer = await pending;
    } catch (err) {
      if (err instanceof LinkError) throw err;
      const message = (err as Error).message;
      if (message === 'operation has timed out') throw new LinkError('timeout', `${event}: no answer from the hub within ${timeoutMs} ms`);
      throw new LinkError('unreachable', `${event}: ${message}`);
    }

    const refusal = SyncError.safeParse(answer);
    if (refusal.success) {
      const { code, message } = refusal.data.error;
      throw new LinkError(PROBLEM_OF[code], `${event}: hub answered ${code}: ${message}`);
    }
    const parsed = validate(schema, answer);
    if (!parsed.success) {
      const issues = parsed.issues;
      log.warn({ ...target, event, issues }, 'malformed answer from the hub refused');
      throw new LinkError('bad-data', `${event}: malformed answer: ${issues}`);
    }
    return parsed.data;
  }

  function firstVerdict(): Promise<void> {
    if (state || closed) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        connectionListeners.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      connectionListeners.add(done);
    });
  }

  function sameStream<T extends { stream: string }>(event: string, req: { stream: string }, page: T): T {
    if (page.stream !== req.stream) {
      log.warn({ ...target, event, asked: req.stream, got: page.stream }, 'answer for another stream refused');
      throw new LinkError('bad-data', `${event}: asked for ${req.stream}, the hub answered ${page.stream}`);
    }
    return page;
  }

  return {
    snapshot: async (req: SnapshotRequest) => sameStream('snapshot', req, await call('snapshot', req, SnapshotPage)),
    changes: async (req: ChangesRequest) => sameStream('changes', req, await call('changes', req, ChangesPage)),
    push: (req: PushRequest) => call('push', req, PushResult),
    // Right after start the link is still connecting: an operator signing in then waits for its
    // first verdict rather than being checked offline against the cache.
    signIn: async (req: HubSignInRequest) => {
      await firstVerdict();
      return call('signIn', req, HubSignInAnswer);
    },
    checkToken: (token: string) => call('checkToken', { token }, HubTokenAnswer),
    signOut: async (token: string) => {
      await call('signOut', { token }, z.object({ ok: z.literal(true) }));
    },
    onNotice(listener) {
      noticeListeners.add(listener);
      return () => noticeListeners.delete(listener);
    },
    onDronePosition(listener) {
      positionListeners.add(listener);
      return () => positionListeners.delete(listener);
    },
    onConnection(listener) {
      connectionListeners.add(listener);
      // A listener that subscribes after the first verdict hears the current state.
      const known = state;
      if (known) {
        queueMicrotask(() => {
          if (connectionListeners.has(listener) && state === known) listener(known.up, known.problem);
        });
      }
      return () => connectionListeners.delete(listener);
    },
    close() {
      if (closed) return;
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      noticeListeners.clear();
      positionListeners.clear();
      connectionListeners.clear();
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}
