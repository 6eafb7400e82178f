// What each slot shows and what is the matter with it, as the wall view labels it: the camera's
// name, the incident's address, the map; unseen (over a missing output) and alarm flags. Pure.
import type { Incident } from '../../../electron/shared/domain/incident';
import type { VideoPoint } from '../../../electron/shared/domain/video-point';
import { slotKey, type WallSource, type WallState } from '../../../electron/shared/wall';

export type SlotContent =
  | { kind: 'empty' }
  | { kind: 'camera'; cameraId: string; name: string | null; online: boolean }
  | { kind: 'incident'; incidentId: string; address: string | null; summary: string | null }
  | { kind: 'map' }
  | { kind: 'drone'; droneId: string };

export function contentOf(source: WallSource | undefined, cameras: ReadonlyMap<string, VideoPoint>, incidents: ReadonlyMap<string, Incident>): SlotContent {
  if (!source) return { kind: 'empty' };
  switch (source.kind) {
    case 'camera': {
      const c = cameras.get(source.cameraId);
      return { kind: 'camera', cameraId: source.cameraId, name: c?.name ?? null, online: c?.online ?? false };
    }
    case 'incident': {
      const i = incidents.get(source.incidentId);
      return { kind: 'incident', incidentId: source.incidentId, address: i?.address ?? null, summary: i?.summary ?? null };
    }
    case 'map':
      return { kind: 'map' };
    case 'drone':
      return { kind: 'drone', droneId: source.droneId };
  }
}

/** The wall's sources by slot key. */
export function sourcesByKey(wall: Pick<WallState, 'sources'>): Map<string, WallSource> {
  return new Map(wall.sources.map((s) => [slotKey(s.slot), s.source]));
}

/** Slots an active alarm has put a camera on, by slot key, with the alarm's incident. */
export function alarmedSlots(wall: Pick<WallState, 'alarms'>): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of wall.alarms) for (const s of a.shown) out.set(slotKey(s.slot), a.incidentId);
  return out;
}

/** Windows and splits the operator cannot fully see on the wall (over monitors without output). */
export function unseenIds(wall: Pick<WallState, 'unseen'>): Set<string> {
  return new Set(wall.unseen.map((u) => u.window));
}
