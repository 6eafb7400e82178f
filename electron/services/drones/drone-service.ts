// The drones this workstation receives: each one's stream read once (drone-feed.ts), its KLV
// telemetry decoded into a track and pushed to every window as `drones.telemetry` (≤ 5 Hz per
// drone), its pictures available to tiles under the drone's id like any camera's.
//
// Drones come from a drone file (`vigil start --drone-file`, drone-file.ts) or the demo drone
// (`--demo-drone`); they are not (yet) part of the hub's synced camera catalogue.
import type { Drone, DroneTelemetry } from '../../shared/domain/drone';
import type { Logger } from '../log/logger';
import type { StreamSource } from '../video/media-service';
import { DroneFeed } from './drone-feed';
import type { DroneEntry } from './drone-file';
import { TelemetryTrack } from './telemetry-track';

export interface DroneServiceOptions {
  drones: readonly DroneEntry[];
  publish(t: DroneTelemetry): void;
  log: Logger;
  ffmpeg?: string;
  maxHz?: number;
}

type Running = { entry: DroneEntry; feed: DroneFeed; track: TelemetryTrack };

export class DroneService {
  private readonly running = new Map<string, Running>();

  constructor(private readonly o: DroneServiceOptions) {
    for (const entry of o.drones) {
      const log = o.log.child({ drone: entry.id });
      const track = new TelemetryTrack({ id: entry.id, callsign: entry.callsign, publish: o.publish, ...(o.maxHz ? { maxHz: o.maxHz } : {}) });
      let skipsLogged = 0;
      const feed = new DroneFeed({
        source: entry.source,
        klv: (bytes, pts) => {
          if (entry.telemetry !== 'klv') return;
          const before = track.counts.skipped;
          track.packet(bytes, pts);
          if (track.counts.skipped > before && skipsLogged++ < 5) log.warn('drone telemetry packet skipped');
        },
        klvSkipped: () => entry.telemetry === 'klv' && track.skip(),
        onProblem: (e) => log.warn({ reason: e.reason, detail: e.message }, 'drone stream problem'),
        ...(o.ffmpeg ? { ffmpeg: o.ffmpeg } : {}),
      });
      this.running.set(entry.id, { entry, feed, track });
      feed.start();
      log.info({ telemetry: entry.telemetry }, 'drone stream started');
    }
  }

  list(): Drone[] {
    return [...this.running.values()].map(({ entry }) => ({ id: entry.id, callsign: entry.callsign, telemetry: entry.telemetry, codec: entry.codec }));
  }

  /** The latest telemetry of every drone that has sent some. */
  telemetry(): DroneTelemetry[] {
    return [...this.running.values()].flatMap((r) => (r.track.current ? [r.track.current] : []));
  }

  /** The media service's source for a drone id; null for anything else (a camera). */
  source(id: string): StreamSource | null {
    const r = this.running.get(id);
    if (!r) return null;
    return { url: `drone:${id}`, codec: r.entry.codec, username: null, password: null, open: (onUnit) => r.feed.tap(onUnit) };
  }

  close(): void {
    for (const r of this.running.values()) {
      r.feed.stop();
      r.track.close();
    }
    this.running.clear();
  }
}
