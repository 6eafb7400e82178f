import Database from 'better-sqlite3';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../../test/support/temp';
import { migrate } from '../migration';
import { initial } from './0010-initial';
import { sync } from './0020-sync';

const tempDir = useTempDirs();
let db: Database.Database;

beforeEach(() => {
  db = new Database(path.join(tempDir(), 'sync.db'));
  db.pragma('foreign_keys = ON');
  migrate(db, [initial]);
});

describe('migration 0020 (sync)', () => {
  it('keeps pending outbox rows written under the previous schema, and gives them the new columns', () => {
    db.prepare("INSERT INTO sync_outbox (mutation_id, kind, payload, created_at) VALUES ('m1', 'incident.note', '{}', 1)").run();
    expect(migrate(db, [initial, sync])).toEqual({ from: 10, to: 20 });
    expect(db.prepare('SELECT seq, mutation_id, state, outcome, ack_seq, incident_id FROM sync_outbox').all()).toEqual([
      { seq: 1, mutation_id: 'm1', state: 'pending', outcome: null, ack_seq: null, incident_id: null },
    ]);
  });

  it('checks the outbox states and keeps conflicts tied to their incident', () => {
    migrate(db, [initial, sync]);
    expect(() => db.prepare("INSERT INTO sync_outbox (mutation_id, kind, payload, created_at, state) VALUES ('m2', 'x', '{}', 1, 'lost')").run()).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO sync_conflicts (id, incident_id, field, kept, discarded, operator_name, workstation_id, at, seq) VALUES ('c', 'nope', 'summary', 'a', 'b', 'n', 'w', 1, 1)").run(),
    ).toThrow(/FOREIGN KEY/);
    expect(db.prepare("SELECT name FROM pragma_table_info('incident_events') WHERE name = 'seq'").all()).toEqual([{ name: 'seq' }]);
  });
});
