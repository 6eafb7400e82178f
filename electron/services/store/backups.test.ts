import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupInfo } from '../../shared/contract/maintenance';
import { dutyOfficer } from '../../../test/support/actors';
import { useStores } from '../../../test/support/store';
import { useTempDirs } from '../../../test/support/temp';
import { backupsToPrune, stamp } from './backups';
import { nextRunAt } from './maintenance';

const tempDir = useTempDirs();
const { start: store, close: closeStore } = useStores();

const HOUR = 3_600_000;
const fire = { type: 'fire', priority: 1, location: { lat: 37.43, lon: 116.36 }, address: '新湖大街 58 号', district: '德城区', summary: '厨房起火', exercise: false } as const;

function rows(file: string, sql: string): unknown[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

describe('backup schedule (pure, with a clock)', () => {
  const now = Date.UTC(2026, 10, 29, 12, 0, 0);
  it('runs at once when there is no backup or the last is older than the interval', () => {
    expect(nextRunAt(null, now, 6 * HOUR)).toBe(now);
    expect(nextRunAt(now - 7 * HOUR, now, 6 * HOUR)).toBe(now);
  });
  it('waits for the interval after a recent backup', () => {
    expect(nextRunAt(now - 2 * HOUR, now, 6 * HOUR)).toBe(now + 4 * HOUR);
  });
  it('runs at once when the last backup is stamped in the future (clock set back)', () => {
    expect(nextRunAt(now + 3 * HOUR, now, 6 * HOUR)).toBe(now);
  });
});

describe('pruning', () => {
  const b = (name: string, at: number, kind: BackupInfo['kind'] = 'backup'): BackupInfo => ({ name, kind, at, size: 1, check: null });
  it('keeps the newest backups, tells apart two made in one second, and never prunes a set-aside database', () => {
    const t = Date.UTC(2026, 0, 1);
    const list = [
      b(`vigil-${stamp(t)}.db`, t),
      b(`vigil-${stamp(t + 1000)}.db`, t + 1000),
      b(`vigil-${stamp(t + 1000)}-2.db`, t + 1000),
      b(`vigil-replaced-${stamp(t - 5000)}.db`, t - 5000, 'set-aside'),
      b(`vigil-${stamp(t + 2000)}.db`, t + 2000),
    ];
    expect(backupsToPrune(list, 2)).toEqual([`vigil-${stamp(t + 1000)}.db`, `vigil-${stamp(t)}.db`]);
    expect(backupsToPrune(list, 14)).toEqual([]);
  });
});

describe('backups and restore (store worker, real SQLite files)', () => {
  it('backs up online into <data>/backups: a checked database with the same rows, audited, pruned to keep', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'vigil.db');
    const s = await store(file);
    await s.call('createIncident', { actor: dutyOfficer, input: fire });
    await s.call('createIncident', { actor: dutyOfficer, input: { ...fire, summary: '第二起' } });
    const check = await s.call('checkIntegrity', { actor: dutyOfficer });
    expect(check).toMatchObject({ ok: true, detail: 'ok' });

    const made = await s.call('backup', { actor: dutyOfficer, keep: 2, why: 'manual' });
    expect(made.name).toMatch(/^vigil-\d{8}-\d{6}(-\d+)?\.db$/);
    expect(made.check).toMatchObject({ ok: true });
    const copy = path.join(dir, 'backups', made.name);
    expect(made.size).toBe(fs.statSync(copy).size);
    // The backup holds what the live database held when it was made.
    expect(rows(copy, 'SELECT mutation_id, kind, payload FROM sync_outbox ORDER BY seq')).toEqual(await (async () => {
      await closeStore(s);
      return rows(file, 'SELECT mutation_id, kind, payload FROM sync_outbox ORDER BY seq');
    })());
    expect(rows(copy, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);

    const again = await store(file);
    expect(again.opened).toMatchObject({ state: 'ready', lastCheck: { ok: true } });
    for (let i = 0; i < 3; i++) await again.call('backup', { actor: dutyOfficer, keep: 2, why: 'scheduled' });
    const listed = await again.call('listBackups');
    expect(listed.backups.map((b) => b.kind)).toEqual(['backup', 'backup']);
    expect(fs.readdirSync(path.join(dir, 'backups')).filter((f) => f.endsWith('.db'))).toHaveLength(2);
    await closeStore(again);
    const audit = rows(file, "SELECT action, details FROM audit_log WHERE action LIKE 'store.%' ORDER BY id") as Array<{ action: string; details: string }>;
    expect(audit.map((a) => a.action)).toEqual(['store.integrity-check', 'store.backup', 'store.backup', 'store.backup', 'store.backup']);
    expect(JSON.parse(audit.at(-1)!.details)).toMatchObject({ why: 'scheduled', verified: true, pruned: [expect.stringMatching(/^vigil-/)] });
  });

  it('refuses to restore a damaged backup, says why, and leaves the database in use untouched', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'vigil.db');
    const s = await store(file);
    const kept = await s.call('createIncident', { actor: dutyOfficer, input: fire });
    fs.mkdirSync(path.join(dir, 'backups'));
    const bad = 'vigil-20260101-000000.db';
    fs.writeFileSync(path.join(dir, 'backups', bad), Buffer.from('SQLite format 3\u0000 and then the disk failed '.repeat(200)));

    expect(await s.call('restoreBackup', { actor: dutyOfficer, name: bad })).toMatchObject({ ok: false, reason: 'corrupt' });
    expect(await s.call('restoreBackup', { actor: dutyOfficer, name: 'vigil-20250101-000000.db' })).toMatchObject({ ok: false, reason: 'not-found' });
    expect((await s.call('listIncidents', { limit: 10 })).map((i) => i.id)).toEqual([kept.id]);
    await closeStore(s);
    expect(fs.readdirSync(path.join(dir, 'backups')).filter((f) => f.startsWith('vigil-replaced'))).toEqual([]);
    const refused = rows(file, "SELECT target_id, details FROM audit_log WHERE action = 'store.restore-refused' ORDER BY id") as Array<{ target_id: string; details: string }>;
    expect(refused.map((r) => r.target_id)).toEqual([bad, 'vigil-20250101-000000.db']);
    expect(JSON.parse(refused[0]!.details)).toMatchObject({ reason: 'corrupt' });
  });

  it('restores a good backup after setting the database in use aside, and numbers new actions past what the hub answered', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'vigil.db');
    const s = await store(file);
    await s.call('syncClientId');
    const early = await s.call('createIncident', { actor: dutyOfficer, input: fire });
    const backup = await s.call('backup', { actor: dutyOfficer, keep: 14, why: 'manual' });
    const late = await s.call('createIncident', { actor: dutyOfficer, input: { ...fire, summary: '备份之后' } });
    await s.call('addNote', { actor: dutyOfficer, id: late.id, text: '还在等' });
    await closeStore(s);
    // The hub has answered mutations 1 and 2; 3 still waits (as the sync engine records it).
    const raw = new Database(file);
    raw.prepare("UPDATE sync_outbox SET state = 'acked', outcome = 'applied', ack_seq = 10 WHERE seq <= 2").run();
    raw.close();

    const again = await store(file);
    const result = await again.call('restoreBackup', { actor: dutyOfficer, name: backup.name });
    expect(result).toMatchObject({ ok: true, unsentSetAside: 1 });
    if (!result.ok) return;
    expect((await again.call('listIncidents', { limit: 10 })).map((i) => i.id)).toEqual([early.id]);
    const next = await again.call('createIncident', { actor: dutyOfficer, input: { ...fire, summary: '恢复之后' } });
    const listed = await again.call('listBackups');
    expect(listed.backups.map((b) => [b.name, b.kind])).toEqual(expect.arrayContaining([[backup.name, 'backup'], [result.setAside, 'set-aside']]));
    await closeStore(again);

    // The replaced database is whole in the backups folder, with the actions made after the backup.
    const aside = path.join(dir, 'backups', result.setAside);
    expect((rows(aside, 'SELECT incident_id FROM sync_outbox ORDER BY seq') as Array<{ incident_id: string }>).map((r) => r.incident_id)).toEqual([early.id, late.id, late.id]);
    // The restored database: the backup's waiting action keeps number 1, the new one comes after 2.
    expect(rows(file, 'SELECT seq, incident_id FROM sync_outbox ORDER BY seq')).toEqual([
      { seq: 1, incident_id: early.id },
      { seq: 3, incident_id: next.id },
    ]);
    const audit = rows(file, "SELECT target_id, details FROM audit_log WHERE action = 'store.restore'") as Array<{ target_id: string; details: string }>;
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ setAside: result.setAside, unsentSetAside: 1, numbering: { from: 1, to: 2 } });
  });
});
