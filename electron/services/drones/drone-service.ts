// The drones this workstation receives: each one's stream read once (drone-feed.ts), its
// telemetry — ST 0601 KLV from the stream, or position messages from the hub — kept in a track
// and pushed to every window as `drones.telemetry` (≤ 5 Hz per drone), its pictures available to
// tiles under the drone's id like any camera's.
//
// Two kinds of drone: fixed ones from this workstation's drone file (`--drone-file`) and the
// demo drone (`--demo-drone`), and the hub's synced drone records (store/drone-records.ts),
// which come, change and go as the hub (or an operator's edit) says: setRecords() is told the
// whole list each time and starts, restarts or stops only what changed.
import type { Drone, DroneTelemetry } from '../../shared/domain/drone';
import type { DronePosition } from '../../shared/sync/drone-position';
import type { Logger } from '../log/logger';
import type { DroneSource } from '../store/drone-records';
import type { StreamSource } from '../video/media-service';
import { DroneFeed } from './drone-feed';
import type { DroneEntry } from './drone-file';
import { streamAddress } from './stream-address';
import { TelemetryTrack } from './telemetry-track';

export interface DroneServiceOptions {
  drones: readonly DroneEntry[];
  publish(t: DroneTelemetry): void;
  log: Logger;
  ffmpeg?: string;
  maxHz?: number;
}

/** What a running drone was started from; `source` null: no video (telemetry only). */
interface Spec {
  id: string;
  callsign: string;
  model: string;
  source: string | null;
  codec: Drone['codec'];
  telemetry: Drone['telemetry'];
  origin: 'hub' | 'file';
}

type Running = { spec: Spec; feed: DroneFeed | null; track: TelemetryTrack };

/** A hub position dropped, and why; counted so the logs say how many without a line each. */
export type PositionOutcome = 'taken' | 'unknown-drone' | 'not-hub-telemetry';

export class DroneService {
  private readonly running = new Map<string, Running>();
  private readonly ignored = { 'unknown-drone': 0, 'not-hub-telemetry': 0 };
  /** Records read while closing (a sync batch landing during shutdown) must start nothing. */
  private closed = false;

  constructor(private readonly o: DroneServiceOptions) {
    for (const e of o.drones) this.start({ id: e.id, callsign: e.callsign, model: '', source: e.source, codec: e.codec, telemetry: e.telemetry, origin: 'file' });
  }

  /**
   * The hub's drone records as they now stand (edits folded in). A record whose address, codec or
   * telemetry source changed is read again; a new callsign alone only renames it; a record no
   * longer listed stops. A drone file entry with the same id wins over a hub record.
   */
  setRecords(records: readonly DroneSource[]): void {
    if (this.closed) return;
    const wanted = new Map<string, Spec>();
    for (const r of records) {
      const fixed = this.running.get(r.id);
      if (fixed?.spec.origin === 'file') {
        this.o.log.warn({ drone: r.id }, 'hub drone record ignored: the drone file names the same id');
        continue;
      }
      wanted.set(r.id, { id: r.id, callsign: r.callsign, model: r.model, source: r.streamUrl === null ? null : streamAddress(r.streamUrl, r.username, r.password), codec: r.codec, telemetry: r.telemetry, origin: 'hub' });
    }
    for (const [id, run] of this.running) {
      if (run.spec.origin !== 'hub') continue;
      const next = wanted.get(id);
      if (next && next.source === run.spec.source && next.codec === run.spec.codec && next.telemetry === run.spec.telemetry) {
        if (next.callsign !== run.spec.callsign) run.track.setCallsign(next.callsign);
        run.spec = next;
        wanted.delete(id);
        continue;
      }
      this.stop(id);
    }
    for (const spec of wanted.values()) this.start(spec);
  }

  /** A position message from the hub, for a drone whose telemetry source is 'hub'. */
  hubPosition(p: DronePosition): PositionOutcome {
    const r = this.running.get(p.droneId);
    const outcome: PositionOutcome = !r ? 'unknown-drone' : r.spec.telemetry !== 'hub' ? 'not-hub-telemetry' : 'taken';
    if (outcome === 'taken') {
      r!.track.position(p);
      return outcome;
    }
    // The hub may fly drones this workstation does not show (yet): logged now and then, never fatal.
    const n = ++this.ignored[outcome];
    if (n === 1 || n % 100 === 0) this.o.log.warn({ drone: p.droneId, reason: outcome, count: n }, 'hub drone position ignored');
    return outcome;
  }

  list(): Drone[] {
    return [...this.running.values()].map(({ spec }) => ({ id: spec.id, callsign: spec.callsign, telemetry: spec.telemetry, codec: spec.codec, origin: spec.origin, model: spec.model, hasStream: spec.source !== null }));
  }

  /** The latest telemetry of every drone that has sent some. */
  telemetry(): DroneTelemetry[] {
    return [...this.running.values()].flatMap((r) => (r.track.current ? [r.track.current] : []));
  }

  /** The media service's source for a drone id; null for anything else (a camera). */
  source(id: string): StreamSource | null {
    const r = this.running.get(id);
    if (!r?.feed) return null;
    const feed = r.feed;
    return { url: `drone:${id}`, codec: r.spec.codec, username: null, password: null, open: (onUnit) => feed.tap(onUnit) };
  }

  close(): void {
    this.closed = true;
    for (const id of [...this.running.keys()]) this.stop(id);
  }

  private start(spec: Spec): void {
    const log = this.o.log.child({ drone: spec.id });
    const track = new TelemetryTrack({ id: spec.id, callsign: spec.callsign, publish: this.o.publish, ...(this.o.maxHz ? { maxHz: this.o.maxHz } : {}) });
    const run: Running = { spec, feed: null, track };
    let skipsLogged = 0;
    if (spec.source !== null) {
      run.feed = new DroneFeed({
        source: spec.source,
        klv: (bytes, pts) => {
          if (run.spec.telemetry !== 'klv') return;
          const before = track.counts.skipped;
          track.packet(bytes, pts);
          if (track.counts.skipped > before && skipsLogged++ < 5) log.warn('drone telemetry packet skipped');
        },
        klvSkipped: () => run.spec.telemetry === 'klv' && track.skip(),
        onProblem: (e) => log.warn({ reason: e.reason, detail: e.message }, 'drone stream problem'),
        ...(this.o.ffmpeg ? { ffmpeg: this.o.ffmpeg } : {}),
      });
      run.feed.start();
    }
    this.running.set(spec.id, run);
    log.info({ telemetry: spec.telemetry, origin: spec.origin, video: spec.source !== null }, 'drone started');
  }

  private stop(id: string): void {
    const r = this.running.get(id);
    if (!r) return;
    r.feed?.stop();
    r.track.close();
    this.running.delete(id);
  }
}
