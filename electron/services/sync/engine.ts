// The workstation's sync engine: downloads (snapshot, then the live feed) and uploads (the
// outbox), one step at a time and never two at once. It holds no data of its own: everything
// it knows is in the local database, so a crash at any await loses nothing, and the next
// start resumes where the database says. Transport and storage are injected, so the same
// engine runs over socket.io in Vigil and over a faulty in-memory network in the fault suite.
import { MAX_PAGE, MAX_PUSH_MUTATIONS, STREAMS, type Change, type ChangesNotice, type Mutation, type MutationResult, type SnapshotPage, type Stream } from '../../shared/sync/protocol';
import type { ApplyOutcome, Cursor } from '../store/sync-apply';
import type { HubLink } from './hub-link';

/** The engine's access to the local database (the store worker in Vigil; a direct handle in tests). */
export interface SyncPort {
  cursor(stream: Stream): Promise<Cursor>;
  applySnapshotPage(stream: Stream, page: SnapshotPage): Promise<{ live: boolean; incidentIds: string[]; unitIds: string[] }>;
  applyChanges(stream: Stream, changes: Change[]): Promise<ApplyOutcome>;
  startResync(stream: Stream): Promise<void>;
  outboxBatch(limit: number): Promise<Mutation[]>;
  recordResults(results: MutationResult[]): Promise<void>;
}

/** What the engine tells its driver as it goes, so windows can be updated. */
export interface SyncObserver {
  applied?(stream: Stream, touched: { incidentIds: string[]; unitIds: string[] }): void;
  bootstrap?(progress: { stream: Stream; received: number; total: number } | null): void;
  uploaded?(results: MutationResult[], skewMs: number): void;
  resync?(stream: Stream): void;
  problem?(message: string): void;
}

export interface EngineOptions {
  pageSize?: number;
  pushBatch?: number;
  /** This workstation's clock, sent with uploads so the hub can measure skew; never used to order. */
  now?: () => number;
}

export class SyncEngine {
  private running: Promise<void> | null = null;
  private again = false;
  private readonly pageSize: number;
  private readonly pushBatch: number;
  private readonly now: () => number;

  constructor(
    private readonly port: SyncPort,
    private readonly link: HubLink,
    private readonly observer: SyncObserver = {},
    options: EngineOptions = {},
  ) {
    this.pageSize = Math.min(options.pageSize ?? MAX_PAGE, MAX_PAGE);
    this.pushBatch = Math.min(options.pushBatch ?? MAX_PUSH_MUTATIONS, MAX_PUSH_MUTATIONS);
    this.now = options.now ?? Date.now;
  }

  /**
   * One full round: every stream downloaded to the hub's head, the outbox uploaded, and every
   * feed read again so answered actions can leave the outbox. Calls made while a
   * round runs join it and cause one more round after it. Rejects on the first link failure.
   */
  sync(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.round();
        } while (this.again);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /**
   * A change pushed by the hub. Applied at once when it continues the cursor; anything else
   * (a gap, a duplicate, a stream still downloading) is left to the next round, which asks
   * the feed. Never runs beside a round.
   */
  async notice(n: ChangesNotice): Promise<void> {
    if (this.running || n.changes.length === 0) {
      this.again = true;
      return;
    }
    const cursor = await this.port.cursor(n.stream);
    if (cursor.phase !== 'live') return;
    const fresh = n.changes.filter((c) => c.seq > cursor.seq);
    if (fresh.length === 0) return;
    if (fresh[0]!.seq !== cursor.seq + 1 || this.running) {
      await this.sync();
      return;
    }
    const outcome = await this.port.applyChanges(n.stream, fresh);
    if (outcome.kind === 'applied') this.observer.applied?.(n.stream, outcome);
    else await this.sync();
  }

  private async round(): Promise<void> {
    // Downloads first: pending uploads never hold back what others did.
    for (const stream of STREAMS) await this.download(stream);
    await this.upload();
    // Again, so answered actions can leave the outbox: incidents for most, video_points for drone edits.
    for (const stream of STREAMS) await this.download(stream);
  }

  private async download(stream: Stream): Promise<void> {
    for (;;) {
      const cursor = await this.port.cursor(stream);
      if (cursor.phase === 'snapshot') {
        const page = await this.link.snapshot({ stream, token: cursor.token, limit: this.pageSize });
        const applied = await this.port.applySnapshotPage(stream, page);
        this.observer.applied?.(stream, applied);
        this.observer.bootstrap?.(applied.live ? null : { stream, received: cursor.received + page.items.length, total: page.total });
        // A long first download must not hold back what the operator does meanwhile.
        await this.upload();
        continue;
      }
      const page = await this.link.changes({ stream, after: cursor.seq, limit: this.pageSize });
      if (page.kind === 'resync') {
        this.observer.resync?.(stream);
        await this.port.startResync(stream);
        continue;
      }
      if (page.changes.length === 0) return;
      const outcome = await this.port.applyChanges(stream, page.changes);
      if (outcome.kind === 'gap') {
        // The hub answered from where we asked, so a gap here means a broken hub: stop, retry later.
        this.observer.problem?.(`feed for ${stream} skipped from ${outcome.cursor} to ${page.changes[0]!.seq}`);
        throw new Error(`hub feed gap on ${stream}`);
      }
      if (outcome.kind === 'applied') this.observer.applied?.(stream, outcome);
      if (outcome.kind === 'applied' && outcome.seq >= page.head) return;
    }
  }

  private async upload(): Promise<void> {
    for (;;) {
      const batch = await this.port.outboxBatch(this.pushBatch);
      if (batch.length === 0) return;
      const answer = await this.link.push({ clientNow: this.now(), mutations: batch });
      if (answer.results.length) await this.port.recordResults(answer.results);
      this.observer.uploaded?.(answer.results, answer.skewMs);
      if (answer.expected !== null) {
        this.observer.problem?.(`hub expected mutation ${answer.expected}, the outbox starts at ${batch[0]!.n}`);
        throw new Error('hub and outbox disagree on mutation order');
      }
      if (answer.results.length < batch.length) return;
    }
  }
}
