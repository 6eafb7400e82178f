import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../test/support/temp';
import { migrate, NewerSchemaError, schemaVersion, type Migration } from './migration';
import { migrations } from './migrations';

const tempDir = useTempDirs();
const fileDb = () => new Database(path.join(tempDir(), 'm.db'));
const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

describe('migration runner', () => {
  it('brings an empty database to the newest version and records it in user_version', () => {
    const db = fileDb();
    expect(migrate(db, migrations)).toEqual({ from: 0, to: migrations.at(-1)!.version });
    expect(schemaVersion(db)).toBe(migrations.at(-1)!.version);
  });

  it('is a no-op on an up-to-date database', () => {
    const db = fileDb();
    migrate(db, migrations);
    const before = tables(db);
    const latest = migrations.at(-1)!.version;
    expect(migrate(db, migrations)).toEqual({ from: latest, to: latest });
    expect(tables(db)).toEqual(before);
  });

  it('refuses a database from a newer Vigil and writes nothing to it', () => {
    const db = fileDb();
    db.pragma('user_version = 990');
    db.exec('CREATE TABLE future (x INTEGER) STRICT');
    expect(() => migrate(db, migrations)).toThrow(NewerSchemaError);
    expect(schemaVersion(db)).toBe(990);
    expect(tables(db)).toEqual(['future']);
  });

  it('runs every pending migration in one transaction: a failure leaves the file as it was', () => {
    const db = fileDb();
    const steps: Migration[] = [
      { version: 10, name: 'a', sql: 'CREATE TABLE a (x INTEGER) STRICT;' },
      { version: 20, name: 'b', sql: 'CREATE TABLE b (x INTEGER) STRICT;' },
      { version: 30, name: 'broken', sql: 'CREATE TABLE c (x INTEGER) STRICT; INSERT INTO nowhere VALUES (1);' },
    ];
    expect(() => migrate(db, steps)).toThrow(/no such table: nowhere/);
    expect(schemaVersion(db)).toBe(0);
    expect(tables(db)).toEqual([]);
  });

  it('applies only the migrations after the recorded version', () => {
    const db = fileDb();
    migrate(db, [{ version: 10, name: 'a', sql: 'CREATE TABLE a (x INTEGER) STRICT;' }]);
    const r = migrate(db, [
      { version: 10, name: 'a', sql: 'CREATE TABLE a (x INTEGER) STRICT;' },
      { version: 20, name: 'b', sql: 'CREATE TABLE b (x INTEGER) STRICT;' },
    ]);
    expect(r).toEqual({ from: 10, to: 20 });
    expect(tables(db)).toEqual(['a', 'b']);
  });

  it('rejects a migration list that is out of order', () => {
    const db = fileDb();
    expect(() =>
      migrate(db, [
        { version: 20, name: 'b', sql: '' },
        { version: 10, name: 'a', sql: '' },
      ]),
    ).toThrow(/out of order/);
  });
});
