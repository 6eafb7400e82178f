import Database from 'better-sqlite3';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../../test/support/temp';
import { migrate } from '../migration';
import { initial } from './0010-initial';
import { sync } from './0020-sync';
import { operators } from './0040-operators';

const tempDir = useTempDirs();
let db: Database.Database;

beforeEach(() => {
  db = new Database(path.join(tempDir(), 'operators.db'));
  db.pragma('foreign_keys = ON');
  migrate(db, [initial, sync]);
});

describe('migration 0040 (operators)', () => {
  it('keeps the audit log and operators written before it', () => {
    db.prepare("INSERT INTO audit_log (at, operator_id, operator_name, workstation_id, action) VALUES (1, 'local:zw', '张伟', 'ws', 'incident.create')").run();
    db.prepare("INSERT INTO operators (id, display_name, role, created_at) VALUES ('local:zw', '张伟', 'operator', 1)").run();
    expect(migrate(db, [initial, sync, operators])).toEqual({ from: 20, to: 40 });
    expect(db.prepare('SELECT operator_name, action FROM audit_log').all()).toEqual([{ operator_name: '张伟', action: 'incident.create' }]);
    expect(db.prepare('SELECT id FROM operators').all()).toEqual([{ id: 'local:zw' }]);
  });

  it('holds only scrypt hashes of known roles, and keeps hand-overs append-only', () => {
    migrate(db, [initial, sync, operators]);
    const cache = db.prepare('INSERT INTO operator_credentials (username, operator_id, display_name, role, password_hash, cached_at) VALUES (?, ?, ?, ?, ?, 1)');
    expect(() => cache.run('a', 'op-a', 'A', 'operator', 'plain-password')).toThrow(/CHECK/);
    expect(() => cache.run('a', 'op-a', 'A', 'root', 'scrypt$1')).toThrow(/CHECK/);
    cache.run('a', 'op-a', 'A', 'viewer', 'scrypt$16384$8$1$s$k');
    db.prepare("INSERT INTO handovers (id, at, workstation_id, to_operator_id, to_operator_name, note, open_incidents) VALUES ('h1', 1, 'ws', 'op-a', 'A', '', '[]')").run();
    expect(() => db.prepare("UPDATE handovers SET note = 'changed'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM handovers').run()).toThrow(/append-only/);
    expect(() => db.prepare("INSERT INTO handovers (id, at, workstation_id, to_operator_id, to_operator_name, note, open_incidents) VALUES ('h2', 1, 'ws', 'b', 'B', '', 'not json')").run()).toThrow(/CHECK/);
  });
});
