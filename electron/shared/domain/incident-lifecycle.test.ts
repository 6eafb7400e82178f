import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INCIDENT_STATUSES, type IncidentStatus } from './incident';
import { canTransition, isFinal, nextStatuses } from './incident-lifecycle';

const status = fc.constantFrom(...INCIDENT_STATUSES);
const ORDER: Record<IncidentStatus, number> = { new: 0, dispatched: 1, en_route: 2, on_scene: 3, closed: 4, cancelled: 4 };

describe('incident lifecycle', () => {
  it('runs new → dispatched → en route → on scene → closed, and may skip forward', () => {
    expect(nextStatuses('new')).toEqual(['dispatched', 'en_route', 'on_scene', 'closed', 'cancelled']);
    expect(canTransition('new', 'on_scene')).toBe(true); // a unit already there when the call comes in
    expect(canTransition('on_scene', 'closed')).toBe(true);
  });

  it('never goes back, never stays put, and nothing leaves closed or cancelled', () => {
    fc.assert(
      fc.property(status, status, (from, to) => {
        if (canTransition(from, to)) {
          expect(ORDER[to]).toBeGreaterThan(ORDER[from]);
          expect(isFinal(from)).toBe(false);
        }
        if (isFinal(from)) expect(canTransition(from, to)).toBe(false);
      }),
    );
    expect(isFinal('closed') && isFinal('cancelled')).toBe(true);
  });

  it('lets every open incident be closed or cancelled, whatever its step', () => {
    for (const s of INCIDENT_STATUSES.filter((x) => !isFinal(x))) {
      expect(canTransition(s, 'closed')).toBe(true);
      expect(canTransition(s, 'cancelled')).toBe(true);
    }
  });

  it('reaches a final status from anywhere in at most four steps', () => {
    fc.assert(
      fc.property(status, fc.array(fc.nat(), { maxLength: 10 }), (start, picks) => {
        let s = start;
        let steps = 0;
        for (const p of picks) {
          const next = nextStatuses(s);
          if (next.length === 0) break;
          s = next[p % next.length]!;
          steps++;
        }
        expect(steps).toBeLessThanOrEqual(4);
      }),
    );
  });
});
