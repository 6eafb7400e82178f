// The units board: every unit, how long in its status, and whether that is longer than a
// dispatcher should let pass without a call (the thresholds are the control room's usual ones
// and belong in settings later).
import type { Unit, UnitStatus } from '../../../electron/shared/domain/unit';

export const OVERDUE_AFTER_MS: Readonly<Partial<Record<UnitStatus, number>>> = {
  dispatched: 5 * 60_000, // sent but not yet moving
  en_route: 20 * 60_000, // still not there
  on_scene: 90 * 60_000, // a long job: check in
  returning: 45 * 60_000,
};

const ORDER: Readonly<Record<UnitStatus, number>> = { dispatched: 0, en_route: 1, on_scene: 2, returning: 3, available: 4, off_duty: 5 };

export interface BoardRow {
  unit: Unit;
  inStatusMs: number;
  overdue: boolean;
}

/** Overdue first (longest first), then by how busy the status is, then by callsign. */
export function unitBoard(units: Iterable<Unit>, now: number): BoardRow[] {
  const rows: BoardRow[] = [];
  for (const unit of units) {
    const inStatusMs = Math.max(0, now - unit.statusSince);
    const limit = OVERDUE_AFTER_MS[unit.status];
    rows.push({ unit, inStatusMs, overdue: limit !== undefined && inStatusMs > limit });
  }
  return rows.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      (a.overdue ? b.inStatusMs - a.inStatusMs : 0) ||
      ORDER[a.unit.status] - ORDER[b.unit.status] ||
      a.unit.callsign.localeCompare(b.unit.callsign, 'zh-CN', { numeric: true }),
  );
}
