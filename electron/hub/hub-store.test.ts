import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test/support/temp';
import { SnapshotPage, type Mutation, type Operation } from '../shared/sync/protocol';
import { HubStore } from './hub-store';

const tempDir = useTempDirs();
const U1 = '01a226c4-b11b-7000-8000-000000000001'; // a UUIDv7, as real unit ids are
const open: HubStore[] = [];
afterEach(() => {
  for (const h of open.splice(0)) h.close();
});

const now = 1_800_000_000_000;
function hub(): HubStore {
  const h = new HubStore(path.join(tempDir(), 'hub.db'), { now: () => now });
  open.push(h);
  h.system((w) => w.upsertUnit({ id: U1, callsign: '巡逻 1 组', kind: 'police', status: 'available', location: null, statusSince: now, updatedAt: now, rowVersion: 1 }));
  return h;
}
const client = { clientId: 'db-1', workstationId: 'ws-1' };
const actor = { operatorId: 'op', operatorName: '张伟', workstationId: 'ws-1' };
let n = 0;
const m = (op: Operation, at = now): Mutation => ({ n: ++n, id: `m-${n}`, schema: 1, at, actor, op });
const create = (id: string) => ({ kind: 'incident.create' as const, incident: { id, type: 'fire' as const, priority: 1, location: { lat: 37.43, lon: 116.36 }, address: '新湖大街 58 号', district: '德城区', summary: '', exercise: false } });

describe('hub store: applying workstation mutations', () => {
  it('applies n = last + 1 only: a replay gets the first answer, a gap is refused with what it expects', () => {
    n = 0;
    const h = hub();
    const first = m(create('i1'));
    const r1 = h.push(client, now, [first]);
    expect(r1.results).toEqual([{ n: 1, id: 'm-1', outcome: 'applied', reason: null, seq: expect.any(Number) }]);
    // Replayed (an ack lost after commit): same answer, no second incident.
    expect(h.push(client, now, [first]).results).toEqual(r1.results);
    expect(h.db.prepare('SELECT count(*) AS c FROM incidents').get()).toEqual({ c: 1 });
    // n = 3 before n = 2: refused, nothing applied, the hub says where to resume.
    n = 2;
    const gap = h.push(client, now, [m({ kind: 'incident.note', incidentId: 'i1', text: '到场' })]);
    expect(gap).toMatchObject({ results: [], expected: 2 });
    expect(h.db.prepare("SELECT count(*) AS c FROM events WHERE kind = 'note'").get()).toEqual({ c: 0 });
  });

  it('refuses values no workstation could accept, and a mutation number reused for another action', () => {
    n = 0;
    const h = hub();
    h.push(client, now, [m(create('i1'))]);
    const [blank, long] = h.push(client, now, [
      m({ kind: 'incident.update', incidentId: 'i1', field: 'address', from: '新湖大街 58 号', to: '  ' }),
      m({ kind: 'incident.update', incidentId: 'i1', field: 'district', from: '德城区', to: '区'.repeat(61) }),
    ]).results;
    expect(blank).toMatchObject({ outcome: 'rejected', reason: 'address must be 1 to 200 characters' });
    expect(long).toMatchObject({ outcome: 'rejected', reason: 'district must be at most 60 characters' });
    // A restored copy of the database numbers its next action 2 again: refused by its own id, not answered with another's.
    const copy = { ...m({ kind: 'incident.note', incidentId: 'i1', text: '恢复后的备注' }), n: 2 };
    const [reused] = h.push(client, now, [copy]).results;
    expect(reused).toMatchObject({ n: 2, id: copy.id, outcome: 'rejected' });
    expect(reused!.reason).toMatch(/already used by another action/);
    expect(h.db.prepare("SELECT count(*) AS c FROM events WHERE kind = 'note'").get()).toEqual({ c: 0 });
  });

  it('records each plan step once, only from the plan for the incident\'s type', () => {
    n = 0;
    const h = hub();
    h.system((w) => w.upsertPlan({ id: 'plan-fire', incidentType: 'fire', name: '火灾处置预案', steps: [{ ordinal: 1, text: '核实起火位置', required: true }], updatedAt: now }));
    h.system((w) => w.upsertPlan({ id: 'plan-flooding', incidentType: 'flooding', name: '积水预案', steps: [{ ordinal: 1, text: '核实积水', required: true }], updatedAt: now }));
    h.push(client, now, [m(create('i1'))]);
    const results = h.push(client, now, [
      m({ kind: 'incident.planStep', incidentId: 'i1', planId: 'plan-fire', ordinal: 1, outcome: 'done' }),
      m({ kind: 'incident.planStep', incidentId: 'i1', planId: 'plan-fire', ordinal: 1, outcome: 'skipped' }),
      m({ kind: 'incident.planStep', incidentId: 'i1', planId: 'plan-fire', ordinal: 2, outcome: 'done' }),
      m({ kind: 'incident.planStep', incidentId: 'i1', planId: 'plan-flooding', ordinal: 1, outcome: 'done' }),
    ]).results;
    expect(results.map((r) => r.reason)).toEqual([null, 'step 1 is already recorded as done', 'plan has no step 2', 'plan does not apply to this type of incident']);
    expect(h.db.prepare("SELECT json_extract(payload, '$.text') AS text FROM events WHERE kind = 'plan_step'").all()).toEqual([{ text: '核实起火位置' }]);
    // An edit bumps the version: that is what replaces the workstations' copies.
    h.system((w) => w.upsertPlan({ id: 'plan-fire', incidentType: 'fire', name: '火灾处置预案（修订）', steps: [{ ordinal: 1, text: '核实起火位置', required: true }], updatedAt: now }));
    expect(h.db.prepare("SELECT version FROM plans WHERE id = 'plan-fire'").get()).toEqual({ version: 2 });
  });

  it('judges status as an intent against the state machine; closing wins and is final', () => {
    n = 0;
    const h = hub();
    h.push(client, now, [m(create('i1'))]);
    const [a, b, c, d] = h.push(client, now, [
      m({ kind: 'incident.status', incidentId: 'i1', from: 'new', to: 'on_scene' }),
      m({ kind: 'incident.status', incidentId: 'i1', from: 'new', to: 'dispatched' }),
      m({ kind: 'incident.status', incidentId: 'i1', from: 'on_scene', to: 'closed' }),
      m({ kind: 'incident.status', incidentId: 'i1', from: 'new', to: 'cancelled' }),
    ]).results;
    expect(a).toMatchObject({ outcome: 'applied' });
    expect(b).toMatchObject({ outcome: 'rejected', reason: 'cannot go from on_scene to dispatched' });
    expect(c).toMatchObject({ outcome: 'applied' });
    expect(d).toMatchObject({ outcome: 'rejected', reason: 'incident is already closed' });
    expect(h.db.prepare('SELECT status, closed_at FROM incidents').get()).toEqual({ status: 'closed', closed_at: now });
  });

  it('keeps the value someone else set meanwhile and records the conflict for both to see', () => {
    n = 0;
    const h = hub();
    h.push(client, now, [m(create('i1'))]);
    h.system((w) => w.act({ kind: 'incident.update', incidentId: 'i1', field: 'summary', from: '', to: '三楼起火' }, { operatorId: 'x', operatorName: '李娜', workstationId: 'ws-2' }, now));
    const [r] = h.push(client, now, [m({ kind: 'incident.update', incidentId: 'i1', field: 'summary', from: '', to: '二楼起火' })]).results;
    expect(r).toMatchObject({ outcome: 'rejected' });
    expect(r!.reason).toMatch(/changed meanwhile/);
    expect(h.db.prepare('SELECT summary FROM incidents').get()).toEqual({ summary: '三楼起火' });
    expect(h.db.prepare('SELECT field, kept, discarded, operator_name FROM conflicts').all()).toEqual([{ field: 'summary', kept: '三楼起火', discarded: '二楼起火', operator_name: '张伟' }]);
    expect(h.changes({ stream: 'incidents', after: 0, limit: 1000 })).toMatchObject({ kind: 'changes' });
  });

  it('treats assignment as add/remove: adding twice changes nothing, a busy unit is refused, closing releases', () => {
    n = 0;
    const h = hub();
    h.push(client, now, [m(create('i1')), m(create('i2'))]);
    const results = h.push(client, now, [
      m({ kind: 'incident.assign', incidentId: 'i1', unitId: U1 }),
      m({ kind: 'incident.assign', incidentId: 'i1', unitId: U1 }),
      m({ kind: 'incident.assign', incidentId: 'i2', unitId: U1 }),
      m({ kind: 'incident.status', incidentId: 'i1', from: 'new', to: 'closed' }),
      m({ kind: 'incident.release', incidentId: 'i1', unitId: U1 }),
    ]).results;
    expect(results.map((r) => r.outcome)).toEqual(['applied', 'applied', 'rejected', 'applied', 'applied']);
    expect(results[2]!.reason).toBe('unit 巡逻 1 组 is assigned to another incident');
    expect(h.db.prepare('SELECT incident_id, released_at FROM assignments').all()).toEqual([{ incident_id: 'i1', released_at: now }]);
    expect(h.db.prepare('SELECT status FROM units').get()).toEqual({ status: 'available' });
  });

  it('never trusts a workstation clock: times are corrected by the measured skew, never ahead of the hub', () => {
    n = 0;
    const h = hub();
    const threeHoursBehind = now - 3 * 3_600_000;
    // The operator acted a minute before pushing, by a clock three hours slow.
    const r = h.push(client, threeHoursBehind, [m(create('i1'), threeHoursBehind - 60_000)]);
    expect(r.skewMs).toBe(3 * 3_600_000);
    expect(h.db.prepare('SELECT created_at FROM incidents').get()).toEqual({ created_at: now - 60_000 });
    const ahead = h.push({ clientId: 'db-2', workstationId: 'ws-1' }, now + 3_600_000, [{ ...m(create('i2'), now + 7_200_000), n: 1 }]);
    expect(ahead.results[0]).toMatchObject({ outcome: 'applied' });
    expect((h.db.prepare("SELECT created_at FROM incidents WHERE id = 'i2'").get() as { created_at: number }).created_at).toBeLessThanOrEqual(now);
  });

  it('answers a cursor older than the log it keeps with resync, and serves a snapshot that resumes', () => {
    n = 0;
    const h = hub();
    h.push(client, now, [m(create('i1')), m(create('i2')), m(create('i3'))]);
    const head = h.head('incidents').head;
    h.truncate('incidents', 2);
    expect(h.changes({ stream: 'incidents', after: 0, limit: 10 })).toEqual({ kind: 'resync', stream: 'incidents', floor: head - 2 });
    expect(h.changes({ stream: 'incidents', after: head - 2, limit: 10 })).toMatchObject({ kind: 'changes', head });
    // Page by page, two rows at a time, resuming from each token: every row exactly once.
    const seen: string[] = [];
    let token = null;
    do {
      const page = h.snapshot({ stream: 'incidents', token, limit: 2 });
      seen.push(...page.items.map((i) => `${i.entity}:${'id' in i.row ? i.row.id : ''}`));
      token = page.next;
    } while (token);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((s) => s.startsWith('incident:'))).toEqual(['incident:i1', 'incident:i2', 'incident:i3']);
  });

  it('pages a snapshot one row at a time through every part, each page valid on the wire', () => {
    n = 0;
    const h = hub();
    // Real ids are UUIDv7: an assignment's resume key (incident|unit|time) is longer than any id.
    const incident = '01a226c4-b11b-719c-861f-dfa6b4505ded';
    h.push(client, now, [m(create(incident)), m({ kind: 'incident.assign', incidentId: incident, unitId: U1 }), m({ kind: 'incident.note', incidentId: incident, text: '到场' })]);
    const entities: string[] = [];
    let token: SnapshotPage['next'] = null;
    do {
      const page = SnapshotPage.parse(JSON.parse(JSON.stringify(h.snapshot({ stream: 'incidents', token, limit: 1 }))));
      entities.push(...page.items.map((i) => i.entity));
      token = page.next;
    } while (token);
    expect(entities).toEqual(['unit', 'incident', 'event', 'event', 'event', 'assignment']);
  });
});
