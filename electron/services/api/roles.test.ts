// The role check in main, through the real dispatch boundary, runtime, embedded hub and database:
// every request for every role (and for nobody signed in).
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../test/support/sign-in';
import { startTestRuntime } from '../../../test/support/runtime';
import { useTempDirs } from '../../../test/support/temp';
import { PERMISSIONS } from '../../shared/auth/permissions';
import { METHODS } from '../../shared/contract/requests';
import { ROLES } from '../../shared/domain/operator';
import type { Runtime } from '../runtime/runtime';
import { dispatch } from './dispatch';

const tempDir = useTempDirs('all');
let rt: Runtime;
let dataDir: string;
beforeAll(async () => {
  dataDir = tempDir();
  rt = await startTestRuntime(dataDir);
});
afterAll(() => rt.close());

let id = 0;
const call = (method: string, params: unknown) => dispatch({ kind: 'request', id: ++id, method, params }, rt.handlers, rt.log, 'test', 'conn-1', rt.gate);
/**
 * Params no request accepts (every params schema is strict): an allowed request is refused as
 * bad-request without running, so the sweep changes nothing; a refused one never gets that far.
 */
const PROBE = { notAParam: true };
const codeOf = async (method: string) => {
  const r = await call(method, PROBE);
  return r.ok ? 'ok' : r.error.code;
};

describe('role checks in main (dispatch)', () => {
  it('refuses every request but the sign-in screen’s while nobody is signed in', async () => {
    for (const m of METHODS) expect([m, await codeOf(m)]).toEqual([m, PERMISSIONS[m] === 'signed-out' ? 'bad-request' : 'signed-out']);
  });

  it('checks every request for every role against the table, before the params are looked at', async () => {
    for (const role of ROLES) {
      await signInAs(rt, role);
      for (const m of METHODS) {
        const access = PERMISSIONS[m];
        const allowed = access === 'signed-out' || access.includes(role);
        expect([role, m, await codeOf(m)]).toEqual([role, m, allowed ? 'bad-request' : 'forbidden']);
      }
    }
  });

  it('refuses a viewer’s incident action with forbidden, audits it with who and what, and changes nothing', async () => {
    await signInAs(rt, 'operator');
    const created = await call('incidents.create', { type: 'fire', priority: 1, location: { lat: 37.43, lon: 116.36 }, address: '新湖大街 58 号' });
    expect(created.ok).toBe(true);
    const incidentId = (created as { result: { id: string } }).result.id;
    await signInAs(rt, 'viewer');
    const db = new Database(path.join(dataDir, 'vigil.db'), { readonly: true });
    const snapshot = () => ({
      incidents: db.prepare('SELECT id, status, row_version FROM incidents ORDER BY id').all(),
      outbox: db.prepare('SELECT seq, kind, payload FROM sync_outbox ORDER BY seq').all(),
      events: db.prepare('SELECT count(*) AS n FROM incident_events').get(),
    });
    const before = snapshot();
    const auditBefore = (db.prepare('SELECT max(id) AS id FROM audit_log').get() as { id: number }).id;

    const refused = await call('incidents.setStatus', { id: incidentId, to: 'dispatched' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('incidents.setStatus') } });
    expect(await call('incidents.create', { type: 'fire', priority: 1, location: { lat: 37.43, lon: 116.36 }, address: '伪造' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    expect(snapshot()).toEqual(before);
    const rows = db.prepare('SELECT operator_name, workstation_id, action, details FROM audit_log WHERE id > ? ORDER BY id').all(auditBefore) as { operator_name: string; workstation_id: string; action: string; details: string }[];
    expect(rows.map((r) => [r.operator_name, r.workstation_id, r.action, JSON.parse(r.details).method, JSON.parse(r.details).role])).toEqual([
      ['赵敏', 'ws-dispatch-03', 'access.forbidden', 'incidents.setStatus', 'viewer'],
      ['赵敏', 'ws-dispatch-03', 'access.forbidden', 'incidents.create', 'viewer'],
    ]);
    db.close();
  });

  it('stamps the signed-in operator on what they do, not the workstation’s OS user', async () => {
    await signInAs(rt, 'supervisor');
    const created = await call('incidents.create', { type: 'traffic_accident', priority: 2, location: { lat: 37.44, lon: 116.35 }, address: '东风路' });
    const incidentId = (created as { result: { id: string } }).result.id;
    const chronology = await call('incidents.chronology', { id: incidentId });
    expect(chronology).toMatchObject({ ok: true, result: [{ kind: 'created', operatorName: '张伟', workstationId: 'ws-dispatch-03' }] });
    const session = await call('session.get', {});
    expect(session).toMatchObject({ ok: true, result: { actor: { operatorName: '张伟' }, signIn: { operator: { username: 'supervisor', role: 'supervisor', via: 'hub' } } } });
    // Nothing secret goes to a window with the session.
    expect(JSON.stringify(session)).not.toMatch(/vigil-supervisor|token|hash/i);
  });
});
