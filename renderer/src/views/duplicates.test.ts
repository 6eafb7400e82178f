import { describe, expect, it } from 'vitest';
import type { Incident } from '../../../electron/shared/domain/incident';
import { possibleDuplicates } from './duplicates';

const NOW = 1_800_000_000_000;
const base: Incident = { id: 'a', type: 'traffic_accident', priority: 1, status: 'new', location: { lat: 37.4512, lon: 116.3105 }, address: '东方红路与三八路交叉口', district: '德城区', summary: '', exercise: false, createdAt: NOW - 10 * 60_000, updatedAt: NOW, rowVersion: 1, pending: false };

describe('possible duplicates', () => {
  it('offers an open incident of the same type nearby and recent, nearest first', () => {
    const far = { ...base, id: 'far', location: { lat: 37.4540, lon: 116.3105 } }; // ~310 m north
    const near = { ...base, id: 'near', location: { lat: 37.4514, lon: 116.3105 } }; // ~22 m
    const got = possibleDuplicates({ type: 'traffic_accident', location: base.location }, [far, base, near], NOW);
    expect(got.map((d) => d.incident.id)).toEqual(['a', 'near']);
  });

  it('ignores other types, finished incidents and old ones', () => {
    const rows = [
      { ...base, id: 'fire', type: 'fire' as const },
      { ...base, id: 'closed', status: 'closed' as const },
      { ...base, id: 'old', createdAt: NOW - 2 * 3_600_000 },
    ];
    expect(possibleDuplicates({ type: 'traffic_accident', location: base.location }, rows, NOW)).toEqual([]);
  });
});
