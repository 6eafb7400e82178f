// Sign-in against a real hub (its own socket.io server and hub.db) and a real workstation
// runtime and database: right and wrong passwords, lockout, an expired token, offline sign-in
// from the cached copy, a password changed at the hub, and a shift hand-over.
import Database from 'better-sqlite3';
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startHub, type Hub } from '../../hub/hub';
import { DEMO_OPERATORS } from '../../hub/hub-operators';
import { demoAccount } from '../../../test/support/sign-in';
import { startTestRuntime } from '../../../test/support/runtime';
import { useTempDirs } from '../../../test/support/temp';
import type { EventEnvelope } from '../../shared/contract/envelope';
import type { Runtime } from '../runtime/runtime';
import { dispatch } from '../api/dispatch';
import { LOCK_AFTER } from '../store/operators';

const tempDir = useTempDirs();
const SECRET = 'secret-of-ws-dispatch-03-for-sign-in';
const TTL = 3600_000;
let hub: Hub | null = null;
let rt: Runtime | null = null;
afterEach(async () => {
  await rt?.close();
  await hub?.close();
  rt = null;
  hub = null;
});

/** A hub whose clock the test moves (to let a token run out), and a workstation synced to it. */
async function setUp() {
  let skew = 0;
  const hubDir = tempDir();
  const startTheHub = (port: number) =>
    startHub({ dataDir: hubDir, port, workstations: [{ id: 'ws-dispatch-03', secret: SECRET }], simulator: false, operators: DEMO_OPERATORS, tokenTtlMs: TTL, clock: { now: () => Date.now() + skew }, log: pino({ level: 'silent' }) });
  hub = await startTheHub(0);
  const port = hub.port;
  const dataDir = tempDir();
  rt = await startTestRuntime(dataDir, { hubUrl: hub.url, hubSecret: SECRET });
  const events: EventEnvelope[] = [];
  rt.bus.subscribe((e) => e.name === 'session.changed' && events.push(e));
  const r = rt;
  let id = 0;
  return {
    rt: r,
    events,
    dbFile: path.join(dataDir, 'vigil.db'),
    call: (method: string, params: unknown) => dispatch({ kind: 'request', id: ++id, method, params }, r.handlers, r.log, 'test', 'conn-1', r.gate),
    advanceHubClock: (ms: number) => (skew += ms),
    stopHub: async () => {
      await hub?.close();
      hub = null;
      await vi.waitFor(() => expect(r.handlers['sync.status']({}, { connection: 't' })).resolves.toMatchObject({ state: expect.not.stringMatching(/^online$/) }), { timeout: 15_000 });
    },
    startHubAgain: async () => {
      hub = await startTheHub(port);
    },
  };
}

const audit = (file: string) => {
  const db = new Database(file, { readonly: true });
  const rows = db.prepare('SELECT operator_name, action, target_id, details FROM audit_log WHERE action LIKE ? ORDER BY id').all('session.%') as { operator_name: string; action: string; target_id: string | null; details: string }[];
  db.close();
  return rows.map((r) => ({ who: r.operator_name, action: r.action, target: r.target_id, ...(JSON.parse(r.details) as object) }));
};

describe('sign-in checked by the hub', () => {
  it('signs in with the right password, caches a hash (never the password) and tells every window', async () => {
    const t = await setUp();
    const answer = await t.rt.session.signIn('operator', 'vigil-operator');
    expect(answer).toMatchObject({ ok: true, operator: { username: 'operator', name: '李娜', role: 'operator', via: 'hub' } });
    expect(t.events.at(-1)).toMatchObject({ name: 'session.changed', payload: { operator: { username: 'operator' }, ended: null } });
    const db = new Database(t.dbFile, { readonly: true });
    const cached = db.prepare('SELECT username, role, password_hash FROM operator_credentials').all() as { username: string; role: string; password_hash: string }[];
    db.close();
    expect(cached).toEqual([{ username: 'operator', role: 'operator', password_hash: expect.stringMatching(/^scrypt\$/) }]);
    expect(cached[0]!.password_hash).not.toContain('vigil-operator');
    expect(audit(t.dbFile)).toEqual([{ who: '李娜', action: 'session.sign-in', target: 'operator', role: 'operator', via: 'hub' }]);
  });

  it('refuses a wrong password with the reason, audits it, changes nothing, and locks the name after repeated failures', async () => {
    const t = await setUp();
    expect(await t.rt.session.signIn('operator', 'vigil-operator')).toMatchObject({ ok: true });
    const before = t.rt.session.state();
    expect(await t.rt.session.signIn('supervisor', 'guess')).toEqual({ ok: false, reason: 'bad-credentials' });
    expect(await t.rt.session.signIn('nobody', 'guess')).toEqual({ ok: false, reason: 'bad-credentials' });
    // The operator who was signed in still is: a failed attempt by someone else changes nothing.
    expect(t.rt.session.state()).toEqual(before);
    for (let i = 1; i < LOCK_AFTER; i++) await t.rt.session.signIn('supervisor', 'guess');
    const locked = await t.rt.session.signIn('supervisor', 'vigil-supervisor');
    expect(locked).toMatchObject({ ok: false, reason: 'locked', retryAfterMs: expect.any(Number) });
    expect(t.rt.session.state()).toEqual(before);
    const refusals = audit(t.dbFile).filter((r) => r.action === 'session.sign-in-refused');
    expect(refusals.map((r) => [r.target, (r as { reason?: string }).reason])).toEqual([
      ['supervisor', 'bad-credentials'],
      ['nobody', 'bad-credentials'],
      ...Array.from({ length: LOCK_AFTER - 1 }, () => ['supervisor', 'bad-credentials']),
      ['supervisor', 'locked'],
    ]);
    expect(JSON.stringify(audit(t.dbFile))).not.toContain('guess');
  });

  it('ends the session when the hub says its token expired, and refuses requests until the operator signs in again', async () => {
    const t = await setUp();
    await t.rt.session.signIn('operator', 'vigil-operator');
    expect(await t.call('incidents.list', {})).toMatchObject({ ok: true });
    t.advanceHubClock(TTL + 1000);
    await t.rt.session.check();
    expect(t.rt.session.state()).toEqual({ operator: null, ended: 'expired' });
    expect(t.events.at(-1)).toMatchObject({ payload: { operator: null, ended: 'expired' } });
    expect(await t.call('incidents.list', {})).toMatchObject({ ok: false, error: { code: 'signed-out' } });
    expect(audit(t.dbFile).at(-1)).toMatchObject({ who: '李娜', action: 'session.ended', reason: 'expired' });
    expect(await t.rt.session.signIn('operator', 'vigil-operator')).toMatchObject({ ok: true });
    expect(await t.call('incidents.list', {})).toMatchObject({ ok: true });
  });

  it('signs in offline against the cached copy when the hub is away, and only someone who signed in here before', async () => {
    const t = await setUp();
    await t.rt.session.signIn('supervisor', 'vigil-supervisor');
    await t.rt.session.signOut();
    await t.stopHub();
    expect(await t.rt.session.signIn('supervisor', 'wrong')).toEqual({ ok: false, reason: 'bad-credentials' });
    expect(await t.rt.session.signIn('viewer', 'vigil-viewer')).toEqual({ ok: false, reason: 'no-cached-credentials' });
    const offline = await t.rt.session.signIn('supervisor', 'vigil-supervisor');
    expect(offline).toMatchObject({ ok: true, operator: { name: '张伟', role: 'supervisor', via: 'cache' } });
    expect(await t.call('audit.list', {})).toMatchObject({ ok: true });
    expect(audit(t.dbFile).map((r) => [r.action, (r as { via?: string }).via, (r as { reason?: string }).reason])).toEqual([
      ['session.sign-in', 'hub', undefined],
      ['session.sign-out', undefined, 'signed-out'],
      ['session.sign-in-refused', 'cache', 'bad-credentials'],
      ['session.sign-in-refused', 'cache', 'no-cached-credentials'],
      ['session.sign-in', 'cache', undefined],
    ]);
  });

  it('follows a password changed at the hub: the old token is revoked, the old password refused online and, once cached again, offline', async () => {
    const t = await setUp();
    await t.rt.session.signIn('operator', 'vigil-operator');
    await hub!.store.operators.setOperator({ username: 'operator', name: '李娜', role: 'operator', password: 'new-password-2026' });
    await t.rt.session.check();
    expect(t.rt.session.state()).toEqual({ operator: null, ended: 'revoked' });
    expect(await t.rt.session.signIn('operator', 'vigil-operator')).toEqual({ ok: false, reason: 'bad-credentials' });
    expect(await t.rt.session.signIn('operator', 'new-password-2026')).toMatchObject({ ok: true, operator: { via: 'hub' } });
    await t.rt.session.signOut();
    await t.stopHub();
    expect(await t.rt.session.signIn('operator', 'vigil-operator')).toEqual({ ok: false, reason: 'bad-credentials' });
    expect(await t.rt.session.signIn('operator', 'new-password-2026')).toMatchObject({ ok: true, operator: { via: 'cache' } });
  });

  it('hands a shift over: the incoming operator signs in, the note and open incidents are stored, both sides audited', async () => {
    const t = await setUp();
    await t.rt.session.signIn('operator', 'vigil-operator');
    const created = await t.call('incidents.create', { type: 'fire', priority: 1, location: { lat: 37.43, lon: 116.36 }, address: '新湖大街 58 号' });
    const incidentId = (created as { result: { id: string } }).result.id;
    expect(await t.call('session.handOver', { ...demoAccount('supervisor'), note: '' }).then((r) => r.ok)).toBe(true);
    // A wrong password hands nothing over.
    expect(await t.call('session.handOver', { username: 'operator', password: 'nope', note: 'x' })).toMatchObject({ ok: true, result: { ok: false, reason: 'bad-credentials' } });
    expect(t.rt.session.state().operator).toMatchObject({ username: 'supervisor' });
    expect(await t.call('session.handOver', { ...demoAccount('operator'), note: '新湖大街火情未结，消防在场' })).toMatchObject({ ok: true, result: { ok: true, operator: { username: 'operator' } } });
    const db = new Database(t.dbFile, { readonly: true });
    const handovers = db.prepare('SELECT from_operator_name AS "from", to_operator_name AS "to", note, open_incidents FROM handovers ORDER BY at').all() as { from: string; to: string; note: string; open_incidents: string }[];
    db.close();
    expect(handovers.map((h) => ({ ...h, open_incidents: JSON.parse(h.open_incidents) as string[] }))).toEqual([
      { from: '李娜', to: '张伟', note: '', open_incidents: [incidentId] },
      { from: '张伟', to: '李娜', note: '新湖大街火情未结，消防在场', open_incidents: [incidentId] },
    ]);
    const actions = audit(t.dbFile).map((r) => [r.who, r.action]);
    expect(actions).toEqual([
      ['李娜', 'session.sign-in'],
      ['李娜', 'session.hand-over'],
      ['张伟', 'session.take-over'],
      ['operator', 'session.sign-in-refused'],
      ['张伟', 'session.hand-over'],
      ['李娜', 'session.take-over'],
    ]);
  });
});
