import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INCIDENT_TYPES, type GeoPoint, type IncidentType } from '../domain/incident';
import { UNIT_KINDS, UNIT_STATUSES, Unit, type UnitKind, type UnitStatus } from '../domain/unit';
import { destinationPoint } from './distance';
import { SUITED_UNIT_KINDS, recommendUnits } from './unit-recommendation';

const SCENE: GeoPoint = { lat: 37.45, lon: 116.31 };

let serial = 0;
function unit(kind: UnitKind, metres: number | null, over: Partial<Unit> = {}): Unit {
  serial += 1;
  return Unit.parse({
    id: `u-${String(serial).padStart(4, '0')}`,
    callsign: `${kind}-${serial}`,
    kind,
    status: 'available',
    location: metres === null ? null : destinationPoint(SCENE, (serial * 37) % 360, metres),
    statusSince: 1,
    incidentId: null,
    rowVersion: 1,
    ...over,
  });
}

const ids = (list: { unit: Unit }[]) => list.map((r) => r.unit.id);

describe('SUITED_UNIT_KINDS', () => {
  it('is the agreed dispatch table, most suitable kind first', () => {
    expect(SUITED_UNIT_KINDS).toEqual({
      fire: ['fire', 'police'],
      traffic_accident: ['traffic', 'police', 'ambulance'],
      medical: ['ambulance'],
      public_security: ['police'],
      road_occupation: ['city_management', 'traffic'],
      illegal_parking: ['city_management', 'traffic'],
      flooding: ['emergency', 'fire'],
      hazardous_material: ['fire', 'emergency'],
      other: ['police'],
    });
  });

  it('covers every incident type with known unit kinds and no repeats', () => {
    for (const type of INCIDENT_TYPES) {
      const kinds = SUITED_UNIT_KINDS[type];
      expect(kinds.length).toBeGreaterThan(0);
      expect(new Set(kinds).size).toBe(kinds.length);
      for (const k of kinds) expect(UNIT_KINDS).toContain(k);
    }
  });
});

describe('recommendUnits', () => {
  it('suggests fire units before police for a fire, nearest first within each, and nothing else', () => {
    const farFire = unit('fire', 3000);
    const nearFire = unit('fire', 800);
    const nearPolice = unit('police', 100);
    const farPolice = unit('police', 2000);
    const ambulance = unit('ambulance', 50);
    const result = recommendUnits({ type: 'fire', location: SCENE }, [farPolice, farFire, ambulance, nearPolice, nearFire]);
    expect(ids(result)).toEqual([nearFire.id, farFire.id, nearPolice.id, farPolice.id]);
  });

  it('follows the three tiers for a traffic accident', () => {
    const ambulance = unit('ambulance', 10);
    const police = unit('police', 20);
    const traffic = unit('traffic', 5000);
    const result = recommendUnits({ type: 'traffic_accident', location: SCENE }, [ambulance, police, traffic]);
    expect(ids(result)).toEqual([traffic.id, police.id, ambulance.id]);
    expect(result.map((r) => r.reason.tier)).toEqual([0, 1, 2]);
  });

  it('gives a machine-readable reason: kind, tier and distance', () => {
    const [rec] = recommendUnits({ type: 'flooding', location: SCENE }, [unit('fire', 1234)]);
    expect(rec!.reason).toEqual({ kind: 'fire', tier: 1, distanceM: rec!.distanceM });
    expect(rec!.distanceM).toBeCloseTo(1234, 6);
  });

  it('leaves out units that are not available or are still assigned to an incident', () => {
    const busy = UNIT_STATUSES.filter((s): s is Exclude<UnitStatus, 'available'> => s !== 'available').map((status) => unit('police', 10, { status }));
    const assigned = unit('police', 10, { incidentId: 'inc-7' });
    const free = unit('police', 900);
    const result = recommendUnits({ type: 'public_security', location: SCENE }, [...busy, assigned, free]);
    expect(busy).toHaveLength(5);
    expect(ids(result)).toEqual([free.id]);
  });

  it('puts units without a location after every located unit, in tier order', () => {
    const lostFire = unit('fire', null);
    const lostPolice = unit('police', null);
    const farPolice = unit('police', 9000);
    const nearFire = unit('fire', 400);
    const result = recommendUnits({ type: 'fire', location: SCENE }, [lostPolice, lostFire, farPolice, nearFire]);
    expect(ids(result)).toEqual([nearFire.id, farPolice.id, lostFire.id, lostPolice.id]);
    expect(result[2]!.distanceM).toBeNull();
    expect(result[2]!.reason).toEqual({ kind: 'fire', tier: 0, distanceM: null });
  });

  it('breaks exact distance ties by callsign', () => {
    const sameSpot = { lat: 37.46, lon: 116.32 };
    const b = unit('ambulance', 0, { callsign: '急救-B', location: sameSpot });
    const a = unit('ambulance', 0, { callsign: '急救-A', location: sameSpot });
    expect(ids(recommendUnits({ type: 'medical', location: SCENE }, [b, a]))).toEqual([a.id, b.id]);
  });

  it('respects limit and per-type overrides of the table', () => {
    const units = [unit('police', 100), unit('police', 200), unit('police', 300), unit('emergency', 50)];
    expect(recommendUnits({ type: 'other', location: SCENE }, units, { limit: 2 })).toHaveLength(2);
    expect(recommendUnits({ type: 'other', location: SCENE }, units, { limit: 0 })).toEqual([]);
    const overridden = recommendUnits({ type: 'other', location: SCENE }, units, { suitedKinds: { other: ['emergency'] } });
    expect(overridden.map((r) => r.unit.kind)).toEqual(['emergency']);
    // An override for another type leaves this one on the default table.
    expect(recommendUnits({ type: 'other', location: SCENE }, units, { suitedKinds: { fire: ['emergency'] } })).toHaveLength(3);
  });

  it('returns an empty list when nobody suitable is free', () => {
    expect(recommendUnits({ type: 'medical', location: SCENE }, [unit('police', 10), unit('fire', 10)])).toEqual([]);
    expect(recommendUnits({ type: 'medical', location: SCENE }, [])).toEqual([]);
  });

  it('for any fleet: only free, suitable units, located before unlocated, then by tier and distance', () => {
    const arbUnit = fc.record({
      kind: fc.constantFrom(...UNIT_KINDS),
      status: fc.constantFrom(...UNIT_STATUSES),
      metres: fc.option(fc.double({ min: 0, max: 20_000, noNaN: true })),
      assigned: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.constantFrom<IncidentType>(...INCIDENT_TYPES), fc.array(arbUnit, { maxLength: 25 }), (type, specs) => {
        const fleet = specs.map((s) => unit(s.kind, s.metres, { status: s.status, incidentId: s.assigned ? 'inc-1' : null }));
        const result = recommendUnits({ type, location: SCENE }, fleet);
        const kinds = SUITED_UNIT_KINDS[type];
        const eligible = fleet.filter((u) => u.status === 'available' && u.incidentId === null && kinds.includes(u.kind));
        expect(new Set(ids(result))).toEqual(new Set(eligible.map((u) => u.id)));
        expect(result).toHaveLength(eligible.length);
        for (let i = 1; i < result.length; i++) {
          const [a, b] = [result[i - 1]!, result[i]!];
          const key = (r: typeof a) => [r.distanceM === null ? 1 : 0, r.reason.tier, r.distanceM ?? 0] as const;
          const [ka, kb] = [key(a), key(b)];
          const order = ka[0] - kb[0] || ka[1] - kb[1] || ka[2] - kb[2];
          expect(order).toBeLessThanOrEqual(0);
          expect(a.reason.tier).toBe(kinds.indexOf(a.unit.kind));
        }
      }),
    );
  });
});
