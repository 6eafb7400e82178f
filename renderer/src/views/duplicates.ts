// A new report of something already known: same type, close in space and time. Offered to the
// operator before registering, so one accident does not become three incidents.
import { distanceM } from '../../../electron/shared/geo/distance';
import type { GeoPoint, Incident, IncidentType } from '../../../electron/shared/domain/incident';
import { isFinished } from '../state/incident-order';

export const DUPLICATE_RADIUS_M = 300;
export const DUPLICATE_WINDOW_MS = 60 * 60_000;

export function possibleDuplicates(candidate: { type: IncidentType; location: GeoPoint }, incidents: Iterable<Incident>, now: number, limit = 3): { incident: Incident; distanceM: number }[] {
  const found: { incident: Incident; distanceM: number }[] = [];
  for (const i of incidents) {
    if (i.type !== candidate.type || isFinished(i) || now - i.createdAt > DUPLICATE_WINDOW_MS) continue;
    const d = distanceM(candidate.location, i.location);
    if (d <= DUPLICATE_RADIUS_M) found.push({ incident: i, distanceM: d });
  }
  return found.sort((a, b) => a.distanceM - b.distanceM).slice(0, limit);
}
