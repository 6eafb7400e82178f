import { beforeEach, describe, expect, it } from 'vitest';
import type { EventEnvelope, ResponseEnvelope } from '../../../electron/shared/contract/envelope';
import type { ErrorCode } from '../../../electron/shared/contract/errors';
import type { EventName, EventPayload } from '../../../electron/shared/contract/events';
import type { ChronologyEntry } from '../../../electron/shared/domain/chronology';
import type { Incident } from '../../../electron/shared/domain/incident';
import { Transport, type Wire } from '../transport/transport';
import { useConsole } from './console-store';
import { linkToMain } from './main-link';

/** Main as the link sees it: a handler per method; throwing { code } refuses the request. */
type Handler = (params: Record<string, unknown>) => unknown;
const handlers = new Map<string, Handler>();
const calls: { method: string; params: Record<string, unknown> }[] = [];
const eventListeners = new Set<(e: EventEnvelope) => void>();

const wire: Wire = {
  async send(env) {
    calls.push({ method: env.method, params: env.params as Record<string, unknown> });
    const handler = handlers.get(env.method);
    try {
      if (!handler) throw { code: 'unknown-method' };
      const result: unknown = await handler(env.params as Record<string, unknown>);
      return { kind: 'response', id: env.id, ok: true, result } satisfies ResponseEnvelope;
    } catch (e) {
      return { kind: 'response', id: env.id, ok: false, error: { code: (e as { code: ErrorCode }).code, message: 'refused' } };
    }
  },
  onEvent(listener) {
    eventListeners.add(listener);
    return () => eventListeners.delete(listener);
  },
  onLinkState: () => () => undefined, // the session is not under test here
};

function emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
  for (const l of eventListeners) l({ kind: 'event', name, payload });
}

const main = linkToMain(new Transport(wire));
const settle = () => new Promise((r) => setTimeout(r, 0));

const incident = (id: string, over: Partial<Incident> = {}): Incident => ({
  id,
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
  rowVersion: 1,
  pending: false,
  ...over,
});

const entry = (incidentId: string, text: string): ChronologyEntry => ({
  id: `${incidentId}-${text}`,
  incidentId,
  kind: 'note',
  detail: { text },
  operatorName: '张伟',
  workstationId: 'ws-dispatch-03',
  at: 1,
  pending: false,
});

const shownEntries = () => {
  const c = useConsole.getState().chronology;
  return c?.state === 'ready' ? c.entries.map((e) => e.detail.text) : c?.state;
};

describe('main link', () => {
  beforeEach(() => {
    handlers.clear();
    calls.length = 0;
    const s = useConsole.getState();
    s.selectIncident(null);
    s.replaceIncidents([incident('i-1'), incident('i-2')]);
    s.dismissNotices('action-failed');
    s.setRejections([]);
  });

  it('loads the chronology of the incident selected, and ignores a late reply for the one before', async () => {
    let answerFirst: (rows: ChronologyEntry[]) => void = () => undefined;
    handlers.set('incidents.chronology', (p) =>
      p.id === 'i-1' ? new Promise<ChronologyEntry[]>((r) => (answerFirst = r)) : [entry('i-2', 'second')],
    );
    useConsole.getState().selectIncident('i-1');
    expect(useConsole.getState().chronology).toEqual({ incidentId: 'i-1', state: 'loading' });
    useConsole.getState().selectIncident('i-2');
    await settle();
    expect(shownEntries()).toEqual(['second']);
    answerFirst([entry('i-1', 'first')]);
    await settle();
    expect(useConsole.getState().chronology?.incidentId).toBe('i-2');
    expect(shownEntries()).toEqual(['second']);
  });

  it('asks again when main says the shown chronology changed, and only then', async () => {
    let n = 0;
    handlers.set('incidents.chronology', () => [entry('i-1', `v${++n}`)]);
    useConsole.getState().selectIncident('i-1');
    await settle();
    expect(shownEntries()).toEqual(['v1']);
    emit('chronology.changed', { incidentIds: ['i-2'] });
    await settle();
    expect(shownEntries()).toEqual(['v1']);
    emit('chronology.changed', { incidentIds: ['i-2', 'i-1'] });
    await settle();
    expect(shownEntries()).toEqual(['v2']);
  });

  it('shows a failed chronology load with its code instead of an empty list', async () => {
    handlers.set('incidents.chronology', () => {
      throw { code: 'store-unavailable' };
    });
    useConsole.getState().selectIncident('i-2');
    await settle();
    expect(useConsole.getState().chronology).toEqual({ incidentId: 'i-2', state: 'failed', code: 'store-unavailable' });
  });

  it('applies an accepted status change at once and reports a refused one as a notice', async () => {
    handlers.set('incidents.setStatus', (p) => incident(String(p.id), { status: 'dispatched', rowVersion: 2, pending: true }));
    expect(await main.setStatus('i-1', 'dispatched')).toBe(true);
    expect(useConsole.getState().incidents.get('i-1')).toMatchObject({ status: 'dispatched', pending: true });
    expect(calls.at(-1)).toEqual({ method: 'incidents.setStatus', params: { id: 'i-1', to: 'dispatched' } });

    handlers.set('incidents.setStatus', () => {
      throw { code: 'conflict' };
    });
    expect(await main.setStatus('i-1', 'closed')).toBe(false);
    expect(useConsole.getState().incidents.get('i-1')!.status).toBe('dispatched');
    expect(useConsole.getState().notices.map((n) => n.notice)).toContainEqual({ kind: 'action-failed', action: 'setStatus', code: 'conflict' });
  });

  it('reports every refused action, not only status changes', async () => {
    for (const m of ['incidents.addNote', 'incidents.assignUnit', 'incidents.releaseUnit', 'sync.dismissRejection'])
      handlers.set(m, () => {
        throw { code: 'not-found' };
      });
    expect(await main.addNote('i-1', '已联系报警人')).toBe(false);
    expect(await main.assignUnit('i-1', 'u-1')).toBe(false);
    expect(await main.releaseUnit('i-1', 'u-1')).toBe(false);
    expect(await main.dismissRejection('m-1')).toBe(false);
    expect(useConsole.getState().notices.map((n) => n.notice.kind === 'action-failed' && n.notice.action)).toEqual(['addNote', 'assignUnit', 'releaseUnit', 'dismissRejection']);
  });

  it('selects a newly created incident; a refusal goes back to the form, not the notice bar', async () => {
    handlers.set('incidents.create', (p) => incident('i-new', { address: String(p.address), pending: true }));
    const got = await main.createIncident({ type: 'fire', priority: 1, location: { lat: 37.4, lon: 116.3 }, address: '晶华路' });
    expect(got.ok).toBe(true);
    expect(useConsole.getState().selectedIncidentId).toBe('i-new');
    expect(useConsole.getState().incidents.get('i-new')).toMatchObject({ address: '晶华路', pending: true });

    handlers.set('incidents.create', () => {
      throw { code: 'bad-request' };
    });
    expect(await main.createIncident({ type: 'fire', priority: 1, location: { lat: 0, lon: 0 }, address: 'x' })).toEqual({ ok: false, code: 'bad-request' });
    expect(useConsole.getState().notices.filter((n) => n.notice.kind === 'action-failed')).toEqual([]);
  });

  it('follows pushed units and rejections, and drops a rejection once dismissed', async () => {
    emit('units.changed', { upserted: [{ id: 'u-1', callsign: '巡逻 01', kind: 'police', status: 'available', location: null, statusSince: 1, incidentId: null, rowVersion: 1 }] });
    expect(useConsole.getState().units.get('u-1')?.callsign).toBe('巡逻 01');
    const r = { kind: 'incident.status', incidentId: 'i-1', reason: 'closed elsewhere', summary: '已派警 → 已结案', at: 1 };
    emit('sync.rejections', { rejections: [{ ...r, mutationId: 'm-1' }, { ...r, mutationId: 'm-2' }] });
    expect(useConsole.getState().rejections).toHaveLength(2);
    handlers.set('sync.dismissRejection', () => ({}));
    expect(await main.dismissRejection('m-1')).toBe(true);
    expect(useConsole.getState().rejections.map((x) => x.mutationId)).toEqual(['m-2']);
  });
});
