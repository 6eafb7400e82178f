import { beforeEach, describe, expect, it } from 'vitest';
import type { Incident } from '../../../electron/shared/domain/incident';
import type { Unit } from '../../../electron/shared/domain/unit';
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
  pending: false,
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

  it('lets the hub’s confirmation of a pending row replace it at the same version', () => {
    useConsole.getState().upsertIncidents([{ ...base, pending: true, rowVersion: 3 }]);
    useConsole.getState().upsertIncidents([{ ...base, pending: false, rowVersion: 3 }]);
    expect(useConsole.getState().incidents.get('i-1')!.pending).toBe(false);
  });

  it('applies the same newer-wins rule to units', () => {
    const unit: Unit = { id: 'u-1', callsign: '巡逻 01', kind: 'police', status: 'available', location: null, statusSince: 1, incidentId: null, rowVersion: 5 };
    useConsole.getState().replaceUnits([unit]);
    useConsole.getState().upsertUnits([{ ...unit, status: 'off_duty', rowVersion: 4 }]);
    expect(useConsole.getState().units.get('u-1')!.status).toBe('available');
    useConsole.getState().upsertUnits([{ ...unit, status: 'dispatched', incidentId: 'i-1', rowVersion: 6 }]);
    expect(useConsole.getState().units.get('u-1')).toMatchObject({ status: 'dispatched', incidentId: 'i-1' });
  });

  it('keeps failures on screen until dismissed, without stacking the same one twice', () => {
    const s = useConsole.getState;
    s().dismissNotices('action-failed');
    s().pushNotice({ kind: 'action-failed', action: 'addNote', code: 'conflict' });
    s().pushNotice({ kind: 'action-failed', action: 'setStatus', code: 'internal' });
    s().pushNotice({ kind: 'action-failed', action: 'addNote', code: 'conflict' });
    expect(s().notices.map((n) => n.notice)).toEqual([
      { kind: 'action-failed', action: 'setStatus', code: 'internal' },
      { kind: 'action-failed', action: 'addNote', code: 'conflict' },
    ]);
    s().dismissNotice(s().notices[0]!.id);
    expect(s().notices.map((n) => n.notice)).toEqual([{ kind: 'action-failed', action: 'addNote', code: 'conflict' }]);
  });

  it('drops a dismissed rejection and leaves the others', () => {
    const r = { kind: 'incident.status', incidentId: 'i-1', reason: 'transition', summary: '新 → 已结案', at: 1 };
    useConsole.getState().setRejections([{ ...r, mutationId: 'm-1' }, { ...r, mutationId: 'm-2' }]);
    useConsole.getState().removeRejection('m-1');
    expect(useConsole.getState().rejections.map((x) => x.mutationId)).toEqual(['m-2']);
  });
});
