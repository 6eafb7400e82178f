// The fault suite's world: one real hub store and several real workstation sync engines, each
// on its own SQLite file, joined by an in-memory network that a seeded random source drives:
// it delivers messages in any order, drops them, duplicates them, partitions one way, kills
// workstations and restarts the hub. Everything is deterministic for a seed, so a failure is
// replayed by running the same kind and seed again.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { HubStore, type HubSabotage } from '../../electron/hub/hub-store';
import { migrate } from '../../electron/services/store/migration';
import { migrations } from '../../electron/services/store/migrations';
import { addNoteAction, assignmentAction, clientId, createIncidentAction, planStepAction, setStatusAction, updateFieldAction } from '../../electron/services/store/outbox';
import { demoPlans } from '../../electron/hub/plans';
import { listIncidents, listUnits } from '../../electron/services/store/overlay';
import { readCursor, type ClientSabotage } from '../../electron/services/store/sync-apply';
import { SyncEngine } from '../../electron/services/sync/engine';
import { LinkError, type HubLink } from '../../electron/services/sync/hub-link';
import { INCIDENT_TYPES } from '../../electron/shared/domain/incident';
import { nextStatuses } from '../../electron/shared/domain/incident-lifecycle';
import { ChangesPage, ChangesRequest, PushRequest, PushResult, SnapshotPage, SnapshotRequest, STREAMS, ChangesNotice, type Stream } from '../../electron/shared/sync/protocol';
import { mulberry32 } from '../../electron/shared/random';
import { directSyncPort } from '../support/direct-sync-port';
import { dumpHub, dumpWorkstation } from './dump';

export const FAULT_KINDS = ['disconnects', 'partitions', 'dropped-acks', 'duplicates', 'kills', 'hub-restarts', 'truncation', 'clock-skew', 'everything'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface Scenario {
  kind: FaultKind;
  seed: number;
  dir: string;
  workstations?: number;
  steps?: number;
  sabotage?: { noDedup?: boolean; cursorOutsideTransaction?: boolean };
}


class Crash extends Error {}

interface Entry {
  ws: number;
  incarnation: number;
  deliver(): void;
  fail(e: Error): void;
}

const SYSTEM = { operatorId: 'hub-sim', operatorName: '城市模拟', workstationId: 'hub' };
const tick = () => new Promise<void>((r) => setImmediate(r));

export async function runScenario(s: Scenario): Promise<{ mutations: number; applied: number; rejected: number; resyncs: number; planSteps: number }> {
  const rnd = mulberry32(s.seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]): T | undefined => (xs.length ? xs[int(xs.length)] : undefined);
  const has = (k: FaultKind) => s.kind === k || s.kind === 'everything';
  const p = {
    drop: has('disconnects') ? 0.05 : 0,
    dropAck: has('dropped-acks') ? 0.3 : 0,
    dup: has('duplicates') ? 0.3 : 0,
    noticeDrop: has('duplicates') || has('disconnects') ? 0.2 : 0,
    noticeDup: has('duplicates') ? 0.3 : 0,
  };
  let now = 1_800_000_000_000;
  const hubClock = { now: () => now };
  const hubFile = path.join(s.dir, 'hub.db');
  const hubSabotage: HubSabotage = { noDedup: s.sabotage?.noDedup };
  let hub = new HubStore(hubFile, hubClock, hubSabotage);
  let resyncs = 0;
  const hubErrors = new Set<string>();
  /** An error that is not the network's doing: the scenario fails with it. */
  let fatal: Error | null = null;
  const checkFatal = () => {
    if (fatal) throw new Error(`workstation sync failed: ${fatal.message}\n${fatal.stack ?? ''}`);
  };

  // ---- the network ------------------------------------------------------------------------
  let queue: Entry[] = [];
  const down = new Set<number>();
  const partitionUp = new Set<number>(); // workstation → hub blocked
  const partitionDown = new Set<number>(); // hub → workstation blocked
  const failWhere = (pred: (e: Entry) => boolean, err: () => Error) => {
    const gone = queue.filter(pred);
    queue = queue.filter((e) => !pred(e));
    for (const e of gone) e.fail(err());
  };

  // ---- workstations -------------------------------------------------------------------------
  interface Ws {
    index: number;
    id: string;
    file: string;
    skewMs: number;
    incarnation: number;
    db: Database.Database;
    engine: SyncEngine;
    syncing: Promise<void> | null;
    crashed: boolean;
    lastLive: Record<Stream, number>;
    enqueued: Map<string, string>; // mutation id → client id
    notes: number;
  }
  const count = s.workstations ?? 3;
  const wss: Ws[] = [];

  const linkFor = (ws: Ws, incarnation: number): HubLink => {
    const call = <T>(run: () => T): Promise<T> => {
      if (down.has(ws.index)) return Promise.reject(new LinkError('unreachable', 'link down'));
      return new Promise<T>((resolve, reject) => {
        queue.push({
          ws: ws.index,
          incarnation,
          fail: reject,
          deliver: () => {
            if (down.has(ws.index) || partitionUp.has(ws.index) || rnd() < p.drop) return reject(new LinkError('unreachable', 'request lost'));
            let result: T;
            try {
              result = JSON.parse(JSON.stringify(run())) as T;
            } catch (e) {
              // A real hub answers 'internal' and the workstation retries forever: a hub bug, so the scenario fails.
              fatal ??= new Error(`hub error: ${(e as Error).message}`);
              return reject(new LinkError('unreachable', `hub error: ${(e as Error).message}`));
            }
            if (rnd() < p.dup) {
              try {
                run(); // the same request delivered twice
              } catch {
                /* a duplicate failing changes nothing */
              }
            }
            queue.push({
              ws: ws.index,
              incarnation,
              fail: reject,
              deliver: () => {
                if (down.has(ws.index) || partitionDown.has(ws.index) || rnd() < p.dropAck) return reject(new LinkError('timeout', 'answer lost'));
                resolve(result);
              },
            });
          },
        });
      });
    };
    const client = () => ({ clientId: clientId(ws.db), workstationId: ws.id });
    return {
      // Both directions pass the wire schemas, as over socket.io: a message the protocol does not
      // allow is a bug on one side, and fails the scenario (see the catch in call()).
      snapshot: (req) => call(() => SnapshotPage.parse(hub.snapshot(SnapshotRequest.parse(req)))),
      changes: (req) => call(() => ChangesPage.parse(hub.changes(ChangesRequest.parse(req)))),
      push: (req) => call(() => PushResult.parse(hub.push(client(), req.clientNow, PushRequest.parse(req).mutations))),
      onNotice: () => () => undefined,
      onConnection: () => () => undefined,
      close: () => undefined,
    };
  };

  const openWs = (ws: Ws): void => {
    ws.db = new Database(ws.file);
    ws.db.pragma('journal_mode = WAL');
    ws.db.pragma('synchronous = FULL');
    ws.db.pragma('foreign_keys = ON');
    migrate(ws.db, migrations);
    const sabotage: ClientSabotage = s.sabotage?.cursorOutsideTransaction
      ? {
          cursorOutsideTransaction: true,
          betweenCommits: () => {
            if (has('kills') && rnd() < 0.3) throw new Crash('killed between the cursor commit and the data commit');
          },
        }
      : {};
    const incarnation = ++ws.incarnation;
    const clock = () => now + ws.skewMs;
    ws.engine = new SyncEngine(directSyncPort(ws.db, clock, sabotage), linkFor(ws, incarnation), { resync: () => resyncs++ }, { pageSize: 1 + int(8), pushBatch: 1 + int(4), now: clock });
    ws.syncing = null;
    ws.crashed = false;
  };

  for (let i = 0; i < count; i++) {
    const ws = {
      index: i,
      id: `ws-${i}`,
      file: path.join(s.dir, `ws-${i}.db`),
      skewMs: has('clock-skew') ? (int(2) ? 1 : -1) * (1 + int(5)) * 3_600_000 : 0,
      incarnation: 0,
      syncing: null,
      crashed: false,
      lastLive: { incidents: 0, video_points: 0 },
      enqueued: new Map(),
      notes: 0,
    } as unknown as Ws;
    openWs(ws);
    wss.push(ws);
  }

  const kill = (ws: Ws): void => {
    queue = queue.filter((e) => !(e.ws === ws.index && e.incarnation === ws.incarnation)); // dead processes hear nothing
    ws.db.close();
    openWs(ws);
  };

  const noticeListener = (stream: Stream, changes: ChangesNotice['changes'], head: number): void => {
    for (const ws of wss) {
      if (rnd() < p.noticeDrop) continue;
      const copies = rnd() < p.noticeDup ? 2 : 1;
      for (let c = 0; c < copies; c++) {
        const incarnation = ws.incarnation;
        const notice = ChangesNotice.parse(JSON.parse(JSON.stringify({ stream, changes, head })));
        queue.push({
          ws: ws.index,
          incarnation,
          fail: () => undefined,
          deliver: () => {
            if (down.has(ws.index) || partitionDown.has(ws.index) || ws.incarnation !== incarnation) return;
            void ws.engine.notice(notice).catch((e: unknown) => {
              if (e instanceof Crash) ws.crashed = true;
              else if (!(e instanceof LinkError)) fatal ??= e as Error;
            });
          },
        });
      }
    }
  };
  let unlisten = hub.onCommit(noticeListener);

  const startSync = (ws: Ws): void => {
    if (ws.syncing) return;
    ws.syncing = ws.engine
      .sync()
      .catch((e: unknown) => {
        if (e instanceof Crash) ws.crashed = true;
        else if (!(e instanceof LinkError)) fatal ??= e as Error;
        else if (e.message.startsWith('hub error')) hubErrors.add(e.message);
      })
      .finally(() => (ws.syncing = null));
  };

  const observeCursors = (): void => {
    for (const ws of wss) {
      for (const stream of STREAMS) {
        const c = readCursor(ws.db, stream);
        if (c.phase !== 'live') continue;
        if (c.seq < ws.lastLive[stream]) throw new Error(`cursor of ${ws.id} ${stream} moved back from ${ws.lastLive[stream]} to ${c.seq}`);
        ws.lastLive[stream] = c.seq;
      }
    }
  };

  // ---- the city: what the hub does by itself --------------------------------------------------
  const simulate = (): void => {
    hub.system((w) => {
      const r = int(5);
      const at = now;
      if (r === 0 || hub.db.prepare('SELECT count(*) AS n FROM incidents').get() === undefined) {
        w.act({ kind: 'incident.create', incident: { id: uuidv7(), type: pick(INCIDENT_TYPES)!, priority: 1 + int(4), location: { lat: 37.4 + rnd() / 10, lon: 116.3 + rnd() / 10 }, address: `模拟路 ${int(500)} 号`, district: '德城区', summary: '', exercise: false } }, SYSTEM, at);
      } else if (r === 1) {
        const open = hub.db.prepare("SELECT id, status FROM incidents WHERE status NOT IN ('closed','cancelled')").all() as { id: string; status: string }[];
        const i = pick(open);
        const to = i && pick(nextStatuses(i.status as never));
        if (i && to) w.act({ kind: 'incident.status', incidentId: i.id, from: i.status as never, to }, SYSTEM, at);
      } else if (r === 2) {
        const u = pick(hub.db.prepare('SELECT * FROM units ORDER BY id').all() as { id: string; callsign: string; kind: string; status: string; status_since: number }[]);
        if (u) w.upsertUnit({ id: u.id, callsign: u.callsign, kind: u.kind as never, status: u.status as never, location: { lat: 37.4 + rnd() / 10, lon: 116.3 + rnd() / 10 }, statusSince: u.status_since, updatedAt: at, rowVersion: 1 });
      } else if (r === 3 && rnd() < 0.2) {
        const plan = pick(demoPlans(at))!;
        w.upsertPlan({ ...plan, name: `${plan.name}（第 ${int(9)} 次修订）` });
      } else if (r === 3) {
        const existing = hub.db.prepare('SELECT id FROM video_points ORDER BY id').all() as { id: string }[];
        if (existing.length > 3 && rnd() < 0.4) w.deleteVideoPoint(pick(existing)!.id);
        else camera(w, rnd() < 0.5 && existing.length ? pick(existing)!.id : uuidv7(), at);
      } else {
        const open = hub.db.prepare("SELECT id FROM incidents WHERE status NOT IN ('closed','cancelled')").all() as { id: string }[];
        const i = pick(open);
        if (i) w.act({ kind: 'incident.update', incidentId: i.id, field: 'summary', from: (hub.db.prepare('SELECT summary FROM incidents WHERE id = ?').get(i.id) as { summary: string }).summary, to: `现场更新 ${int(1000)}` }, SYSTEM, at);
      }
    });
  };
  const camera = (w: Parameters<Parameters<HubStore['system']>[0]>[0], id: string, at: number) =>
    w.upsertVideoPoint({ id, name: `点位 ${int(1000)}`, location: { lat: 37.4 + rnd() / 10, lon: 116.3 + rnd() / 10 }, headingDeg: int(360), fovDeg: 60, rangeM: 150, mainUrl: 'rtsp://10.0.0.1/101', subUrl: null, codec: 'h264', ptz: false, department: '公安局', district: '德城区', online: true, updatedAt: at });

  hub.system((w) => {
    for (let u = 0; u < 4; u++) w.upsertUnit({ id: `unit-${u}`, callsign: `巡逻 ${u + 1} 组`, kind: 'police', status: 'available', location: null, statusSince: now, updatedAt: now, rowVersion: 1 });
    for (let c = 0; c < 4; c++) camera(w, uuidv7(), now);
    for (const plan of demoPlans(now)) w.upsertPlan(plan);
  });
  for (let i = 0; i < 3; i++) simulate();

  // ---- an operator at a workstation ---------------------------------------------------------
  const operate = (ws: Ws): void => {
    const actor = { operatorId: `op-${ws.index}`, operatorName: `值班员 ${ws.index}`, workstationId: ws.id };
    const clock = { now: () => now + ws.skewMs };
    const incidents = listIncidents(ws.db, { limit: 200 });
    const incident = pick(incidents);
    const r = int(7);
    const before = (ws.db.prepare('SELECT max(seq) AS n FROM sync_outbox').get() as { n: number | null }).n ?? 0;
    try {
      if (r === 0 || !incident) {
        createIncidentAction(ws.db, actor, { type: pick(INCIDENT_TYPES)!, priority: 1 + int(4), location: { lat: 37.45, lon: 116.31 }, address: `${ws.id} 路 ${int(100)} 号`, district: '', summary: '', exercise: false }, clock);
      } else if (r === 1) {
        const to = pick(nextStatuses(incident.status));
        if (to) setStatusAction(ws.db, actor, incident.id, to, clock);
      } else if (r === 2) {
        addNoteAction(ws.db, actor, incident.id, `note ${ws.id}#${++ws.notes}@${ws.incarnation}`, clock);
      } else if (r === 3 || r === 4) {
        const units = listUnits(ws.db);
        const mine = units.filter((u) => u.incidentId === incident.id);
        const unit = r === 3 ? pick(units.filter((u) => u.incidentId === null)) : pick(mine);
        if (unit) assignmentAction(ws.db, actor, r === 3 ? 'incident.assign' : 'incident.release', incident.id, unit.id, clock);
      } else if (r === 5) {
        updateFieldAction(ws.db, actor, incident.id, 'summary', `${ws.id} 补充 ${int(1000)}`, clock);
      } else {
        planStepAction(ws.db, actor, incident.id, 1 + int(4), int(4) ? 'done' : 'skipped', clock);
      }
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code !== 'conflict' && code !== 'not-found') throw e; // the operator was told no; nothing was queued
    }
    const rows = ws.db.prepare('SELECT mutation_id FROM sync_outbox WHERE seq > ?').all(before) as { mutation_id: string }[];
    for (const r2 of rows) ws.enqueued.set(r2.mutation_id, clientId(ws.db));
  };

  // ---- faults -------------------------------------------------------------------------------
  const fault = (): void => {
    const ws = pick(wss)!;
    const options: (() => void)[] = [];
    if (has('disconnects')) {
      options.push(() => {
        if (down.has(ws.index)) down.delete(ws.index);
        else {
          down.add(ws.index);
          failWhere((e) => e.ws === ws.index, () => new LinkError('unreachable', 'disconnected'));
        }
      });
    }
    if (has('partitions')) options.push(() => (partitionUp.has(ws.index) ? partitionUp.delete(ws.index) : partitionUp.add(ws.index)), () => (partitionDown.has(ws.index) ? partitionDown.delete(ws.index) : partitionDown.add(ws.index)));
    if (has('kills')) options.push(() => kill(ws));
    if (has('hub-restarts')) {
      options.push(() => {
        failWhere(() => true, () => new LinkError('unreachable', 'hub restarted'));
        unlisten();
        hub.close();
        hub = new HubStore(hubFile, hubClock, hubSabotage);
        unlisten = hub.onCommit(noticeListener);
      });
    }
    if (has('truncation')) options.push(() => hub.truncate(pick(STREAMS)!, int(4)));
    if (has('clock-skew')) options.push(() => (ws.skewMs += (int(2) ? 1 : -1) * int(3) * 3_600_000));
    pick(options)?.();
  };

  // ---- the run ------------------------------------------------------------------------------
  const steps = s.steps ?? 160;
  for (let step = 0; step < steps; step++) {
    now += int(3000);
    for (const ws of wss) if (ws.crashed) kill(ws);
    const r = rnd();
    if (r < 0.2) operate(pick(wss)!);
    else if (r < 0.3) startSync(pick(wss)!);
    else if (r < 0.85) {
      const i = int(queue.length);
      const e = queue.splice(i, 1)[0];
      e?.deliver();
    } else if (r < 0.92) simulate();
    else fault();
    await tick();
    checkFatal();
    observeCursors();
  }

  // ---- heal: no more faults, then run until every workstation is caught up ---------------------
  down.clear();
  partitionUp.clear();
  partitionDown.clear();
  p.drop = p.dropAck = p.dup = p.noticeDrop = p.noticeDup = 0;
  for (let round = 0; ; round++) {
    if (round > 400) throw new Error(`did not converge after ${round} rounds${hubErrors.size ? `; the hub failed with: ${[...hubErrors].join(' | ')}` : ''}`);
    for (const ws of wss) if (ws.crashed) kill(ws);
    for (const ws of wss) startSync(ws);
    // Deliver until nothing is in flight and no engine is mid-round (they only ever wait on the network).
    for (let spins = 0; ; spins++) {
      await tick();
      if (queue.length) queue.shift()!.deliver();
      else if (wss.every((ws) => !ws.syncing)) break;
      if (spins > 100_000) throw new Error('engines still busy with nothing in flight');
    }
    checkFatal();
    observeCursors();
    const heads = Object.fromEntries(STREAMS.map((st) => [st, hub.head(st).head]));
    const settled = wss.every(
      (ws) =>
        !ws.crashed &&
        !ws.syncing &&
        (ws.db.prepare('SELECT count(*) AS n FROM sync_outbox').get() as { n: number }).n === 0 &&
        STREAMS.every((st) => {
          const c = readCursor(ws.db, st);
          return c.phase === 'live' && c.seq === heads[st];
        }),
    );
    if (settled && queue.length === 0) break;
  }

  // ---- what must hold ------------------------------------------------------------------------
  const hubDump = JSON.stringify(dumpHub(hub.db));
  let applied = 0;
  let rejected = 0;
  let mutations = 0;
  for (const ws of wss) {
    const wsDump = JSON.stringify(dumpWorkstation(ws.db));
    if (wsDump !== hubDump) throw new Error(`${ws.id} differs from the hub after healing:\n hub ${hubDump.slice(0, 600)}\n ws  ${wsDump.slice(0, 600)}`);
    const rejections = new Set((ws.db.prepare('SELECT mutation_id FROM sync_rejections').all() as { mutation_id: string }[]).map((r) => r.mutation_id));
    for (const [mutationId, client] of ws.enqueued) {
      mutations++;
      const results = hub.db.prepare('SELECT outcome, reason FROM mutation_results WHERE client_id = ? AND mutation_id = ?').all(client, mutationId) as { outcome: string; reason: string | null }[];
      if (results.length !== 1) throw new Error(`mutation ${mutationId} of ${ws.id} has ${results.length} results on the hub (exactly one expected)`);
      if (results[0]!.outcome === 'rejected') {
        rejected++;
        if (!results[0]!.reason) throw new Error(`mutation ${mutationId} was rejected without a reason`);
        if (!rejections.has(mutationId)) throw new Error(`rejection of ${mutationId} never reached ${ws.id}'s operator`);
      } else applied++;
    }
    // Notes are unique per action: each applied one exactly once on the hub.
    const notes = hub.db.prepare("SELECT json_extract(payload, '$.text') AS text, count(*) AS n FROM events WHERE kind = 'note' AND workstation_id = ? GROUP BY text HAVING n > 1").all(ws.id);
    if (notes.length) throw new Error(`notes applied more than once: ${JSON.stringify(notes)}`);
  }
  // The hub's own bookkeeping: one result per (client, n), last_n equal to the number of results.
  const dupResults = hub.db.prepare('SELECT client_id, n, count(*) AS c FROM mutation_results GROUP BY client_id, n HAVING c > 1').all();
  if (dupResults.length) throw new Error(`mutations applied twice: ${JSON.stringify(dupResults.slice(0, 3))}`);
  // Never ordered by a workstation's clock: no confirmed time is ahead of the hub's.
  const ahead = hub.db.prepare('SELECT count(*) AS n FROM incidents WHERE created_at > ?').get(now) as { n: number };
  if (ahead.n) throw new Error(`${ahead.n} incidents carry a time ahead of the hub's clock`);

  const planSteps = (hub.db.prepare("SELECT count(*) AS n FROM events WHERE kind = 'plan_step'").get() as { n: number }).n;
  unlisten();
  hub.close();
  for (const ws of wss) ws.db.close();
  return { mutations, applied, rejected, resyncs, planSteps };
}

/** A fresh folder per scenario, in memory-backed /dev/shm where there is one: real SQLite files, no disk wear. */
export function scenarioDir(root: string, kind: string, seed: number): string {
  const dir = path.join(root, `${kind}-${seed}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}
