import Database from 'better-sqlite3';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../../test/support/temp';
import { migrate } from '../migration';
import { migrations } from '.';
import { initial } from './0010-initial';
import { sync } from './0020-sync';

const tempDir = useTempDirs();
let db: Database.Database;

beforeEach(() => {
  db = new Database(path.join(tempDir(), 'vigil.db'));
  db.pragma('foreign_keys = ON');
  migrate(db, [initial, sync]);
});

describe('migration 0050 (sealed credentials)', () => {
  it('keeps credentials stored before it, marked as not yet sealed, for the store to seal', () => {
    db.prepare("INSERT INTO video_points (id, name, lat, lon, origin, updated_at) VALUES ('v1', 'cam', 37, 116, 'hub', 1)").run();
    db.prepare("INSERT INTO video_credentials (video_point_id, username, secret) VALUES ('v1', 'admin', CAST('Old-Pw' AS BLOB))").run();
    expect(migrate(db, migrations)).toMatchObject({ from: 20, to: migrations.at(-1)!.version });
    expect(db.prepare('SELECT video_point_id, username, CAST(secret AS TEXT) AS secret, sealed FROM video_credentials').all()).toEqual([
      { video_point_id: 'v1', username: 'admin', secret: 'Old-Pw', sealed: 0 },
    ]);
  });

  it('allows only 0 or 1 as the sealed mark', () => {
    migrate(db, migrations);
    db.prepare("INSERT INTO video_points (id, name, lat, lon, origin, updated_at) VALUES ('v1', 'cam', 37, 116, 'hub', 1)").run();
    expect(() => db.prepare("INSERT INTO video_credentials (video_point_id, username, secret, sealed) VALUES ('v1', 'a', x'00', 2)").run()).toThrow(/CHECK/);
  });
});
