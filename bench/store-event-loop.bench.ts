// Why the store lives in a worker thread: while an operator's writes commit (each one fsynced,
// synchronous=FULL), the main process must keep answering windows and the network. This
// benchmark runs the same incident writes two ways in one run — on the main thread, and through
// the Store worker — and measures the main event loop's delay during each, plus throughput.
// Results are ratios of the two, because these machines are noisy.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { migrate } from '../electron/services/store/migration';
import { migrations } from '../electron/services/store/migrations';
import { Store } from '../electron/services/store/store';
import { listIncidents } from '../electron/services/store/overlay';
import { applySnapshotPage } from '../electron/services/store/sync-apply';
import { createIncidentAction } from '../electron/services/store/outbox';
import { systemClock } from '../electron/services/store/writers';
import type { NewIncident } from '../electron/shared/domain/incident';

const WRITES = Number(process.env.BENCH_WRITES ?? 400);
const actor = { operatorId: 'bench', operatorName: 'bench', workstationId: 'bench' };
const input: NewIncident = {
  type: 'traffic_accident',
  priority: 2,
  location: { lat: 37.45, lon: 116.31 },
  address: '德城区 基准测试路',
  district: '德城区',
  summary: '',
  exercise: false,
};

interface Run {
  writesPerSecond: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
}

const made: string[] = [];
function freshFile(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `vigil-bench-${label}-`));
  made.push(dir);
  return path.join(dir, 'vigil.db');
}

/** A timer that ticks every millisecond, as a window's requests would: it measures loop stalls. */
async function measure(work: () => Promise<void>): Promise<Run> {
  const h = monitorEventLoopDelay({ resolution: 1 });
  const ticker = setInterval(() => undefined, 1);
  h.enable();
  const start = process.hrtime.bigint();
  await work();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  h.disable();
  clearInterval(ticker);
  return { writesPerSecond: WRITES / seconds, loopDelayP99Ms: h.percentile(99) / 1e6, loopDelayMaxMs: h.max / 1e6 };
}

async function onMainThread(): Promise<Run> {
  const db = new Database(freshFile('main'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  migrate(db, migrations);
  // Yield between writes as a request handler would; each write still blocks the loop.
  const run = await measure(async () => {
    for (let i = 0; i < WRITES; i++) {
      createIncidentAction(db, actor, input, systemClock);
      await new Promise((r) => setImmediate(r));
    }
  });
  db.close();
  return run;
}

async function inWorker(workerPath: string): Promise<Run> {
  const store = await Store.start(workerPath, freshFile('worker'));
  const run = await measure(async () => {
    for (let i = 0; i < WRITES; i++) await store.call('createIncident', { actor, input });
  });
  await store.close();
  return run;
}

/** A window loading the whole queue: the read a console makes on every (re)connect. */
const QUEUE_ROWS = 5000;
const QUEUE_READS = Number(process.env.BENCH_QUEUE_READS ?? 20);

function seededFile(label: string): string {
  const file = freshFile(label);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  migrate(db, migrations);
  // Confirmed rows, as the hub's snapshot delivers them.
  const items = Array.from({ length: QUEUE_ROWS }, (_, i) => ({
    entity: 'incident' as const,
    op: 'upsert' as const,
    row: { id: `i-${String(i).padStart(6, '0')}`, ...input, status: 'new' as const, createdAt: i, updatedAt: i, closedAt: null, rowVersion: 1 },
  }));
  applySnapshotPage(db, 'incidents', { stream: 'incidents', asOf: 0, items, next: null, total: QUEUE_ROWS }, Date.now());
  db.close();
  return file;
}

async function measureReads(read: () => Promise<unknown>): Promise<{ readsPerSecond: number; loopDelayP99Ms: number; loopDelayMaxMs: number }> {
  const run = await measure(async () => {
    for (let i = 0; i < QUEUE_READS; i++) await read();
  });
  return { readsPerSecond: (run.writesPerSecond * QUEUE_READS) / WRITES, loopDelayP99Ms: run.loopDelayP99Ms, loopDelayMaxMs: run.loopDelayMaxMs };
}

async function queueReads(workerPath: string) {
  const mainDb = new Database(seededFile('read-main'), { readonly: true });
  const onMain = await measureReads(async () => {
    listIncidents(mainDb, { limit: QUEUE_ROWS });
    await new Promise((r) => setImmediate(r));
  });
  mainDb.close();
  const store = await Store.start(workerPath, seededFile('read-worker'));
  const viaWorker = await measureReads(() => store.call('listIncidents', { limit: QUEUE_ROWS }));
  await store.close();
  return { rows: QUEUE_ROWS, reads: QUEUE_READS, mainThread: onMain, worker: viaWorker };
}

export async function main(workerPath: string, out: string): Promise<void> {
  const main1 = await onMainThread();
  const worker1 = await inWorker(workerPath);
  const reads = await queueReads(workerPath);
  const result = {
    benchmark: 'store-event-loop',
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, node: process.version },
    writes: WRITES,
    mainThread: main1,
    worker: worker1,
    ratios: {
      loopDelayP99MainOverWorker: main1.loopDelayP99Ms / worker1.loopDelayP99Ms,
      loopDelayMaxMainOverWorker: main1.loopDelayMaxMs / worker1.loopDelayMaxMs,
      throughputWorkerOverMain: worker1.writesPerSecond / main1.writesPerSecond,
      queueReadLoopDelayMaxMainOverWorker: reads.mainThread.loopDelayMaxMs / reads.worker.loopDelayMaxMs,
      queueReadThroughputWorkerOverMain: reads.worker.readsPerSecond / reads.mainThread.readsPerSecond,
    },
    queueReads: reads,
  };
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
  console.log(JSON.stringify(result, null, 2));
}
