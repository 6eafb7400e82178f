import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { migrations } from './migrations';
import { describe, expect, it } from 'vitest';
import { dutyOfficer } from '../../../test/support/actors';
import { useStores } from '../../../test/support/store';
import { useTempDirs } from '../../../test/support/temp';

const tempDir = useTempDirs();
const { start: store, close: closeStore } = useStores();

const fire = { type: 'fire', priority: 1, location: { lat: 37.43, lon: 116.36 }, address: '新湖大街 58 号', district: '德城区', summary: '厨房起火', exercise: false } as const;

describe('store (worker thread, real SQLite file)', () => {
  it('opens a new database in WAL mode with FULL sync and foreign keys, at the newest schema', async () => {
    const file = path.join(tempDir(), 'vigil.db');
    const s = await store(file);
    expect(s.opened).toEqual({ state: 'ready', schemaVersion: migrations.at(-1)!.version, path: file });
    await s.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('keeps an operator action as one transaction: outbox row and audit row, shown at once as pending', async () => {
    const file = path.join(tempDir(), 'vigil.db');
    const s = await store(file);
    const created = await s.call('createIncident', { actor: dutyOfficer, input: fire });
    expect(created).toMatchObject({ type: 'fire', status: 'new', priority: 1, address: '新湖大街 58 号', pending: true });
    expect(await s.call('listIncidents', { limit: 10 })).toEqual([created]);
    const moved = await s.call('setStatus', { actor: dutyOfficer, id: created.id, to: 'dispatched' });
    expect(moved).toMatchObject({ status: 'dispatched', pending: true });
    // An intent the state machine forbids is refused before it reaches the outbox.
    await expect(s.call('setStatus', { actor: dutyOfficer, id: created.id, to: 'new' })).rejects.toMatchObject({ code: 'conflict' });
    await s.close();
    const db = new Database(file, { readonly: true });
    // The tables hold only what the hub confirmed: nothing yet. The intents wait in order.
    expect(db.prepare('SELECT count(*) AS n FROM incidents').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT seq, kind, incident_id, state FROM sync_outbox ORDER BY seq').all()).toEqual([
      { seq: 1, kind: 'incident.create', incident_id: created.id, state: 'pending' },
      { seq: 2, kind: 'incident.status', incident_id: created.id, state: 'pending' },
    ]);
    expect(db.prepare("SELECT action, operator_id, workstation_id, target_id FROM audit_log WHERE action LIKE 'incident.%' ORDER BY id").all()).toEqual([
      { action: 'incident.create', operator_id: 'local:zhang.wei', workstation_id: 'ws-dispatch-03', target_id: created.id },
      { action: 'incident.status', operator_id: 'local:zhang.wei', workstation_id: 'ws-dispatch-03', target_id: created.id },
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

  it('keeps online tile sources and the base map choice per workstation, audited, and reads a value that no longer parses as unset', async () => {
    const file = path.join(tempDir(), 'vigil.db');
    const s = await store(file);
    const me = { workstationId: dutyOfficer.workstationId };
    expect(await s.call('getMapSettings', me)).toEqual({ onlineSources: [], basemap: null });
    const source = { id: 'src-0a1b2c3d', name: '天地图矢量', urlTemplate: 'https://t{s}.tianditu.gov.cn/{z}/{x}/{y}', subdomains: '01234567', datum: 'wgs84', attribution: '© 天地图', minZoom: 0, maxZoom: 18 } as const;
    await s.call('setOnlineSources', { actor: dutyOfficer, sources: [source] });
    await s.call('setBasemap', { actor: dutyOfficer, basemap: { kind: 'online', id: source.id } });
    expect(await s.call('getMapSettings', me)).toEqual({ onlineSources: [source], basemap: { kind: 'online', id: source.id } });
    expect(await s.call('getMapSettings', { workstationId: 'another-desk' })).toEqual({ onlineSources: [], basemap: null });
    expect((await s.call('counts')).auditRows).toBe(2);
    await closeStore(s);
    // A value an older or newer Vigil wrote that this one cannot use is ignored, not trusted.
    const db = new Database(file);
    db.prepare("UPDATE workspace_settings SET value = ? WHERE key = 'map.onlineSources'").run(JSON.stringify([{ ...source, urlTemplate: 42 }]));
    db.close();
    const again = await store(file);
    expect(await again.call('getMapSettings', me)).toEqual({ onlineSources: [], basemap: { kind: 'online', id: source.id } });
  });

  it('never hands out stream addresses with the camera catalogue', async () => {
    const s = await store(path.join(tempDir(), 'vigil.db'));
    const camera = { id: 'cam-1', name: '东方红路三八路口 东向', location: { lat: 37.45, lon: 116.31 }, headingDeg: 90, fovDeg: 60, rangeM: 150, mainUrl: 'rtsp://10.1.2.3:554/Streaming/Channels/101', subUrl: 'rtsp://10.1.2.3:554/Streaming/Channels/102', codec: 'h264', ptz: false, department: '交警支队', district: '德城区', online: true, updatedAt: 1, rowVersion: 1 } as const;
    await s.call('syncApplySnapshotPage', { stream: 'video_points', page: { stream: 'video_points', asOf: 1, items: [{ entity: 'video_point', op: 'upsert', row: camera }], next: null, total: 1 } });
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

  it('refuses a batch from the hub that breaks the schema as a whole, keeping what was stored and the cursor', async () => {
    const file = path.join(tempDir(), 'vigil.db');
    const s = await store(file);
    const row = (id: string, priority: number) => ({
      entity: 'incident' as const,
      op: 'upsert' as const,
      row: { id, type: 'fire' as const, priority, status: 'new' as const, location: { lat: 37.43, lon: 116.36 }, address: '新湖大街 58 号', district: '德城区', summary: '', exercise: false, createdAt: 1, updatedAt: 1, closedAt: null, rowVersion: 1 },
    });
    await s.call('syncApplySnapshotPage', { stream: 'incidents', page: { stream: 'incidents', asOf: 5, items: [row('a', 1)], next: null, total: 1 } });
    // A change the schemas would have stopped at the link, sent anyway: priority 9, beside a good one.
    await expect(s.call('syncApplyChanges', { stream: 'incidents', changes: [{ ...row('b', 2), seq: 6 }, { ...row('c', 9), seq: 7 }] })).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_CHECK' });
    expect((await s.call('listIncidents', { limit: 10 })).map((i) => i.id)).toEqual(['a']);
    expect(await s.call('syncCursor', { stream: 'incidents' })).toEqual({ phase: 'live', seq: 5 });
  });
});
