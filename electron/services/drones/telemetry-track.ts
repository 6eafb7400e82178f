// One drone's telemetry in main: KLV packets from its stream decoded with the ST 0601 decoder,
// bad ones counted and skipped, the latest values kept and handed on at most `maxHz` times a
// second (the last one of a burst is never lost: a trailing send follows).
import type { DroneTelemetry } from '../../shared/domain/drone';
import type { DronePosition } from '../../shared/sync/drone-position';
import { decodeUasLocalSet } from '../../shared/video/klv/uas-local-set';
import { PES_CLOCK_HZ } from '../../shared/video/mpegts/pes';

export interface TelemetryTrackOptions {
  readonly id: string;
  callsign: string;
  publish(t: DroneTelemetry): void;
  /** At most this many publications a second (5 by default). */
  maxHz?: number;
  now?: () => number;
}

export class TelemetryTrack {
  private latest: DroneTelemetry | null = null;
  private decoded = 0;
  private skipped = 0;
  private lastSentAt = -Infinity;
  private timer: NodeJS.Timeout | null = null;
  private dirty = false;

  constructor(private readonly o: TelemetryTrackOptions) {}

  get current(): DroneTelemetry | null {
    return this.latest;
  }

  get counts(): { decoded: number; skipped: number } {
    return { decoded: this.decoded, skipped: this.skipped };
  }

  /** A KLV packet as the demuxer framed it. */
  packet(bytes: Uint8Array, pts: number | null): void {
    const r = decodeUasLocalSet(bytes);
    if (!r.ok) {
      this.skip();
      return;
    }
    this.decoded++;
    const t = r.tags;
    const prev = this.latest;
    const pos = t.sensorLatitudeDeg !== undefined && t.sensorLongitudeDeg !== undefined ? { lat: t.sensorLatitudeDeg, lon: t.sensorLongitudeDeg } : null;
    const centre = t.frameCenterLatitudeDeg !== undefined && t.frameCenterLongitudeDeg !== undefined ? { lat: t.frameCenterLatitudeDeg, lon: t.frameCenterLongitudeDeg } : null;
    // A packet need not repeat every tag (ST 0601 allows sending only what changed): values it
    // leaves out stay as last sent.
    const keep = <T>(value: T | undefined, old: T | null | undefined): T | null => (value !== undefined ? value : (old ?? null));
    this.latest = {
      id: this.o.id,
      callsign: this.o.callsign,
      receivedAt: Math.round((this.o.now ?? Date.now)()),
      streamTimeS: pts === null ? null : pts / PES_CLOCK_HZ,
      timestampUs: r.timestampUs,
      position: pos ?? prev?.position ?? null,
      altitudeM: keep(t.sensorTrueAltitudeM, prev?.altitudeM),
      headingDeg: keep(t.platformHeadingDeg, prev?.headingDeg),
      pitchDeg: keep(t.platformPitchDeg, prev?.pitchDeg),
      rollDeg: keep(t.platformRollDeg, prev?.rollDeg),
      hfovDeg: keep(t.sensorHorizontalFovDeg, prev?.hfovDeg),
      vfovDeg: keep(t.sensorVerticalFovDeg, prev?.vfovDeg),
      sensorAzimuthDeg: keep(t.sensorRelativeAzimuthDeg, prev?.sensorAzimuthDeg),
      sensorElevationDeg: keep(t.sensorRelativeElevationDeg, prev?.sensorElevationDeg),
      frameCenter: centre ?? prev?.frameCenter ?? null,
      frameCenterElevationM: keep(t.frameCenterElevationM, prev?.frameCenterElevationM),
      slantRangeM: keep(t.slantRangeM, prev?.slantRangeM),
      decoded: this.decoded,
      skipped: this.skipped,
    };
    this.schedule();
  }

  /** Renamed in the hub's record: later publications carry the new callsign. */
  setCallsign(callsign: string): void {
    this.o.callsign = callsign;
    if (this.latest) this.latest = { ...this.latest, callsign };
  }

  /**
   * A hub position message (a drone without KLV). Counted as decoded; one older than the last
   * taken (a late or repeated message) is counted as skipped and changes nothing, so the map
   * never jumps back. Tags a position message does not have (fields of view, frame centre) stay null.
   */
  position(p: DronePosition): void {
    const at = p.at * 1000;
    if (this.latest?.timestampUs != null && at <= this.latest.timestampUs) {
      this.skip();
      return;
    }
    this.decoded++;
    this.latest = {
      id: this.o.id,
      callsign: this.o.callsign,
      receivedAt: Math.round((this.o.now ?? Date.now)()),
      streamTimeS: null,
      timestampUs: at,
      position: { lat: p.lat, lon: p.lon },
      altitudeM: p.altitudeM,
      headingDeg: p.headingDeg,
      pitchDeg: p.pitchDeg ?? null,
      rollDeg: p.rollDeg ?? null,
      hfovDeg: null,
      vfovDeg: null,
      sensorAzimuthDeg: null,
      sensorElevationDeg: null,
      frameCenter: null,
      frameCenterElevationM: null,
      slantRangeM: null,
      decoded: this.decoded,
      skipped: this.skipped,
    };
    this.schedule();
  }

  /** KLV bytes the demuxer could not frame, or a packet refused: counted, nothing else changes. */
  skip(): void {
    this.skipped++;
    if (this.latest) this.latest = { ...this.latest, skipped: this.skipped };
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    this.dirty = true;
    if (this.timer) return;
    const gap = 1000 / (this.o.maxHz ?? 5);
    const now = (this.o.now ?? Date.now)();
    const wait = Math.max(0, this.lastSentAt + gap - now);
    if (wait === 0) this.send();
    else this.timer = setTimeout(() => {
      this.timer = null;
      this.send();
    }, wait);
  }

  private send(): void {
    if (!this.dirty || !this.latest) return;
    this.dirty = false;
    this.lastSentAt = (this.o.now ?? Date.now)();
    this.o.publish(this.latest);
  }
}
