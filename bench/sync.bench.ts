// What a workstation pays to join the command centre, and what it pays afterwards to keep up.
// A hub holding a city (50 000 incidents, their 50 000 "created" events, 200 units, 20 000
// video points) serves a fresh workstation over loopback, exactly as in production: the
// HubStore (synchronous=FULL) behind startHubServer, the workstation's socket link, the
// SyncEngine, and the Store worker through storePort. Measured in one run:
//
// - bootstrap: wall time until both streams are live, snapshot rows per second, peak RSS and
//   main-thread heap of the workstation process, the main event loop's delay (p99, max), and the
//   latency of operator actions (createIncident every 20 ms) issued while the download runs —
//   next to the same actions on the idle workstation afterwards;
// - change apply: the hub commits N changes while the workstation is away, then the workstation
//   catches up through the feed; beside it, the same change rows inserted straight into the same
//   tables with better-sqlite3 (same pragmas, one transaction per 1000). Their ratio is the figure:
//   what the whole pipeline (hub read, socket.io, zod, worker hop, upsert rules) costs over SQLite.
//
// The hub runs in a child process, not a worker thread: its CPU would otherwise be charged to the
// workstation's process (RSS is per process), and a second process is what production has. It
// still shares the machine's CPUs with the workstation, as an embedded demo hub would.
// Sizes: BENCH_INCIDENTS (50000), BENCH_VIDEO_POINTS (20000), BENCH_CHANGES (20000, at most twice
// the incidents). Variants of the bootstrap: BENCH_PAGE_SIZE (the engine's page, default 1000) and
// BENCH_DRIVER=service (Vigil's SyncService instead of the bare engine: it also announces every
// applied page to the windows' event bus, as the running application does).
import Database from 'better-sqlite3';
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { v7 as uuidv7 } from 'uuid';
import { DEPARTMENTS, DISTRICTS } from '../electron/hub/city';
import { HubStore, type SystemWriter } from '../electron/hub/hub-store';
import { startHubServer, type HubServer } from '../electron/hub/server';
import { mulberry32 } from '../electron/shared/random';
import { migrate } from '../electron/services/store/migration';
import { migrations } from '../electron/services/store/migrations';
import { Store } from '../electron/services/store/store';
import { SyncEngine, type SyncPort } from '../electron/services/sync/engine';
import type { HubLink } from '../electron/services/sync/hub-link';
import { connectSocketLink } from '../electron/services/sync/socket-link';
import { storePort } from '../electron/services/sync/store-port';
import { SyncService } from '../electron/services/sync/sync-service';
import { EventBus } from '../electron/services/api/event-bus';
import { INCIDENT_TYPES, type NewIncident } from '../electron/shared/domain/incident';
import { UNIT_KINDS } from '../electron/shared/domain/unit';
import { MAX_PAGE, STREAMS, type Change, type Hello } from '../electron/shared/sync/protocol';

const INCIDENTS = Number(process.env.BENCH_INCIDENTS ?? 50_000);
const VIDEO_POINTS = Number(process.env.BENCH_VIDEO_POINTS ?? 20_000);
const CHANGES = Number(process.env.BENCH_CHANGES ?? 20_000);
const UNITS = 200;
/** Rows per hub transaction while building the city, and per raw-insert transaction (the engine's page). */
const BATCH = 1000;
const ACTION_EVERY_MS = 20;
const IDLE_ACTIONS = 100;
const SAMPLE_EVERY_MS = 50;
/** The engine's page size during the bootstrap (default and most the hub serves: 1000). */
const PAGE_SIZE = Number(process.env.BENCH_PAGE_SIZE ?? MAX_PAGE);
/** engine: the SyncEngine alone. service: Vigil's SyncService, which also announces each page to windows. */
const DRIVER = process.env.BENCH_DRIVER === 'service' ? 'service' : 'engine';

const WORKSTATION = 'bench-ws';
const SECRET = 'bench-secret';
const actor = { operatorId: 'bench', operatorName: '基准', workstationId: WORKSTATION };
const HUB_ACTOR = { operatorId: 'bench-hub', operatorName: '平台', workstationId: 'hub' };
/** Set in the child process's environment: the bundled file is both the benchmark and its hub. */
const HUB_ROLE = 'VIGIL_BENCH_SYNC_HUB';

const MB = 1024 * 1024;

// ---- the hub, in its own process ----------------------------------------------------------------

type HubCommand =
  | { kind: 'build'; file: string; incidents: number; videoPoints: number; units: number }
  | { kind: 'serve' }
  | { kind: 'commit'; changes: number }
  | { kind: 'cpu' }
  | { kind: 'close' };
type HubRequest = HubCommand & { id: number };
type HubReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

interface Built {
  ms: number;
  heads: Record<string, number>;
  rows: Record<string, number>;
}
interface Committed {
  ms: number;
  from: number;
  to: number;
}
interface Cpu {
  userMs: number;
  systemMs: number;
  rssMB: number;
}

function fill(store: HubStore, o: { incidents: number; videoPoints: number; units: number }): string[] {
  const rng = mulberry32(20261129);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
  const near = (d: (typeof DISTRICTS)[number]) => ({
    lat: Math.round((d.lat + (rng() * 2 - 1) * d.spread) * 1e6) / 1e6,
    lon: Math.round((d.lon + (rng() * 2 - 1) * d.spread * 1.25) * 1e6) / 1e6,
  });
  const start = Date.now() - 30 * 24 * 3600_000;

  store.system((w) => {
    for (let i = 0; i < o.units; i++) {
      const kind = UNIT_KINDS[i % UNIT_KINDS.length]!;
      w.upsertUnit({
        id: uuidv7(), callsign: `${kind}-${String(i + 1).padStart(3, '0')}`, kind, status: 'available', location: near(pick(DISTRICTS)),
        statusSince: start, updatedAt: start, rowVersion: 1,
      });
    }
  });

  const ids: string[] = [];
  for (let done = 0; done < o.incidents; ) {
    const n = Math.min(BATCH, o.incidents - done);
    store.system((w: SystemWriter) => {
      for (let k = 0; k < n; k++) {
        const i = done + k;
        const d = pick(DISTRICTS);
        const road = pick(d.roads);
        const id = uuidv7();
        ids.push(id);
        const reason = w.act(
          {
            kind: 'incident.create',
            incident: {
              id, type: pick(INCIDENT_TYPES), priority: 1 + Math.floor(rng() * 4), location: near(d),
              address: `${d.name} ${road} ${1 + Math.floor(rng() * 400)}号`, district: d.name,
              summary: `${road}与${pick(d.roads)}交叉口附近，群众报称需要处置（第 ${i + 1} 起）`, exercise: false,
            },
          },
          HUB_ACTOR,
          start + i * 1000,
        );
        if (reason) throw new Error(`hub refused incident ${i}: ${reason}`);
      }
    });
    done += n;
  }

  for (let done = 0; done < o.videoPoints; ) {
    const n = Math.min(BATCH, o.videoPoints - done);
    store.system((w) => {
      for (let k = 0; k < n; k++) {
        const i = done + k;
        const d = pick(DISTRICTS);
        const host = `10.${21 + (i % 6)}.${1 + Math.floor(i / 250) % 250}.${2 + (i % 250)}`;
        w.upsertVideoPoint({
          id: uuidv7(), name: `${d.short}${pick(d.roads)}${pick(['东', '西', '南', '北'])}向 ${i + 1}`, location: near(d),
          headingDeg: Math.floor(rng() * 360), fovDeg: 60, rangeM: 150,
          mainUrl: `rtsp://${host}:554/Streaming/Channels/101`, subUrl: `rtsp://${host}:554/Streaming/Channels/102`,
          codec: rng() < 0.7 ? 'h264' : 'h265', ptz: rng() < 0.2, department: pick(DEPARTMENTS), district: d.name, online: rng() < 0.95,
          updatedAt: start,
        });
      }
    });
    done += n;
  }
  return ids;
}

/**
 * Exactly `changes` changes on the incidents stream: status new → dispatched on distinct
 * incidents (each makes an incident row and a status event), and one summary edit if odd.
 */
function commitChanges(store: HubStore, ids: readonly string[], changes: number): void {
  const pairs = Math.floor(changes / 2);
  if (pairs + (changes % 2) > ids.length) throw new Error(`BENCH_CHANGES ${changes} needs at least ${pairs + (changes % 2)} incidents`);
  const at = Date.now();
  for (let done = 0; done < pairs; ) {
    const n = Math.min(BATCH / 2, pairs - done);
    store.system((w) => {
      for (let k = 0; k < n; k++) {
        const reason = w.act({ kind: 'incident.status', incidentId: ids[done + k]!, from: 'new', to: 'dispatched' }, HUB_ACTOR, at);
        if (reason) throw new Error(`hub refused a status change: ${reason}`);
      }
    });
    done += n;
  }
  if (changes % 2) {
    const id = ids[pairs]!;
    const { summary } = store.db.prepare('SELECT summary FROM incidents WHERE id = ?').get(id) as { summary: string };
    const reason = store.system((w) => w.act({ kind: 'incident.update', incidentId: id, field: 'summary', from: summary, to: `${summary}（已派警）` }, HUB_ACTOR, at));
    if (reason) throw new Error(`hub refused a summary edit: ${reason}`);
  }
}

function runHubProcess(): void {
  let store: HubStore | null = null;
  let server: HubServer | null = null;
  let ids: string[] = [];
  const log = pino({ level: 'warn' });

  const handle = async (req: HubRequest): Promise<unknown> => {
    switch (req.kind) {
      case 'build': {
        const t0 = performance.now();
        store = new HubStore(req.file); // synchronous=FULL, as in production
        store.setWorkstationSecret(WORKSTATION, SECRET);
        ids = fill(store, req);
        const heads = Object.fromEntries(STREAMS.map((s) => [s, store!.head(s).head]));
        const rows = Object.fromEntries(
          ['units', 'incidents', 'events', 'video_points'].map((t) => [t, (store!.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]),
        );
        return { ms: performance.now() - t0, heads, rows } satisfies Built;
      }
      case 'serve':
        server = await startHubServer({ store: store!, host: '127.0.0.1', port: 0, log });
        return server.url;
      case 'commit': {
        const from = store!.head('incidents').head;
        const t0 = performance.now();
        commitChanges(store!, ids, req.changes);
        return { ms: performance.now() - t0, from, to: store!.head('incidents').head } satisfies Committed;
      }
      case 'cpu': {
        const c = process.cpuUsage();
        return { userMs: c.user / 1000, systemMs: c.system / 1000, rssMB: process.memoryUsage().rss / MB } satisfies Cpu;
      }
      case 'close':
        await server?.close();
        store?.close();
        server = null;
        store = null;
        return null;
    }
  };

  process.on('message', (req: HubRequest) => {
    handle(req).then(
      (value) =>
        process.send!({ id: req.id, ok: true, value } satisfies HubReply, () => {
          if (req.kind === 'close') process.disconnect();
        }),
      (err: unknown) => process.send!({ id: req.id, ok: false, error: (err as Error).stack ?? String(err) } satisfies HubReply),
    );
  });
  // The benchmark went away without closing us: do not linger.
  process.on('disconnect', () => {
    void server?.close();
    store?.close();
  });
}

if (process.env[HUB_ROLE] === '1' && process.send) runHubProcess();

interface HubProcess {
  call<T>(command: HubCommand): Promise<T>;
  close(): Promise<void>;
}

function startHubProcess(): HubProcess {
  const child = fork(fileURLToPath(import.meta.url), [], { env: { ...process.env, [HUB_ROLE]: '1' }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let next = 0;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.on('message', (reply: HubReply) => {
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if (reply.ok) p.resolve(reply.value);
    else p.reject(new Error(`hub process: ${reply.error}`));
  });
  void exited.then((code) => {
    for (const p of pending.values()) p.reject(new Error(`hub process exited with code ${code}`));
    pending.clear();
  });
  const call = <T>(command: HubCommand): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ ...command, id } satisfies HubRequest);
    });
  return {
    call,
    async close() {
      if (child.exitCode === null) await call({ kind: 'close' }).catch(() => undefined);
      const timer = setTimeout(() => child.kill(), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

// ---- the workstation ---------------------------------------------------------------------------

function tempDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `vigil-bench-sync-${label}-`));
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

function actionInput(i: number): NewIncident {
  const d = DISTRICTS[i % DISTRICTS.length]!;
  return {
    type: 'traffic_accident', priority: 2, location: { lat: d.lat, lon: d.lon }, address: `${d.name} ${d.roads[0]} 基准 ${i}号`, district: d.name,
    summary: '基准测试：同步期间的接警', exercise: false,
  };
}

async function connect(url: string, hello: Hello): Promise<HubLink> {
  const link = connectSocketLink({ url, hello }); // production's call timeout (10 s)
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('hub link not up within 10 s')), 10_000);
    const off = link.onConnection((up, problem) => {
      if (!up && problem !== 'unauthorized') return;
      clearTimeout(timer);
      off();
      if (up) resolve();
      else reject(new Error('hub refused the workstation'));
    });
  });
  return link;
}

/** Where the engine's time goes: waiting on the hub link (hub, loopback, parse, zod) vs on the store worker. */
interface Split {
  linkMs: number;
  storeMs: number;
  snapshotItems: number;
  snapshotPages: number;
  changePages: number;
  recorded: Change[] | null;
  /** Called once, when the engine asks a feed after every stream's last snapshot page: all live. */
  onLive?: () => void;
  lastPages: Set<string>;
}
const newSplit = (record = false): Split => ({ linkMs: 0, storeMs: 0, snapshotItems: 0, snapshotPages: 0, changePages: 0, recorded: record ? [] : null, lastPages: new Set() });

async function timed<T>(split: Split, key: 'linkMs' | 'storeMs', work: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  try {
    return await work();
  } finally {
    split[key] += performance.now() - t0;
  }
}

function timedLink(link: HubLink, s: Split): HubLink {
  return {
    snapshot: (req) =>
      timed(s, 'linkMs', async () => {
        const page = await link.snapshot(req);
        s.snapshotItems += page.items.length;
        s.snapshotPages++;
        if (page.next === null) s.lastPages.add(req.stream);
        return page;
      }),
    changes: (req) =>
      timed(s, 'linkMs', async () => {
        if (s.onLive && s.lastPages.size === STREAMS.length) {
          s.onLive();
          s.onLive = undefined;
        }
        const page = await link.changes(req);
        s.changePages++;
        if (page.kind === 'changes') s.recorded?.push(...page.changes);
        return page;
      }),
    push: (req) => timed(s, 'linkMs', () => link.push(req)),
    onNotice: (l) => link.onNotice(l),
    onConnection: (l) => link.onConnection(l),
    close: () => link.close(),
  };
}

function timedPort(port: SyncPort, s: Split): SyncPort {
  return {
    cursor: (stream) => timed(s, 'storeMs', () => port.cursor(stream)),
    applySnapshotPage: (stream, page) => timed(s, 'storeMs', () => port.applySnapshotPage(stream, page)),
    applyChanges: (stream, changes) => timed(s, 'storeMs', () => port.applyChanges(stream, changes)),
    startResync: (stream) => timed(s, 'storeMs', () => port.startResync(stream)),
    outboxBatch: (limit) => timed(s, 'storeMs', () => port.outboxBatch(limit)),
    recordResults: (results) => timed(s, 'storeMs', () => port.recordResults(results)),
  };
}

/** Operator actions on a fixed 20 ms schedule (open loop: a slow one does not hold back the next). */
function operatorActions(store: Store, first: number) {
  const latencies: number[] = [];
  const inflight: Promise<void>[] = [];
  let i = first;
  const issue = () => {
    const t0 = performance.now();
    inflight.push(
      store.call('createIncident', { actor, input: actionInput(i++) }).then(() => {
        latencies.push(performance.now() - t0);
      }),
    );
  };
  issue();
  const timer = setInterval(issue, ACTION_EVERY_MS);
  return {
    get issued() {
      return i - first;
    },
    async stop(): Promise<number[]> {
      clearInterval(timer);
      await Promise.all(inflight);
      return latencies.sort((a, b) => a - b);
    },
  };
}

function memorySampler() {
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  sample();
  const timer = setInterval(sample, SAMPLE_EVERY_MS);
  return {
    stop() {
      sample();
      clearInterval(timer);
      return { peakRssMB: peakRss / MB, peakHeapMB: peakHeap / MB };
    },
  };
}

/**
 * Downloads the whole hub into the fresh workstation while an operator works. With the default
 * driver the SyncEngine runs alone (the brief of this benchmark); with BENCH_DRIVER=service the
 * SyncService runs it as Vigil does, announcing every applied page to the (empty) event bus.
 * "Live" is the moment the engine, both snapshots applied, first asks the video_points feed.
 */
async function bootstrap(store: Store, link: HubLink, hub: HubProcess, url: string) {
  const split = newSplit();
  let liveAt = 0;
  let atLive = { linkMs: 0, storeMs: 0 };
  let resolveLive!: () => void;
  const allLive = new Promise<void>((r) => (resolveLive = r));
  split.onLive = () => {
    liveAt = performance.now();
    atLive = { linkMs: split.linkMs, storeMs: split.storeMs };
    resolveLive();
  };
  const timedHub = timedLink(link, split);
  let run: () => Promise<void>;
  if (DRIVER === 'service') {
    const bus = new EventBus();
    const service = new SyncService({ store, link: timedHub, bus, log: pino({ level: 'silent' }), url, embedded: false, pollMs: 3_600_000 });
    run = async () => {
      const online = new Promise<void>((resolve) =>
        bus.subscribe((e) => {
          if (e.name === 'hub.status' && (e.payload as { state: string }).state === 'online') resolve();
        }),
      );
      service.start();
      await online;
      await service.stop(); // closes the link
    };
  } else {
    const engine = new SyncEngine(timedPort(storePort(store), split), timedHub, {}, { pageSize: PAGE_SIZE });
    run = () => engine.sync();
  }

  global.gc?.();
  const baselineRssMB = process.memoryUsage().rss / MB;
  const hubCpu0 = await hub.call<Cpu>({ kind: 'cpu' });
  const cpu0 = process.cpuUsage();
  const elu0 = performance.eventLoopUtilization();
  const loop = monitorEventLoopDelay({ resolution: 1 });
  const memory = memorySampler();
  loop.enable();
  const t0 = performance.now();
  const actions = operatorActions(store, 0);
  const syncing = run();
  await Promise.race([allLive, syncing]);
  if (!liveAt) throw new Error('sync round ended before both streams were live');
  const latencies = await actions.stop();
  loop.disable();
  const mem = memory.stop();
  const elu = performance.eventLoopUtilization(elu0);
  const cpu = process.cpuUsage(cpu0);
  await syncing; // the rest of the round: uploads the actions made meanwhile, reads the feed back
  const roundMs = performance.now() - t0;
  const hubCpu1 = await hub.call<Cpu>({ kind: 'cpu' });

  const ms = liveAt - t0;
  return {
    ms,
    rowsPerSecond: split.snapshotItems / (ms / 1000),
    peakRssMB: mem.peakRssMB,
    peakHeapMB: mem.peakHeapMB,
    loopDelayP99Ms: loop.percentile(99) / 1e6,
    loopDelayMaxMs: loop.max / 1e6,
    actionLatencyP50Ms: percentile(latencies, 50),
    actionLatencyP99Ms: percentile(latencies, 99),
    actions: latencies.length,
    // Context for the figures above.
    driver: DRIVER,
    pageSize: DRIVER === 'service' ? MAX_PAGE : PAGE_SIZE,
    actionLatencyMaxMs: latencies.at(-1) ?? NaN,
    snapshotRows: split.snapshotItems,
    snapshotPages: split.snapshotPages,
    baselineRssMB,
    waitingOnHubLinkMs: atLive.linkMs,
    waitingOnStoreMs: DRIVER === 'service' ? null : atLive.storeMs,
    mainLoopUtilization: elu.utilization,
    workstationCpuMs: (cpu.user + cpu.system) / 1000,
    hubCpuMs: hubCpu1.userMs + hubCpu1.systemMs - hubCpu0.userMs - hubCpu0.systemMs,
    hubRssMB: hubCpu1.rssMB,
    roundWithUploadMs: roundMs,
  };
}

async function idleActions(store: Store, first: number) {
  const actions = operatorActions(store, first);
  while (actions.issued < IDLE_ACTIONS) await new Promise((r) => setTimeout(r, ACTION_EVERY_MS));
  const latencies = await actions.stop();
  return {
    actionLatencyP50Ms: percentile(latencies, 50),
    actionLatencyP99Ms: percentile(latencies, 99),
    actions: latencies.length,
    /** The workstation process a few seconds after the bootstrap: what it kept. */
    rssMB: process.memoryUsage().rss / MB,
    heapMB: process.memoryUsage().heapUsed / MB,
  };
}

/** The same change rows, straight into the same tables: fresh file, same pragmas, one transaction per page. */
function rawInsert(changes: readonly Change[]) {
  const dir = tempDir('raw');
  const db = new Database(path.join(dir, 'raw.db'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations);
    const incident = db.prepare(
      `INSERT INTO incidents (id, type, priority, status, lat, lon, address, district, summary, exercise, origin, created_at, updated_at, closed_at, row_version)
       VALUES (@id, @type, @priority, @status, @lat, @lon, @address, @district, @summary, @exercise, 'hub', @createdAt, @updatedAt, @closedAt, @rowVersion)`,
    );
    const event = db.prepare(
      `INSERT INTO incident_events (id, incident_id, kind, payload, operator_id, operator_name, workstation_id, at, seq)
       VALUES (@id, @incidentId, @kind, @payload, @operatorId, @operatorName, @workstationId, @at, @seq)`,
    );
    const conflict = db.prepare(
      `INSERT INTO sync_conflicts (id, incident_id, field, kept, discarded, operator_name, workstation_id, at, seq)
       VALUES (@id, @incidentId, @field, @kept, @discarded, @operatorName, @workstationId, @at, @seq)`,
    );
    const page = db.transaction((batch: readonly Change[]) => {
      for (const c of batch) {
        if (c.entity === 'incident') incident.run({ ...c.row, lat: c.row.location.lat, lon: c.row.location.lon, exercise: c.row.exercise ? 1 : 0 });
        else if (c.entity === 'event') event.run({ ...c.row, payload: JSON.stringify(c.row.payload) });
        else if (c.entity === 'conflict') conflict.run(c.row);
        else throw new Error(`raw insert does not cover ${c.entity} changes`);
      }
    });
    const t0 = performance.now();
    for (let i = 0; i < changes.length; i += MAX_PAGE) page.immediate(changes.slice(i, i + MAX_PAGE));
    const ms = performance.now() - t0;
    return { rows: changes.length, ms, rowsPerSecond: changes.length / (ms / 1000) };
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function main(workerPath: string, out: string): Promise<void> {
  const started = performance.now();
  if (CHANGES > 2 * INCIDENTS) throw new Error(`BENCH_CHANGES (${CHANGES}) may be at most twice BENCH_INCIDENTS (${INCIDENTS})`);
  const hubDir = tempDir('hub');
  const wsDir = tempDir('ws');
  const hub = startHubProcess();
  let store: Store | null = null;
  const links: HubLink[] = [];
  try {
    console.log(`sync bench: building the hub (${INCIDENTS} incidents, ${UNITS} units, ${VIDEO_POINTS} video points)…`);
    const built = await hub.call<Built>({ kind: 'build', file: path.join(hubDir, 'hub.db'), incidents: INCIDENTS, videoPoints: VIDEO_POINTS, units: UNITS });
    console.log(`sync bench: hub built in ${Math.round(built.ms)} ms: ${JSON.stringify(built.rows)}`);
    const url = await hub.call<string>({ kind: 'serve' });

    store = await Store.start(workerPath, path.join(wsDir, 'vigil.db'));
    const hello: Hello = { protocol: 1, workstationId: WORKSTATION, secret: SECRET, clientId: await store.call('syncClientId') };
    const link = await connect(url, hello);
    links.push(link);

    console.log(`sync bench: bootstrap (${DRIVER}, pages of ${DRIVER === 'service' ? MAX_PAGE : PAGE_SIZE})…`);
    const boot = await bootstrap(store, link, hub, url);
    link.close();
    const idle = await idleActions(store, boot.actions);
    // Upload the idle actions and read them back, so the catch-up below carries the hub's changes only.
    const flushLink = await connect(url, hello);
    links.push(flushLink);
    await new SyncEngine(storePort(store), flushLink).sync();
    const outboxAfterBootstrap = await store.call('syncCounts');
    const counts = await store.call('counts');

    // The workstation is away while the hub commits: nothing arrives as a pushed notice.
    flushLink.close();
    console.log(`sync bench: hub commits ${CHANGES} changes…`);
    const committed = await hub.call<Committed>({ kind: 'commit', changes: CHANGES });
    if (committed.to - committed.from !== CHANGES) throw new Error(`hub committed ${committed.to - committed.from} changes, expected ${CHANGES}`);
    const link2 = await connect(url, hello);
    links.push(link2);
    const split = newSplit(true);
    const t0 = performance.now();
    await new SyncEngine(timedPort(storePort(store), split), timedLink(link2, split)).sync();
    const applyMs = performance.now() - t0;
    const cursor = await store.call('syncCursor', { stream: 'incidents' });
    if (cursor.phase !== 'live' || cursor.seq !== committed.to) throw new Error(`workstation cursor ${JSON.stringify(cursor)} did not reach the hub's head ${committed.to}`);
    const recorded = split.recorded!;
    if (recorded.length !== CHANGES) throw new Error(`recorded ${recorded.length} changes, expected ${CHANGES}`);

    const raw = rawInsert(recorded);
    const apply = { changes: CHANGES, ms: applyMs, changesPerSecond: CHANGES / (applyMs / 1000), waitingOnHubLinkMs: split.linkMs, waitingOnStoreMs: split.storeMs, pages: split.changePages };

    const result = {
      benchmark: 'sync',
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, node: process.version },
      sizes: { incidents: INCIDENTS, videoPoints: VIDEO_POINTS, changes: CHANGES, units: UNITS, hubRows: built.rows },
      hub: { buildMs: built.ms, commitMs: committed.ms },
      bootstrap: boot,
      idle,
      apply,
      rawInsert: raw,
      ratios: {
        applyOverRawInsert: apply.changesPerSecond / raw.rowsPerSecond,
        actionLatencyP99BootstrapOverIdle: boot.actionLatencyP99Ms / idle.actionLatencyP99Ms,
      },
      checks: { outboxAfterBootstrap, workstationCounts: counts },
      totalSeconds: (performance.now() - started) / 1000,
    };
    const rounded = JSON.parse(JSON.stringify(result, (_k, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? round(v, 3) : v))) as typeof result;
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify(rounded, null, 2) + '\n');
    console.log(JSON.stringify(rounded, null, 2));
  } finally {
    for (const l of links) l.close();
    await store?.close();
    await hub.close();
    fs.rmSync(hubDir, { recursive: true, force: true });
    fs.rmSync(wsDir, { recursive: true, force: true });
  }
}
