import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dutyOfficer } from '../../../test/support/actors';
import { startStore } from '../../../test/support/store';
import { useTempDirs } from '../../../test/support/temp';
import type { Store } from './store';

const tempDir = useTempDirs();
const open: Store[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});
async function store(file: string): Promise<Store> {
  const s = await startStore(file);
  open.push(s);
  return s;
}

const fire = { type: 'fire', priority: 1, location: { lat: 37.43, lon: 116.36 }, address: '新湖大街 58 号', district: '德城区', summary: '厨房起火', exercise: false } as const;

describe('store (worker thread, real SQLite file)', () => {
  it('opens a new database in WAL mode with FULL sync and foreign keys, at the newest schema', async () => {
    const file = path.join(tempDir(), 'vigil.db');
    const s = await store(file);
    expect(s.opened).toEqual({ state: 'ready', schemaVersion: 10, path: file });
    await s.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('seeds demo rows once per database, never again', async () => {
    const file = path.join(tempDir(), 'vigil.db');
    const s = await store(file);
    expect(await s.call('seedDemoIfNew', { actor: dutyOfficer })).toBe(true);
    const first = await s.call('counts');
    expect(first.incidents).toBeGreaterThanOrEqual(5);
    expect(first.videoPoints).toBeGreaterThanOrEqual(5);
    await s.close();
    const again = await store(file);
    expect(await again.call('seedDemoIfNew', { actor: dutyOfficer })).toBe(false);
    expect(await again.call('counts')).toEqual(first);
  });

  it('creates an incident with its chronology event and audit row in one transaction', async () => {
    const file = path.join(tempDir(), 'vigil.db');
    const s = await store(file);
    const created = await s.call('createIncident', { actor: dutyOfficer, input: fire });
    expect(created).toMatchObject({ type: 'fire', status: 'new', priority: 1, rowVersion: 1, address: '新湖大街 58 号' });
    await s.close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT kind, operator_name, workstation_id FROM incident_events WHERE incident_id = ?').all(created.id)).toEqual([
      { kind: 'created', operator_name: '张伟', workstation_id: 'ws-dispatch-03' },
    ]);
    expect(db.prepare("SELECT action, operator_id, workstation_id, target_id FROM audit_log WHERE action = 'incident.create'").all()).toEqual([
      { action: 'incident.create', operator_id: 'local:zhang.wei', workstation_id: 'ws-dispatch-03', target_id: created.id },
    ]);
    db.close();
  });

  it('remembers the language per workstation and audits the change', async () => {
    const s = await store(path.join(tempDir(), 'vigil.db'));
    expect(await s.call('getLanguage', { workstationId: dutyOfficer.workstationId })).toBeNull();
    await s.call('setLanguage', { actor: dutyOfficer, language: 'en' });
    expect(await s.call('getLanguage', { workstationId: dutyOfficer.workstationId })).toBe('en');
    expect(await s.call('getLanguage', { workstationId: 'another-desk' })).toBeNull();
    expect((await s.call('counts')).auditRows).toBe(1);
  });

  it('never hands out stream addresses with the camera catalogue', async () => {
    const s = await store(path.join(tempDir(), 'vigil.db'));
    await s.call('seedDemoIfNew', { actor: dutyOfficer });
    const cams = await s.call('listVideoPoints', { limit: 100 });
    expect(cams.length).toBeGreaterThan(0);
    for (const c of cams) expect(Object.keys(c).join()).not.toMatch(/url|user|secret|password/i);
  });

  it('reports a corrupt file as damaged without touching it, then moves it aside on request', async () => {
    const file = path.join(tempDir(), 'vigil.db');
    const garbage = Buffer.from('SQLite format 3\u0000 but then nothing sensible '.repeat(200));
    fs.writeFileSync(file, garbage);
    const s = await store(file);
    expect(s.opened).toMatchObject({ state: 'damaged', reason: 'corrupt', path: file });
    await expect(s.call('listIncidents', { limit: 10 })).rejects.toMatchObject({ code: 'store-unavailable' });
    expect(fs.readFileSync(file)).toEqual(garbage);

    const after = await s.call('recover', { actor: dutyOfficer });
    if (after.state !== 'ready') throw new Error(`not recovered: ${JSON.stringify(after)}`);
    expect(after.movedAside).toMatch(/vigil\.db\.damaged-/);
    expect(fs.readFileSync(after.movedAside!)).toEqual(garbage);
    expect(await s.call('listIncidents', { limit: 10 })).toEqual([]);
    // The fresh database starts with the record of who chose to start it, and why.
    const audit = new Database(file, { readonly: true }).prepare('SELECT operator_id, workstation_id, action, details FROM audit_log').all();
    expect(audit).toEqual([
      { operator_id: dutyOfficer.operatorId, workstation_id: dutyOfficer.workstationId, action: 'store.recover', details: expect.stringContaining('"reason":"corrupt"') },
    ]);
  });

  it('reports a file that is not a database at all as damaged', async () => {
    const file = path.join(tempDir(), 'vigil.db');
    fs.writeFileSync(file, 'these are not the bytes of a database\n'.repeat(50));
    const s = await store(file);
    expect(s.opened).toMatchObject({ state: 'damaged', reason: 'corrupt' });
  });

  it('refuses a database written by a newer Vigil, and leaves it untouched', async () => {
    const file = path.join(tempDir(), 'vigil.db');
    const db = new Database(file);
    db.pragma('user_version = 990');
    db.close();
    const before = fs.readFileSync(file);
    const s = await store(file);
    expect(s.opened).toMatchObject({ state: 'damaged', reason: 'newer-schema' });
    expect(fs.readFileSync(file)).toEqual(before);
  });

  it('rejects writes that break the schema with the database\'s reason, and keeps what was stored', async () => {
    const s = await store(path.join(tempDir(), 'vigil.db'));
    await s.call('createIncident', { actor: dutyOfficer, input: fire });
    const bad = { ...fire, priority: 9 };
    await expect(s.call('createIncident', { actor: dutyOfficer, input: bad })).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_CHECK' });
    expect((await s.call('counts')).incidents).toBe(1);
    expect((await s.call('counts')).auditRows).toBe(1);
  });
});
