import { describe, expect, it } from 'vitest';
import type { Unit } from '../../../electron/shared/domain/unit';
import { unitBoard } from './unit-board';

const NOW = 1_800_000_000_000;
const unit = (id: string, status: Unit['status'], minutes: number): Unit => ({ id, callsign: id, kind: 'police', status, location: null, statusSince: NOW - minutes * 60_000, incidentId: null, rowVersion: 1 });

describe('units board', () => {
  it('flags units too long in a status and puts them first, longest first', () => {
    const rows = unitBoard([unit('巡逻 2 组', 'available', 300), unit('巡逻 1 组', 'en_route', 25), unit('交警 3 队', 'dispatched', 8), unit('消防 1 中队', 'on_scene', 30)], NOW);
    expect(rows.map((r) => [r.unit.id, r.overdue])).toEqual([
      ['巡逻 1 组', true],
      ['交警 3 队', true],
      ['消防 1 中队', false],
      ['巡逻 2 组', false],
    ]);
    expect(rows[0]!.inStatusMs).toBe(25 * 60_000);
  });

  it('never counts a status as started in the future (a skewed clock)', () => {
    expect(unitBoard([unit('x', 'dispatched', -5)], NOW)[0]).toMatchObject({ inStatusMs: 0, overdue: false });
  });
});
