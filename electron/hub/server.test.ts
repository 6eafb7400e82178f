// The hub's socket.io server with real parts: a HubStore on a temporary SQLite file, the server
// on 127.0.0.1 port 0, socket.io-client (raw, to misbehave) and the workstation's socket link.
import { spawn } from 'node:child_process';
import path from 'node:path';
import fc from 'fast-check';
import pino from 'pino';
import { io as connectRaw, type Socket as ClientSocket } from 'socket.io-client';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { useTempDirs } from '../../test/support/temp';
import { LinkError, type HubLink } from '../services/sync/hub-link';
import { connectSocketLink } from '../services/sync/socket-link';
import {
  ChangesNotice,
  ChangesRequest,
  MAX_MESSAGE_BYTES,
  PushRequest,
  SnapshotRequest,
  type Hello,
  type Mutation,
} from '../shared/sync/protocol';
import { startHub } from './hub';
import { HubStore } from './hub-store';
import { startHubServer, type HubServer } from './server';

const tempDir = useTempDirs();
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A logger whose lines the test can read. */
function capture() {
  const lines: { level: number; msg: string; [k: string]: unknown }[] = [];
  const raw: string[] = [];
  const log = pino({ level: 'debug' }, { write: (s: string) => (raw.push(s), lines.push(JSON.parse(s))) });
  return { log, lines, raw };
}

async function hub(): Promise<{ store: HubStore; server: HubServer; logs: ReturnType<typeof capture> }> {
  const store = new HubStore(path.join(tempDir(), 'hub.db'), undefined, {}, { synchronous: 'NORMAL' });
  store.setWorkstationSecret('ws-1', 'secret-one');
  store.setWorkstationSecret('ws-2', 'secret-two');
  const logs = capture();
  const server = await startHubServer({ store, port: 0, log: logs.log });
  cleanups.push(() => store.close(), () => server.close());
  return { store, server, logs };
}

const hello = (workstationId = 'ws-1', secret = 'secret-one', clientId = `client-${workstationId}`): Hello => ({ protocol: 1, workstationId, secret, clientId });

/** A raw socket.io client, connected or refused within 5 s. */
function raw(url: string, auth: unknown): Promise<ClientSocket> {
  const socket = connectRaw(url, { transports: ['websocket'], auth: auth as Record<string, unknown>, reconnection: false, forceNew: true });
  cleanups.push(() => socket.disconnect());
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no connection within 5 s')), 5000);
    socket.once('connect', () => (clearTimeout(timer), resolve(socket)));
    socket.once('connect_error', (err) => (clearTimeout(timer), reject(err)));
  });
}

/** The workstation's link, once it reports the connection up (5 s at most). */
async function link(url: string, h: Hello = hello()): Promise<HubLink> {
  const l = connectSocketLink({ url, hello: h, timeoutMs: 5000 });
  cleanups.push(() => l.close());
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('link not up within 5 s')), 5000);
    l.onConnection((up, problem) => {
      if (!up && problem !== 'unauthorized') return;
      clearTimeout(timer);
      if (up) resolve();
      else reject(new LinkError('unauthorized', 'refused'));
    });
  });
  return l;
}

async function waitFor(cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

function counts(store: HubStore): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of ['incidents', 'events', 'assignments', 'units', 'conflicts', 'video_points', 'change_log', 'clients', 'mutation_results']) {
    out[t] = (store.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  }
  return out;
}

function createMutation(n: number, workstationId = 'ws-1', id = uuidv7()): Mutation {
  return {
    n,
    id: uuidv7(),
    schema: 1,
    at: Date.now(),
    actor: { operatorId: 'op-1', operatorName: '李娜', workstationId },
    op: {
      kind: 'incident.create',
      incident: { id, type: 'traffic_accident', priority: 2, location: { lat: 37.45, lon: 116.31 }, address: '德城区 东方红路与三八路交叉口', district: '德城区', summary: '两车剐蹭', exercise: false },
    },
  };
}

describe('handshake', () => {
  it('refuses a wrong secret, an unknown workstation and a malformed hello, and keeps serving', async () => {
    const { server, logs } = await hub();
    await expect(raw(server.url, hello('ws-1', 'wrong-secret-xyz'))).rejects.toThrow(/^unauthorized$/);
    await expect(raw(server.url, hello('ws-9', 'secret-one'))).rejects.toThrow(/^unauthorized$/);
    await expect(raw(server.url, { ...hello(), protocol: 2 })).rejects.toThrow(/^bad-request: protocol/);
    await expect(raw(server.url, { workstationId: 'ws-1' })).rejects.toThrow(/^bad-request:/);

    const refused = logs.lines.filter((l) => l.msg === 'sync handshake refused: wrong credentials');
    expect(refused.map((l) => l.workstationId)).toEqual(['ws-1', 'ws-9']);
    expect(logs.raw.join('')).not.toContain('wrong-secret-xyz');
    expect(logs.raw.join('')).not.toContain('secret-one');

    const ok = await link(server.url);
    const page = await ok.snapshot({ stream: 'incidents', token: null, limit: 10 });
    expect(page).toMatchObject({ stream: 'incidents', items: [], next: null, total: 0 });
    expect(server.connections()).toBe(1);
  });

  it('tells a link with a wrong secret it is unauthorized', async () => {
    const { server } = await hub();
    await expect(link(server.url, hello('ws-1', 'nope'))).rejects.toMatchObject({ problem: 'unauthorized' });
  });
});

describe('requests', () => {
  it('answers malformed payloads with bad-request and changes nothing', async () => {
    const { store, server, logs } = await hub();
    // Something to change, so that "nothing changed" means something.
    const l = await link(server.url);
    expect((await l.push({ clientNow: Date.now(), mutations: [createMutation(1)] })).results[0]!.outcome).toBe('applied');
    const before = counts(store);
    const socket = await raw(server.url, hello());
    const schemas = { snapshot: SnapshotRequest, changes: ChangesRequest, push: PushRequest } as const;

    await fc.assert(
      fc.asyncProperty(fc.constantFrom('snapshot', 'changes', 'push'), fc.jsonValue(), async (event, payload) => {
        fc.pre(!schemas[event].safeParse(payload).success);
        const answer = (await socket.timeout(5000).emitWithAck(event, payload)) as { error?: { code: string; message: string } };
        expect(answer.error?.code).toBe('bad-request');
      }),
      { numRuns: 150 },
    );

    // Near misses: one field wrong, or an extra one.
    const good = createMutation(2);
    const nearMisses: [string, unknown][] = [
      ['snapshot', { stream: 'incidents', token: null, limit: 1001 }],
      ['snapshot', { stream: 'units', token: null, limit: 10 }],
      ['changes', { stream: 'incidents', after: -1, limit: 10 }],
      ['changes', { stream: 'incidents', after: 0, limit: 10, extra: true }],
      ['push', { clientNow: Date.now(), mutations: [] }],
      ['push', { clientNow: Date.now(), mutations: Array.from({ length: 101 }, (_, i) => createMutation(i + 2)) }],
      ['push', { clientNow: Date.now(), mutations: [{ ...good, schema: 2 }] }],
      // Identity comes from the handshake; a payload that tries to say it is refused.
      ['push', { clientNow: Date.now(), mutations: [good], clientId: 'someone-else', workstationId: 'ws-2' }],
    ];
    for (const [event, payload] of nearMisses) {
      const answer = (await socket.timeout(5000).emitWithAck(event, payload)) as { error?: { code: string } };
      expect(answer.error?.code, `${event} ${JSON.stringify(payload).slice(0, 80)}`).toBe('bad-request');
    }
    // Two payloads, or none, with an acknowledgement: refused, not guessed at.
    expect(await socket.timeout(5000).emitWithAck('snapshot', { stream: 'incidents', token: null, limit: 1 }, 'extra')).toMatchObject({ error: { code: 'bad-request' } });
    expect(await socket.timeout(5000).emitWithAck('push')).toMatchObject({ error: { code: 'bad-request' } });

    expect(counts(store)).toEqual(before);
    expect(socket.connected).toBe(true);
    expect(logs.lines.some((x) => x.msg === 'malformed sync message refused' && x.level === 40)).toBe(true);
    // The same connection still gets real answers.
    expect(await socket.timeout(5000).emitWithAck('changes', { stream: 'incidents', after: 0, limit: 10 })).toMatchObject({ kind: 'changes', head: before.change_log });
  });

  it('disconnects a client that sends a request without an acknowledgement, and ignores unknown events', async () => {
    const { server, logs } = await hub();
    const socket = await raw(server.url, hello());
    socket.emit('made-up', { a: 1 });
    expect(await socket.timeout(5000).emitWithAck('changes', { stream: 'incidents', after: 0, limit: 1 })).toMatchObject({ kind: 'changes' });
    expect(logs.lines.some((x) => x.msg === 'unknown sync event ignored')).toBe(true);

    const gone = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    socket.emit('push', { clientNow: 0, mutations: [] });
    expect(await gone).toBe('io server disconnect');
    await waitFor(() => server.connections() === 0);
  });

  it('answers concurrent requests of one client in order', async () => {
    const { server } = await hub();
    const socket = await raw(server.url, hello());
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => socket.timeout(5000).emitWithAck('snapshot', { stream: i % 2 ? 'incidents' : 'video_points', token: null, limit: i + 1 }) as Promise<{ stream: string }>),
    );
    expect(answers.map((a) => a.stream)).toEqual(Array.from({ length: 20 }, (_, i) => (i % 2 ? 'incidents' : 'video_points')));
  });

  it('refuses an oversized message and stays up', async () => {
    const { store, server } = await hub();
    const before = counts(store);
    const big = await raw(server.url, hello());
    const closed = new Promise<string>((resolve) => big.once('disconnect', resolve));
    const m = createMutation(1);
    big.emit('push', { clientNow: Date.now(), mutations: [{ ...m, op: { ...m.op, incident: { ...(m.op as { incident: object }).incident, summary: 'x'.repeat(MAX_MESSAGE_BYTES + 10) } } }] }, () => undefined);
    expect(await closed).toMatch(/transport (close|error)/);
    expect(counts(store)).toEqual(before);

    // The link refuses to send such a request at all.
    const l = await link(server.url);
    const huge = Array.from({ length: 100 }, (_, i) => {
      const x = createMutation(i + 1);
      return { ...x, op: { kind: 'incident.note' as const, incidentId: uuidv7(), text: 'y'.repeat(60_000) } };
    });
    await expect(l.push({ clientNow: Date.now(), mutations: huge })).rejects.toMatchObject({ problem: 'protocol' });
    // And the server still serves.
    expect((await l.changes({ stream: 'incidents', after: 0, limit: 10 })).kind).toBe('changes');
  });

  it('answers internal when the store fails, and keeps serving', async () => {
    const { store, server, logs } = await hub();
    const socket = await raw(server.url, hello());
    // The one stand-in here: a real disk fault cannot be produced on demand.
    vi.spyOn(store, 'snapshot').mockImplementationOnce(() => {
      throw new Error('disk I/O error');
    });
    expect(await socket.timeout(5000).emitWithAck('snapshot', { stream: 'incidents', token: null, limit: 5 })).toEqual({ error: { code: 'internal', message: 'snapshot: disk I/O error' } });
    expect(logs.lines.some((x) => x.msg === 'sync request failed' && x.level === 50)).toBe(true);
    expect(await socket.timeout(5000).emitWithAck('snapshot', { stream: 'incidents', token: null, limit: 5 })).toMatchObject({ stream: 'incidents' });
  });
});

describe('push and notices', () => {
  it('applies a push once; a replay gets the same answer and no second effect', async () => {
    const { store, server } = await hub();
    const l = await link(server.url);
    const m = createMutation(1);
    const first = await l.push({ clientNow: Date.now(), mutations: [m] });
    expect(first.results).toEqual([{ n: 1, id: m.id, outcome: 'applied', reason: null, seq: expect.any(Number) }]);
    const after = counts(store);
    const head = store.head('incidents').head;

    const replay = await l.push({ clientNow: Date.now(), mutations: [m] });
    expect(replay.results).toEqual(first.results);
    expect(counts(store)).toEqual(after);
    expect(store.head('incidents').head).toBe(head);
    expect(after.incidents).toBe(1);
    expect(after.events).toBe(1);

    // A gap is answered with the n to send from.
    expect((await l.push({ clientNow: Date.now(), mutations: [createMutation(5)] })).expected).toBe(2);
  });

  it('takes who pushes from the handshake, never from the payload', async () => {
    const { store, server } = await hub();
    const one = await link(server.url, hello('ws-1', 'secret-one', 'db-a'));
    // An actor from another workstation is refused for this connection.
    const spoof = await one.push({ clientNow: Date.now(), mutations: [createMutation(1, 'ws-2')] });
    expect(spoof.results[0]).toMatchObject({ outcome: 'rejected', reason: 'actor does not belong to this workstation' });
    // Another database of the same workstation is another client: its n = 1 is its own.
    const two = await link(server.url, hello('ws-1', 'secret-one', 'db-b'));
    expect((await two.push({ clientNow: Date.now(), mutations: [createMutation(1)] })).results[0]!.outcome).toBe('applied');
    const clients = store.db.prepare('SELECT client_id, workstation_id, last_n FROM clients ORDER BY client_id').all();
    expect(clients).toEqual([
      { client_id: 'db-a', workstation_id: 'ws-1', last_n: 1 },
      { client_id: 'db-b', workstation_id: 'ws-1', last_n: 1 },
    ]);
  });

  it('sends a change notice to every connected workstation after a push', async () => {
    const { server } = await hub();
    const a = await link(server.url, hello('ws-1', 'secret-one'));
    const b = await link(server.url, hello('ws-2', 'secret-two'));
    const got = new Promise<ChangesNotice>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no notice within 5 s')), 5000);
      b.onNotice((n) => (clearTimeout(timer), resolve(n)));
    });
    const m = createMutation(1);
    const result = await a.push({ clientNow: Date.now(), mutations: [m] });
    const notice = await got;
    expect(ChangesNotice.safeParse(notice).success).toBe(true);
    expect(notice.stream).toBe('incidents');
    expect(notice.head).toBe(result.results[0]!.seq);
    expect(notice.changes.map((c) => c.entity)).toEqual(['incident', 'event']);
    expect(notice.changes[0]!.row).toMatchObject({ id: (m.op as { incident: { id: string } }).incident.id, status: 'new' });
    // The feed says the same as the notice.
    const page = await b.changes({ stream: 'incidents', after: 0, limit: 100 });
    expect(page).toEqual({ kind: 'changes', stream: 'incidents', head: notice.head, changes: notice.changes });
  });

  it('splits a large commit into notices of at most MAX_PAGE changes', async () => {
    const { store, server } = await hub();
    const socket = await raw(server.url, hello());
    const notices: ChangesNotice[] = [];
    socket.on('changes', (n: ChangesNotice) => notices.push(n));
    store.system((w) => {
      for (let i = 0; i < 1500; i++) {
        w.upsertVideoPoint({
          id: `vp-${i}`, name: `测试点 ${i}`, location: { lat: 37.4, lon: 116.3 }, headingDeg: null, fovDeg: null, rangeM: null,
          mainUrl: null, subUrl: null, codec: 'h264', ptz: false, department: '公安局', district: '德城区', online: true, updatedAt: 1,
        });
      }
    });
    await waitFor(() => notices.length === 2);
    expect(notices.map((n) => [n.stream, n.changes.length, n.head])).toEqual([
      ['video_points', 1000, 1500],
      ['video_points', 500, 1500],
    ]);
    expect(notices.flatMap((n) => n.changes.map((c) => c.seq))).toEqual(Array.from({ length: 1500 }, (_, i) => i + 1));
  });
});

describe('startHub and vigil-hub', () => {
  it('startHub opens the database, registers workstations and seeds the city', async () => {
    const dir = tempDir();
    const h = await startHub({ dataDir: path.join(dir, 'hub'), port: 0, workstations: [{ id: 'ws-7', secret: 's7' }], simulator: { seed: 9, cameras: 25, units: 6, autoTick: false }, log: pino({ level: 'silent' }) });
    cleanups.push(() => h.close());
    expect(h.url).toBe(`http://127.0.0.1:${h.port}`);
    const l = await link(h.url, hello('ws-7', 's7'));
    const page = await l.snapshot({ stream: 'video_points', token: null, limit: 1000 });
    expect(page.total).toBe(25);
    const incidents = await l.snapshot({ stream: 'incidents', token: null, limit: 1000 });
    expect(incidents.items.filter((i) => i.entity === 'incident')).toHaveLength(6);
    await h.close();
    await h.close(); // twice is harmless
  });

  it('the bundled CLI starts, serves a workstation and stops cleanly on SIGTERM', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, [path.join(inject('distDir'), 'hub.cjs'), '--port', '0', '--data', dir, '--workstation', 'ws-1:cli-secret', '--sim-seed', '4', '--cameras', '15', '--units', '3'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    cleanups.push(() => child.kill('SIGKILL'));
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address within 15 s: ${out} ${err}`)), 15_000);
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /Vigil hub on (http:\/\/127\.0\.0\.1:\d+) \(data: (.+)\)/.exec(out);
        if (!m) return;
        clearTimeout(timer);
        resolve(m[1]!);
      });
    });
    expect(out).toContain(`(data: ${dir})`);
    const l = await link(url, hello('ws-1', 'cli-secret'));
    expect((await l.snapshot({ stream: 'video_points', token: null, limit: 100 })).total).toBe(15);
    l.close();
    child.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), 10_000))]);
    expect(code).toBe(0);
    expect(err).not.toContain('cli-secret');
  });
});
