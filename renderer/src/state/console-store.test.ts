import { beforeEach, describe, expect, it } from 'vitest';
import type { Incident } from '../../../electron/shared/domain/incident';
import { useConsole } from './console-store';

const base: Incident = {
  id: 'i-1',
  type: 'fire',
  priority: 1,
  status: 'new',
  location: { lat: 37.43, lon: 116.36 },
  address: '新湖大街 58 号',
  district: '德城区',
  summary: '',
  exercise: false,
  createdAt: 1,
  updatedAt: 1,
  rowVersion: 2,
};

describe('console store', () => {
  beforeEach(() => useConsole.getState().replaceIncidents([base]));

  it('keeps the newer copy of a row when an older one arrives late', () => {
    useConsole.getState().upsertIncidents([{ ...base, status: 'closed', rowVersion: 1 }]);
    expect(useConsole.getState().incidents.get('i-1')!.status).toBe('new');
    useConsole.getState().upsertIncidents([{ ...base, status: 'dispatched', rowVersion: 3 }]);
    expect(useConsole.getState().incidents.get('i-1')!.status).toBe('dispatched');
  });

  it('adds rows it did not have and leaves the others alone', () => {
    useConsole.getState().upsertIncidents([{ ...base, id: 'i-2' }]);
    expect([...useConsole.getState().incidents.keys()].sort()).toEqual(['i-1', 'i-2']);
  });
});
