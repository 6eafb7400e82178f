// Which units to suggest for an incident. A suggestion only: the operator dispatches, and may
// pick any unit. Straight-line distance stands in for travel time, which needs a road network
// the workstation does not have offline.
import type { GeoPoint, IncidentType } from '../domain/incident';
import type { Unit, UnitKind } from '../domain/unit';
import { distanceM } from './distance';

/**
 * Suitable unit kinds per incident type, most suitable first; a kind's position is its tier.
 * Kinds not listed are never suggested for that type (the operator can still dispatch them).
 */
export const SUITED_UNIT_KINDS: Readonly<Record<IncidentType, readonly UnitKind[]>> = {
  fire: ['fire', 'police'],
  traffic_accident: ['traffic', 'police', 'ambulance'],
  medical: ['ambulance'],
  public_security: ['police'],
  road_occupation: ['city_management', 'traffic'],
  illegal_parking: ['city_management', 'traffic'],
  flooding: ['emergency', 'fire'],
  hazardous_material: ['fire', 'emergency'],
  other: ['police'],
};

/** Why a unit is suggested, as data for the UI to put into words in the operator's language. */
export interface RecommendationReason {
  /** The unit's kind, as matched against the incident type. */
  kind: UnitKind;
  /** 0 for the most suitable kind for this incident type, 1 for the next, and so on. */
  tier: number;
  /** Straight-line metres to the incident; null when the unit reports no location. */
  distanceM: number | null;
}

export interface UnitRecommendation {
  unit: Unit;
  distanceM: number | null;
  reason: RecommendationReason;
}

export interface RecommendUnitsOptions {
  /** At most this many suggestions (default: all suitable units). */
  limit?: number;
  /** Replaces SUITED_UNIT_KINDS for the listed incident types, for centres that dispatch differently. */
  suitedKinds?: Partial<Record<IncidentType, readonly UnitKind[]>>;
}

/**
 * Available, unassigned units of a kind suited to the incident, ranked: units with a known
 * location first, by tier and then by distance; units without a location after all of them (by
 * tier), because a unit whose position is unknown cannot be promised as close. Ties break on
 * callsign, then id, so the list does not reshuffle between refreshes.
 */
export function recommendUnits(
  incident: { type: IncidentType; location: GeoPoint },
  units: readonly Unit[],
  opts: RecommendUnitsOptions = {},
): UnitRecommendation[] {
  const kinds = opts.suitedKinds?.[incident.type] ?? SUITED_UNIT_KINDS[incident.type];
  const out: UnitRecommendation[] = [];
  for (const unit of units) {
    // A unit still tied to an incident is not free, whatever its status says (status and
    // assignment are written separately and can briefly disagree).
    if (unit.status !== 'available' || unit.incidentId !== null) continue;
    const tier = kinds.indexOf(unit.kind);
    if (tier < 0) continue;
    const d = unit.location === null ? null : distanceM(unit.location, incident.location);
    out.push({ unit, distanceM: d, reason: { kind: unit.kind, tier, distanceM: d } });
  }
  out.sort(byRecommendation);
  return opts.limit === undefined ? out : out.slice(0, Math.max(0, Math.floor(opts.limit)));
}

function byRecommendation(a: UnitRecommendation, b: UnitRecommendation): number {
  const aLocated = a.distanceM !== null;
  const bLocated = b.distanceM !== null;
  if (aLocated !== bLocated) return aLocated ? -1 : 1;
  if (a.reason.tier !== b.reason.tier) return a.reason.tier - b.reason.tier;
  if (a.distanceM !== null && b.distanceM !== null && a.distanceM !== b.distanceM) return a.distanceM - b.distanceM;
  return compareText(a.unit.callsign, b.unit.callsign) || compareText(a.unit.id, b.unit.id);
}

/** Code-unit order, not locale order: it must be the same on every workstation. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
