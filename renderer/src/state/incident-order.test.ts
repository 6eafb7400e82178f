import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INCIDENT_STATUSES, INCIDENT_TYPES, type Incident } from '../../../electron/shared/domain/incident';
import { isFinished, queueOrder } from './incident-order';

const incident = fc.record<Incident>({
  id: fc.uuid(),
  type: fc.constantFrom(...INCIDENT_TYPES),
  priority: fc.integer({ min: 1, max: 4 }),
  status: fc.constantFrom(...INCIDENT_STATUSES),
  location: fc.record({ lat: fc.double({ min: -90, max: 90, noNaN: true }), lon: fc.double({ min: -180, max: 180, noNaN: true }) }),
  address: fc.string(),
  district: fc.string(),
  summary: fc.string(),
  exercise: fc.boolean(),
  createdAt: fc.integer({ min: 0, max: 2e12 }),
  updatedAt: fc.integer({ min: 0, max: 2e12 }),
  rowVersion: fc.integer({ min: 1, max: 1000 }),
  pending: fc.boolean(),
});

describe('queue order', () => {
  it('puts open incidents first, then the most urgent, then the newest, whatever the input order', () => {
    fc.assert(
      fc.property(fc.array(incident, { maxLength: 60 }), (rows) => {
        const sorted = [...rows].sort(queueOrder);
        for (let i = 1; i < sorted.length; i++) {
          const a = sorted[i - 1]!;
          const b = sorted[i]!;
          if (isFinished(a) !== isFinished(b)) expect(isFinished(a)).toBe(false);
          else if (a.priority !== b.priority) expect(a.priority).toBeLessThan(b.priority);
          else expect(a.createdAt).toBeGreaterThanOrEqual(b.createdAt);
        }
        // Deterministic: the same rows in any order give the same queue.
        expect([...rows].reverse().sort(queueOrder).map((r) => r.id)).toEqual(sorted.map((r) => r.id));
      }),
    );
  });
});
