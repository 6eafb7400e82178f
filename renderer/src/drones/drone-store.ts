// The drones a window knows: the list from main, each drone's latest telemetry with the time this
// window received it (the age shown is measured on this window's clock, so a skewed main clock
// cannot make telemetry look fresh), and its recent track.
import { create } from 'zustand';
import type { Drone, DroneTelemetry } from '../../../electron/shared/domain/drone';
import type { VideoPoint } from '../../../electron/shared/domain/video-point';

/** How much of each drone's path the map draws. */
export const TRACK_MS = 5 * 60_000;
const TRACK_MAX_POINTS = 2000;
/** Telemetry older than this is drawn as stale. */
export const STALE_MS = 5000;

export type TrackPoint = { lat: number; lon: number; at: number };
export type Latest = { t: DroneTelemetry; seenAt: number };

export interface DroneState {
  drones: readonly Drone[];
  latest: ReadonlyMap<string, Latest>;
  tracks: ReadonlyMap<string, readonly TrackPoint[]>;
  setDrones(drones: readonly Drone[], telemetry: readonly DroneTelemetry[], now?: number): void;
  telemetry(t: DroneTelemetry, now?: number): void;
}

export const isDroneId = (id: string): boolean => id.startsWith('drone-');

/** Adds a fix to a track: positions older than the track window, or beyond its size, fall off. */
export function extendTrack(track: readonly TrackPoint[], p: TrackPoint): TrackPoint[] {
  const last = track.at(-1);
  const kept = last && last.lat === p.lat && last.lon === p.lon ? track.slice(0, -1) : track;
  const from = kept.findIndex((q) => q.at >= p.at - TRACK_MS);
  const recent = from < 0 ? [] : kept.slice(Math.max(from, kept.length - TRACK_MAX_POINTS + 1));
  return [...recent, p];
}

export const useDrones = create<DroneState>()((set) => ({
  drones: [],
  latest: new Map(),
  tracks: new Map(),
  setDrones: (drones, telemetry, now = Date.now()) =>
    set((s) => {
      const latest = new Map(s.latest);
      // Telemetry main already held: as old as main says (its clock, the one place this happens).
      for (const t of telemetry) if (!latest.has(t.id)) latest.set(t.id, { t, seenAt: Math.min(now, t.receivedAt) });
      return { drones, latest };
    }),
  telemetry: (t, now = Date.now()) =>
    set((s) => {
      const latest = new Map(s.latest).set(t.id, { t, seenAt: now });
      if (!t.position) return { latest };
      const tracks = new Map(s.tracks).set(t.id, extendTrack(s.tracks.get(t.id) ?? [], { ...t.position, at: now }));
      return { latest, tracks };
    }),
}));

/** A drone as the video tiles take a camera: its id plays its stream through the media channel. */
export function droneVideoPoint(d: Drone, latest: Latest | undefined): VideoPoint {
  return {
    id: d.id,
    name: d.callsign,
    location: latest?.t.position ?? { lat: 0, lon: 0 },
    headingDeg: null,
    fovDeg: null,
    rangeM: null,
    codec: d.codec,
    ptz: false,
    department: '',
    district: '',
    online: true,
  };
}
