// The two unit lists the incident detail shows: units working the incident, and units free to
// send. Sorted by callsign so a unit stays where the operator last saw it.
import type { Unit } from '../../../electron/shared/domain/unit';

const byCallsign = (a: Unit, b: Unit): number => a.callsign.localeCompare(b.callsign, 'zh-CN', { numeric: true }) || a.id.localeCompare(b.id);

export function unitsOnIncident(units: ReadonlyMap<string, Unit>, incidentId: string): Unit[] {
  return [...units.values()].filter((u) => u.incidentId === incidentId).sort(byCallsign);
}

/** Free to send: available and not already tied to an incident (an assignment may still be on its way). */
export function assignableUnits(units: ReadonlyMap<string, Unit>): Unit[] {
  return [...units.values()].filter((u) => u.status === 'available' && u.incidentId === null).sort(byCallsign);
}
