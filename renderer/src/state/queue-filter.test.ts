import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INCIDENT_STATUSES, INCIDENT_TYPES, type Incident } from '../../../electron/shared/domain/incident';
import { isFinished } from './incident-order';
import { applyQueueFilter, DEFAULT_FILTER, SORTS, TIME_WINDOWS, type QueueFilter } from './queue-filter';

const NOW = 1_800_000_000_000;
const label = (t: string) => ({ fire: '火灾', traffic_accident: '交通事故' })[t] ?? t;
const incident = fc.record<Incident>({
  id: fc.uuid(),
  type: fc.constantFrom(...INCIDENT_TYPES),
  priority: fc.integer({ min: 1, max: 4 }),
  status: fc.constantFrom(...INCIDENT_STATUSES),
  location: fc.constant({ lat: 37.45, lon: 116.31 }),
  address: fc.constantFrom('德城区 东方红路', '陵城区 陵州路', '经济技术开发区 崇德五大道'),
  district: fc.constantFrom('德城区', '陵城区', ''),
  summary: fc.constantFrom('', '两车相撞', '厨房起火'),
  exercise: fc.boolean(),
  createdAt: fc.integer({ min: NOW - 48 * 3_600_000, max: NOW }),
  updatedAt: fc.constant(NOW),
  rowVersion: fc.constant(1),
  pending: fc.boolean(),
});
const filter = fc.record<QueueFilter>({
  scope: fc.constantFrom('open', 'all', ...INCIDENT_STATUSES),
  priorities: fc.subarray([1, 2, 3, 4]),
  type: fc.option(fc.constantFrom(...INCIDENT_TYPES), { nil: null }),
  district: fc.option(fc.constantFrom('德城区', '陵城区'), { nil: null }),
  window: fc.constantFrom(...TIME_WINDOWS),
  text: fc.constantFrom('', '火灾', '陵州', '相撞', 'zzz'),
  sort: fc.constantFrom(...SORTS),
});

describe('queue filter', () => {
  it('keeps exactly the rows that match every criterion, each once', () => {
    fc.assert(
      fc.property(fc.array(incident, { maxLength: 80 }), filter, (rows, f) => {
        const got = applyQueueFilter(rows, f, NOW, label);
        expect(new Set(got.map((r) => r.id)).size).toBe(got.length);
        const matches = (i: Incident) =>
          (f.scope === 'open' ? !isFinished(i) : f.scope === 'all' || i.status === f.scope) &&
          (f.priorities.length === 0 || f.priorities.includes(i.priority)) &&
          (f.type === null || i.type === f.type) &&
          (f.district === null || i.district === f.district) &&
          (f.window === 'all' || i.createdAt >= NOW - { '1h': 1, '8h': 8, '24h': 24 }[f.window] * 3_600_000) &&
          (f.text === '' || `${i.address}${i.summary}${i.district}${label(i.type)}`.includes(f.text));
        expect(got.length).toBe(rows.filter(matches).length);
        expect(got.every(matches)).toBe(true);
      }),
    );
  });

  it('finds incidents by their translated type and by place', () => {
    const rows = [
      { id: 'a', type: 'fire', priority: 1, status: 'new', location: { lat: 0, lon: 0 }, address: '新湖大街 58 号', district: '德城区', summary: '', exercise: false, createdAt: NOW, updatedAt: NOW, rowVersion: 1, pending: false },
      { id: 'b', type: 'flooding', priority: 2, status: 'new', location: { lat: 0, lon: 0 }, address: '陵州路 下穿立交', district: '陵城区', summary: '', exercise: false, createdAt: NOW - 1, updatedAt: NOW, rowVersion: 1, pending: false },
    ] satisfies Incident[];
    expect(applyQueueFilter(rows, { ...DEFAULT_FILTER, text: '火灾' }, NOW, label).map((r) => r.id)).toEqual(['a']);
    expect(applyQueueFilter(rows, { ...DEFAULT_FILTER, text: ' 陵州 ' }, NOW, label).map((r) => r.id)).toEqual(['b']);
    expect(applyQueueFilter(rows, { ...DEFAULT_FILTER, sort: 'oldest' }, NOW, label).map((r) => r.id)).toEqual(['b', 'a']);
  });
});
