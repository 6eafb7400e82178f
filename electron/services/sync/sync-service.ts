// Runs the sync engine for the life of the process: a round at start, after every local action,
// on every pushed change, when the link comes back, and every few seconds otherwise; backs off
// with jitter while the hub is unreachable. It tells every window how sync stands (hub.status)
// and what changed (incidents.changed, units.changed, chronology.changed, sync.rejections).
import type { HubStatus } from '../../shared/contract/status';
import type { Stream } from '../../shared/sync/protocol';
import type { EventBus } from '../api/event-bus';
import type { Logger } from '../log/logger';
import type { Store } from '../store/store';
import { SyncEngine } from './engine';
import { LinkError, type HubLink } from './hub-link';
import { storePort } from './store-port';

export interface SyncServiceOptions {
  store: Store;
  link: HubLink;
  bus: EventBus;
  log: Logger;
  url: string;
  embedded: boolean;
  /** How long failures may last before the banner says offline rather than reconnecting. */
  offlineAfterMs?: number;
  pollMs?: number;
}

const BACKOFF_MS = [500, 1000, 2000, 4000, 8000, 15_000];

export class SyncService {
  private status: HubStatus;
  private readonly engine: SyncEngine;
  private stopped = false;
  private wake: (() => void) | null = null;
  private failingSince: number | null = null;
  private everOnline = false;
  private attempt = 0;
  private loop: Promise<void> | null = null;
  private readonly unsubscribe: (() => void)[] = [];

  constructor(private readonly o: SyncServiceOptions) {
    this.status = {
      configured: true,
      embedded: o.embedded,
      url: o.url,
      state: 'connecting',
      problem: null,
      lastSyncAt: null,
      pendingActions: 0,
      rejectedActions: 0,
      bootstrap: null,
      clockSkewMs: null,
    };
    this.engine = new SyncEngine(storePort(o.store), o.link, {
      applied: (stream, touched) => void this.announce(stream, touched),
      bootstrap: (progress) => this.update({ bootstrap: progress }),
      uploaded: (results, skewMs) => {
        this.update({ clockSkewMs: skewMs });
        if (results.some((r) => r.outcome === 'rejected')) o.log.warn({ rejected: results.filter((r) => r.outcome === 'rejected') }, 'hub rejected operator actions');
      },
      resync: (stream) => o.log.warn({ stream }, 'cursor older than the hub keeps: downloading the stream again'),
      problem: (message) => o.log.error({ message }, 'sync problem'),
    });
    this.unsubscribe.push(
      o.link.onNotice((n) => {
        this.engine.notice(n).catch((err: unknown) => this.failed(err));
      }),
      o.link.onConnection((up, problem) => {
        if (up) this.kick();
        else this.failed(new LinkError(problem ?? 'unreachable', 'connection lost'));
      }),
    );
  }

  current(): HubStatus {
    return this.status;
  }

  start(): void {
    this.loop ??= this.run();
  }

  /** Something to send or fetch now: run a round at once instead of waiting for the poll. */
  kick(): void {
    this.wake?.();
  }

  /** Counts and rejections after a local action, so every window shows them at once. */
  async refreshCounts(): Promise<void> {
    const counts = await this.o.store.call('syncCounts');
    this.update({ pendingActions: counts.pending, rejectedActions: counts.rejected });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.kick();
    for (const u of this.unsubscribe) u();
    this.o.link.close();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let delay = this.o.pollMs ?? 10_000;
      try {
        await this.engine.sync();
        this.succeeded();
      } catch (err) {
        this.failed(err);
        const base = (err as LinkError).problem === 'unauthorized' ? 30_000 : BACKOFF_MS[Math.min(this.attempt++, BACKOFF_MS.length - 1)]!;
        delay = base / 2 + Math.random() * base; // jitter: a room full of workstations must not retry in step
      }
      await this.refreshCounts().catch(() => undefined);
      if (this.stopped) break;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, delay);
        this.wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
      this.wake = null;
    }
  }

  private succeeded(): void {
    if (this.status.state !== 'online') this.o.log.info({ hub: this.o.url }, 'hub online');
    this.everOnline = true;
    this.failingSince = null;
    this.attempt = 0;
    this.update({ state: 'online', problem: null, lastSyncAt: Date.now() });
  }

  private failed(err: unknown): void {
    const problem = err instanceof LinkError ? (err.problem === 'timeout' ? 'unreachable' : err.problem) : 'bad-data';
    const now = Date.now();
    this.failingSince ??= now;
    const long = now - this.failingSince >= (this.o.offlineAfterMs ?? 10_000);
    const state: HubStatus['state'] = problem === 'unauthorized' || long ? 'offline' : this.everOnline ? 'reconnecting' : 'connecting';
    if (state !== this.status.state || problem !== this.status.problem) {
      this.o.log.warn({ hub: this.o.url, state, problem, message: (err as Error).message }, 'hub unreachable: working locally');
    }
    this.update({ state, problem });
  }

  private async announce(stream: Stream, touched: { incidentIds: string[]; unitIds: string[] }): Promise<void> {
    try {
      if (touched.incidentIds.length) {
        const upserted = await this.o.store.call('incidentsByIds', { ids: touched.incidentIds });
        this.o.bus.emit('incidents.changed', { upserted });
        this.o.bus.emit('chronology.changed', { incidentIds: touched.incidentIds });
      }
      if (touched.unitIds.length) {
        const wanted = new Set(touched.unitIds);
        const units = await this.o.store.call('listUnits');
        this.o.bus.emit('units.changed', { upserted: units.filter((u) => wanted.has(u.id)) });
      }
      if (stream === 'video_points') this.o.bus.emit('videoPoints.changed', { count: (await this.o.store.call('counts')).videoPoints });
      if (stream === 'incidents') {
        const before = this.status.rejectedActions;
        await this.refreshCounts();
        if (this.status.rejectedActions !== before) this.o.bus.emit('sync.rejections', { rejections: await this.o.store.call('listRejections') });
      }
    } catch (err) {
      this.o.log.error({ err }, 'could not announce synced changes');
    }
  }

  private update(patch: Partial<HubStatus>): void {
    const next = { ...this.status, ...patch };
    if (JSON.stringify(next) === JSON.stringify(this.status)) return;
    this.status = next;
    this.o.bus.emit('hub.status', next);
  }
}
