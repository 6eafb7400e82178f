import { describe, expect, it } from 'vitest';
import type { Unit } from '../../../electron/shared/domain/unit';
import { assignableUnits, unitsOnIncident } from './unit-lists';

const unit = (id: string, callsign: string, over: Partial<Unit> = {}): Unit => ({ id, callsign, kind: 'police', status: 'available', location: null, statusSince: 0, incidentId: null, rowVersion: 1, ...over });

describe('unit lists', () => {
  const units = new Map(
    [
      unit('u1', '巡逻 10'),
      unit('u2', '巡逻 2'),
      unit('u3', '消防 1', { kind: 'fire', status: 'en_route', incidentId: 'i-1' }),
      unit('u4', '急救 1', { kind: 'ambulance', status: 'off_duty' }),
      unit('u5', '交警 3', { kind: 'traffic', status: 'available', incidentId: 'i-2' }),
      unit('u6', '巡逻 1', { status: 'on_scene', incidentId: 'i-1' }),
    ].map((u) => [u.id, u]),
  );

  it('offers only available units not already tied to an incident, in callsign order', () => {
    expect(assignableUnits(units).map((u) => u.id)).toEqual(['u2', 'u1']);
  });

  it('lists the units working one incident', () => {
    expect(unitsOnIncident(units, 'i-1').map((u) => u.id).sort()).toEqual(['u3', 'u6']);
    expect(unitsOnIncident(units, 'i-9')).toEqual([]);
  });
});
