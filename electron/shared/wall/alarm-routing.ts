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

/** Incidents older than this when they reach the workstation (a first download, a long outage) do not alarm. */
export const ALARM_FRESH_MS = 10 * 60_000;

/** An incident the wall should alarm on: urgent enough, not yet acknowledged (still new), not an exercise, and new news. */
export function wantsAlarm(incident: Incident, route: AlarmRoute, now: number): boolean {
  return route.enabled && route.slots.length > 0 && incident.status === 'new' && incident.priority <= route.minPriority && !incident.exercise && incident.createdAt >= now - ALARM_FRESH_MS;
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
 * Ends `incidentId`'s alarm. Alarms on one slot stack up in the order they started. A slot where
 * this alarm is on top and still shows its camera gets back what was there before; a slot where a
 * later alarm covered this one hands that "before" on to the later alarm, so acknowledging alarms
 * in any order ends with the wall as it was. Slots an operator changed meanwhile are left alone.
 */
export function endAlarm(incidentId: string, alarms: readonly ActiveAlarm[], sources: Readonly<Record<string, WallSource>>): { alarms: ActiveAlarm[]; edits: WallEdit[] } {
  const at = alarms.findIndex((a) => a.incidentId === incidentId);
  if (at < 0) return { alarms: [...alarms], edits: [] };
  const ending = alarms[at]!;
  const rest = alarms.map((a) => ({ ...a, shown: [...a.shown] }));
  const edits: WallEdit[] = [];
  for (const mine of ending.shown) {
    const key = slotKey(mine.slot);
    // The next alarm to take this slot after us, if any.
    const aboveAt = rest.findIndex((a, i) => i > at && a.shown.some((s) => slotKey(s.slot) === key));
    if (aboveAt >= 0) {
      const above = rest[aboveAt]!;
      above.shown = above.shown.map((s) =>
        slotKey(s.slot) === key && s.previous?.kind === 'camera' && s.previous.cameraId === mine.cameraId ? { ...s, previous: mine.previous } : s,
      );
      continue;
    }
    const now = sources[key];
    if (now?.kind === 'camera' && now.cameraId === mine.cameraId) edits.push({ kind: 'show', slot: mine.slot, source: mine.previous });
  }
  return { alarms: rest.filter((_, i) => i !== at), edits };
}
