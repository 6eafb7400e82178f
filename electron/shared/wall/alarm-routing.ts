// Alarm routing: an urgent incident puts the cameras that see it on a group of wall slots, and
// acknowledging it puts back what was there — unless someone has put something else there since,
// which is theirs to keep. Pure: main feeds it incidents, cameras and the wall's sources.
import { camerasSeeing } from '../geo/camera-coverage';
import type { Incident } from '../domain/incident';
import type { VideoPoint } from '../domain/video-point';
import type { WallEdit } from './wall-edits';
import { hasSlot, slotKey, type WallSource } from './wall-sources';
import type { WallLayout } from './wall-schema';
import type { ActiveAlarm, AlarmRoute } from './wall-state';

/** An incident the wall should alarm on: urgent enough, not yet acknowledged (still new), not an exercise. */
export function wantsAlarm(incident: Incident, route: AlarmRoute): boolean {
  return route.enabled && route.slots.length > 0 && incident.status === 'new' && incident.priority <= route.minPriority && !incident.exercise;
}

/** Acknowledged: an operator has taken it up (any status after new), or it is gone. */
export function acknowledged(incident: Incident): boolean {
  return incident.status !== 'new';
}

/**
 * Which cameras go where: those that see the incident, best first, one per slot of the group
 * that the wall has. When none sees it, the nearest ones (camerasSeeing's fallback), so the wall
 * still shows the area.
 */
export function startAlarm(incident: Incident, route: AlarmRoute, cameras: readonly VideoPoint[], layout: WallLayout, sources: Readonly<Record<string, WallSource>>, now: number): { alarm: ActiveAlarm; edits: WallEdit[] } | null {
  const slots = route.slots.filter((s) => hasSlot(layout, s));
  const ranked = camerasSeeing(incident.location, cameras.filter((c) => c.online), { nearestFallback: slots.length }).slice(0, slots.length);
  if (ranked.length === 0) return null;
  const shown = ranked.map((c, i) => ({ slot: slots[i]!, cameraId: c.camera.id, previous: sources[slotKey(slots[i]!)] ?? null }));
  const edits: WallEdit[] = shown.map((s) => ({ kind: 'show', slot: s.slot, source: { kind: 'camera', cameraId: s.cameraId, quality: 'main' } }));
  return { alarm: { incidentId: incident.id, since: now, shown }, edits };
}

/**
 * Ends `incidentId`'s alarm. Slots still showing its camera get back what was there before;
 * slots changed since are left alone. A later alarm that took one of its slots inherits what to
 * restore there, so acknowledging alarms in any order ends with the wall as it was.
 */
export function endAlarm(incidentId: string, alarms: readonly ActiveAlarm[], sources: Readonly<Record<string, WallSource>>): { alarms: ActiveAlarm[]; edits: WallEdit[] } {
  const ending = alarms.find((a) => a.incidentId === incidentId);
  if (!ending) return { alarms: [...alarms], edits: [] };
  const rest = alarms.filter((a) => a !== ending);
  const edits: WallEdit[] = [];
  const handedOver = rest.map((a) => ({
    ...a,
    shown: a.shown.map((s) => {
      const mine = ending.shown.find((e) => slotKey(e.slot) === slotKey(s.slot));
      // The later alarm recorded our camera as "previous": it should restore what we replaced.
      return mine && s.previous?.kind === 'camera' && s.previous.cameraId === mine.cameraId ? { ...s, previous: mine.previous } : s;
    }),
  }));
  for (const s of ending.shown) {
    const now = sources[slotKey(s.slot)];
    if (now?.kind === 'camera' && now.cameraId === s.cameraId) edits.push({ kind: 'show', slot: s.slot, source: s.previous });
  }
  return { alarms: handedOver, edits };
}
