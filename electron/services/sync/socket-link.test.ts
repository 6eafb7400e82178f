// The socket link against a test-only socket.io server that answers whatever the test says:
// garbage, refusals, nothing at all. The link must turn each into the right LinkError and never
// hand the engine an answer that does not parse.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { Server, type Socket as ServerSocket } from 'socket.io';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { ChangesPage, PushResult, SnapshotPage, type ChangesNotice, type Hello, type PushRequest } from '../../shared/sync/protocol';
import { LinkError, type HubLink, type LinkProblem } from './hub-link';
import { connectSocketLink } from './socket-link';

type Answer = (event: string, payload: unknown, socket: ServerSocket) => unknown;

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const hello: Hello = { protocol: 1, workstationId: 'ws-1', secret: 'the-secret', clientId: 'client-1' };

/** A raw socket.io server: `answer` decides every ack; undefined means no answer at all. */
async function fakeHub(answer: Answer, opts: { port?: number; refuse?: string } = {}) {
  const httpServer = http.createServer();
  const io = new Server(httpServer, { transports: ['websocket'] });
  const seen = { handshakes: 0, events: [] as string[], auth: [] as unknown[] };
  io.use((socket, next) => {
    seen.handshakes++;
    seen.auth.push(socket.handshake.auth);
    if (opts.refuse) next(new Error(opts.refuse));
    else next();
  });
  io.on('connection', (socket) => {
    socket.onAny((event: string, ...args: unknown[]) => {
      seen.events.push(event);
      const ack = args.at(-1);
      const a = answer(event, args[0], socket);
      if (a !== undefined && typeof ack === 'function') (ack as (x: unknown) => void)(a);
    });
  });
  await new Promise<void>((resolve) => httpServer.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const port = (httpServer.address() as AddressInfo).port;
  const close = () => new Promise<void>((resolve) => void io.close(() => resolve()));
  cleanups.push(close);
  return { io, url: `http://127.0.0.1:${port}`, port, seen, close };
}

function open(url: string, timeoutMs = 3000): HubLink {
  const l = connectSocketLink({ url, hello, timeoutMs });
  cleanups.push(() => l.close());
  return l;
}

function connection(l: HubLink, want: (up: boolean, problem: LinkProblem | null) => boolean, ms = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('connection state not reached in time')), ms);
    const off = l.onConnection((up, problem) => {
      if (want(up, problem)) {
        clearTimeout(timer);
        off();
        resolve();
      }
    });
  });
}
const up = (l: HubLink) => connection(l, (u) => u);

async function problemOf(p: Promise<unknown>): Promise<LinkProblem> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(LinkError);
    return (e as LinkError).problem;
  }
  throw new Error('expected a LinkError, the call succeeded');
}

const snapshotReq = { stream: 'incidents', token: null, limit: 10 } as const;
const changesReq = { stream: 'incidents', after: 0, limit: 10 } as const;
const pushReq: PushRequest = {
  clientNow: 1,
  mutations: [{ n: 1, id: uuidv7(), schema: 1, at: 1, actor: { operatorId: 'o', operatorName: '王', workstationId: 'ws-1' }, op: { kind: 'incident.note', incidentId: 'i-1', text: '到场' } }],
};
const incidentChange = {
  seq: 1,
  entity: 'incident',
  op: 'upsert',
  row: {
    id: 'i-1', type: 'fire', priority: 1, status: 'new', location: { lat: 37.4, lon: 116.3 }, address: '德城区 新湖大街', district: '德城区', summary: '', exercise: false,
    createdAt: 1, updatedAt: 1, closedAt: null, rowVersion: 1,
  },
};
const good = {
  snapshot: { stream: 'incidents', asOf: 1, items: [{ entity: 'incident', op: 'upsert', row: incidentChange.row }], next: null, total: 1 },
  changes: { kind: 'changes', stream: 'incidents', changes: [incidentChange], head: 1 },
  push: { results: [{ n: 1, id: pushReq.mutations[0]!.id, outcome: 'applied', reason: null, seq: 3 }], expected: null, skewMs: 0 },
} as const;

describe('answers', () => {
  it('passes well-formed answers through and sends the handshake hello', async () => {
    const hub = await fakeHub((event) => good[event as keyof typeof good]);
    const l = open(hub.url);
    await up(l);
    expect(await l.snapshot(snapshotReq)).toEqual(good.snapshot);
    expect(await l.changes(changesReq)).toEqual(good.changes);
    expect(await l.push(pushReq)).toEqual(good.push);
    expect(hub.seen.auth).toEqual([hello]);
  });

  it('refuses garbage with bad-data', async () => {
    const garbage: Record<string, unknown> = {
      snapshot: { stream: 'incidents', asOf: -1, items: 'nope', next: null, total: 0 },
      changes: { kind: 'changes', stream: 'incidents', changes: [{ ...incidentChange, row: { ...incidentChange.row, priority: 9 } }], head: 1 },
      push: { results: [{ n: 1 }], expected: null, skewMs: 0 },
    };
    const hub = await fakeHub((event) => garbage[event]);
    const l = open(hub.url);
    await up(l);
    expect(await problemOf(l.snapshot(snapshotReq))).toBe('bad-data');
    expect(await problemOf(l.changes(changesReq))).toBe('bad-data');
    expect(await problemOf(l.push(pushReq))).toBe('bad-data');
  });

  it('refuses an answer about another stream', async () => {
    const hub = await fakeHub((event) => (event === 'changes' ? { kind: 'resync', stream: 'video_points', floor: 3 } : { ...good.snapshot, stream: 'video_points', items: [] }));
    const l = open(hub.url);
    await up(l);
    expect(await problemOf(l.changes(changesReq))).toBe('bad-data');
    expect(await problemOf(l.snapshot(snapshotReq))).toBe('bad-data');
  });

  it('never resolves with an answer that does not parse, whatever the hub sends', async () => {
    let next: unknown = null;
    const hub = await fakeHub(() => next);
    const l = open(hub.url);
    await up(l);
    const schemas = { snapshot: SnapshotPage, changes: ChangesPage, push: PushResult } as const;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('snapshot', 'changes', 'push'), fc.jsonValue(), async (event, answer) => {
        next = answer ?? 0; // undefined would mean "no answer"
        const call = event === 'snapshot' ? l.snapshot(snapshotReq) : event === 'changes' ? l.changes(changesReq) : l.push(pushReq);
        try {
          const got = await call;
          expect(schemas[event].safeParse(got).success).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(LinkError);
          expect(['bad-data', 'protocol', 'unauthorized', 'unreachable']).toContain((e as LinkError).problem);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('turns the hub’s refusals into the matching problems', async () => {
    let code = 'bad-request';
    const hub = await fakeHub(() => ({ error: { code, message: 'because' } }));
    const l = open(hub.url);
    await up(l);
    const expected: Record<string, LinkProblem> = { 'bad-request': 'protocol', 'too-large': 'protocol', unauthorized: 'unauthorized', internal: 'unreachable' };
    for (const [c, problem] of Object.entries(expected)) {
      code = c;
      expect(await problemOf(l.push(pushReq)), c).toBe(problem);
    }
  });

  it('times out when the hub does not answer', async () => {
    const hub = await fakeHub(() => undefined);
    const l = open(hub.url, 300);
    await up(l);
    expect(await problemOf(l.changes(changesReq))).toBe('timeout');
  });

  it('fails a call in flight as unreachable when the hub drops the connection, then reconnects', async () => {
    let drop = true;
    const hub = await fakeHub((event, _p, socket) => {
      if (!drop) return good[event as keyof typeof good];
      drop = false;
      socket.disconnect(true);
      return undefined;
    });
    const l = open(hub.url);
    await up(l);
    const down = connection(l, (u) => !u);
    expect(await problemOf(l.push(pushReq))).toBe('unreachable');
    await down;
    // socket.io does not reconnect after a server-side disconnect; the link does, with backoff.
    await connection(l, (u) => u, 15_000);
    expect(await l.push(pushReq)).toEqual(good.push);
    expect(hub.seen.handshakes).toBe(2);
  });
});

describe('connection', () => {
  it('fails at once while down and sends nothing later by surprise', async () => {
    // A port with nothing on it, for now.
    const probe = await fakeHub(() => undefined);
    const port = probe.port;
    await probe.close();

    const l = open(`http://127.0.0.1:${port}`);
    const started = Date.now();
    expect(await problemOf(l.push(pushReq))).toBe('unreachable');
    expect(await problemOf(l.snapshot(snapshotReq))).toBe('unreachable');
    expect(Date.now() - started).toBeLessThan(1000);

    const hub = await fakeHub((event) => good[event as keyof typeof good], { port });
    await up(l); // reconnects by itself, with backoff
    await new Promise((r) => setTimeout(r, 300));
    expect(hub.seen.events).toEqual([]);
    expect(await l.push(pushReq)).toEqual(good.push);
    expect(hub.seen.events).toEqual(['push']);
  });

  it('stops for good when the hub refuses the credentials', async () => {
    const hub = await fakeHub(() => undefined, { refuse: 'unauthorized' });
    const l = open(hub.url);
    await connection(l, (u, p) => !u && p === 'unauthorized');
    expect(await problemOf(l.changes(changesReq))).toBe('unauthorized');
    // No second attempt, even after the longest first backoff.
    await new Promise((r) => setTimeout(r, 1200));
    expect(hub.seen.handshakes).toBe(1);
  });

  it('keeps trying when the hub refuses for another reason', async () => {
    const hub = await fakeHub(() => undefined, { refuse: 'bad-request: protocol: Invalid input' });
    const l = open(hub.url);
    await connection(l, (u, p) => !u && p === 'protocol');
    const end = Date.now() + 5000;
    while (hub.seen.handshakes < 2 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    expect(hub.seen.handshakes).toBeGreaterThanOrEqual(2);
  });

  it('reports down and up again across a hub restart', async () => {
    const hub = await fakeHub((event) => good[event as keyof typeof good]);
    const port = hub.port;
    const l = open(hub.url);
    const states: string[] = [];
    l.onConnection((u, p) => states.push(u ? 'up' : `down:${p}`));
    await up(l);
    const down = connection(l, (u) => !u);
    await hub.close();
    await down;
    await fakeHub((event) => good[event as keyof typeof good], { port });
    await connection(l, (u) => u, 15_000);
    expect(states[0]).toBe('up');
    expect(states).toContain('down:unreachable');
    expect(states.at(-1)).toBe('up');
    expect(await l.changes(changesReq)).toEqual(good.changes);
  });

  it('after close, calls fail and nothing is reported', async () => {
    const hub = await fakeHub((event) => good[event as keyof typeof good]);
    const l = open(hub.url);
    await up(l);
    const states: boolean[] = [];
    l.onConnection((u) => states.push(u));
    await new Promise((r) => setTimeout(r, 20)); // the current state, told to a late subscriber
    l.close();
    expect(await problemOf(l.changes(changesReq))).toBe('unreachable');
    await hub.close();
    expect(states).toEqual([true]);
  });
});

describe('notices', () => {
  it('delivers valid change notices and drops malformed ones', async () => {
    const hub = await fakeHub(() => undefined);
    const l = open(hub.url);
    const got: ChangesNotice[] = [];
    l.onNotice((n) => got.push(n));
    await up(l);
    const valid = { stream: 'incidents', changes: [incidentChange], head: 1 };
    hub.io.emit('changes', { stream: 'incidents', changes: 'all of them', head: 1 });
    hub.io.emit('changes', { ...valid, changes: [{ ...incidentChange, seq: 0 }] });
    hub.io.emit('changes', null);
    hub.io.emit('changes', valid);
    const end = Date.now() + 5000;
    while (got.length === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 50));
    expect(got).toEqual([valid]);
  });
});
