import Database from 'better-sqlite3';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../../test/support/temp';
import { migrate } from '../migration';
import { initial } from './0010-initial';
import { sync } from './0020-sync';
import { drones } from './0030-drones';

const tempDir = useTempDirs();
let db: Database.Database;

beforeEach(() => {
  db = new Database(path.join(tempDir(), 'drones.db'));
  db.pragma('foreign_keys = ON');
  migrate(db, [initial, sync]);
});

describe('migration 0030 (drones)', () => {
  it('carries over drone rows of the previous schema, with the new columns at their defaults', () => {
    db.prepare("INSERT INTO drones (id, callsign, stream_url, telemetry_source, origin, updated_at, row_version) VALUES ('drone-a', '鹰眼7', 'udp://0.0.0.0:5600', 'klv', 'local', 5, 2)").run();
    expect(migrate(db, [initial, sync, drones])).toEqual({ from: 20, to: 30 });
    expect(db.prepare('SELECT * FROM drones').all()).toEqual([
      { id: 'drone-a', callsign: '鹰眼7', model: '', stream_url: 'udp://0.0.0.0:5600', codec: 'unknown', telemetry_source: 'klv', origin: 'local', updated_at: 5, row_version: 2 },
    ]);
  });

  it('keeps credentials apart, tied to their drone, and checks the telemetry source and codec', () => {
    migrate(db, [initial, sync, drones]);
    db.prepare("INSERT INTO drones (id, callsign, origin, updated_at) VALUES ('drone-a', 'A', 'hub', 1)").run();
    db.prepare("INSERT INTO drone_credentials (drone_id, username, secret) VALUES ('drone-a', 'pilot', x'00')").run();
    expect(() => db.prepare("INSERT INTO drone_credentials (drone_id, username, secret) VALUES ('drone-none', 'u', x'00')").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO drones (id, callsign, telemetry_source, origin, updated_at) VALUES ('drone-b', 'B', 'dji', 'hub', 1)").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO drones (id, callsign, codec, origin, updated_at) VALUES ('drone-b', 'B', 'vp9', 'hub', 1)").run()).toThrow(/CHECK/);
    db.prepare("DELETE FROM drones WHERE id = 'drone-a'").run();
    expect(db.prepare('SELECT count(*) AS n FROM drone_credentials').get()).toEqual({ n: 0 });
  });
});
