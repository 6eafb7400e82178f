import Database from 'better-sqlite3';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../../test/support/temp';
import { migrate } from '../migration';
import { initial } from './0010-initial';

const tempDir = useTempDirs();
let db: Database.Database;

beforeEach(() => {
  db = new Database(path.join(tempDir(), 'initial.db'));
  db.pragma('foreign_keys = ON');
  migrate(db, [initial]);
});

const incident = (over: Record<string, unknown> = {}) => ({
  id: 'i1', type: 'fire', priority: 1, status: 'new', lat: 37.4, lon: 116.3, address: 'a', origin: 'local', created_at: 1, updated_at: 1, ...over,
});
const insertIncident = (row: Record<string, unknown>) =>
  db
    .prepare(
      `INSERT INTO incidents (id, type, priority, status, lat, lon, address, origin, created_at, updated_at)
       VALUES (@id, @type, @priority, @status, @lat, @lon, @address, @origin, @created_at, @updated_at)`,
    )
    .run(row);
const insertEvent = () =>
  db
    .prepare(
      `INSERT INTO incident_events (id, incident_id, kind, payload, operator_id, operator_name, workstation_id, at)
       VALUES ('e1', 'i1', 'note', '{"text":"到场"}', 'op', '张伟', 'ws', 2)`,
    )
    .run();

describe('migration 0010 (initial schema)', () => {
  it('creates every part of the data outline as STRICT tables', () => {
    const rows = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string; sql: string }[];
    const names = rows.map((r) => r.name).sort();
    expect(names).toEqual(
      [
        'audit_log', 'drones', 'incident_events', 'incident_units', 'incidents', 'meta', 'operators', 'plan_steps', 'plans',
        'sync_cursors', 'sync_outbox', 'sync_rejections', 'units', 'video_credentials', 'video_points', 'wall_layouts',
        'wall_presets', 'wall_tours', 'walls', 'workspace_displays', 'workspace_settings',
      ].sort(),
    );
    for (const r of rows) expect(r.sql, r.name).toMatch(/\)\s*STRICT$/);
  });

  it('records version 10', () => {
    expect(db.pragma('user_version', { simple: true })).toBe(10);
  });

  it('refuses impossible incidents: unknown status, priority out of range, coordinates off the globe', () => {
    expect(() => insertIncident(incident({ status: 'lost' }))).toThrow(/CHECK/);
    expect(() => insertIncident(incident({ priority: 0 }))).toThrow(/CHECK/);
    expect(() => insertIncident(incident({ lat: 91 }))).toThrow(/CHECK/);
    expect(() => insertIncident(incident({ priority: 'high' }))).toThrow(/cannot store TEXT value in INTEGER column/);
    insertIncident(incident());
    expect(db.prepare('SELECT count(*) AS n FROM incidents').get()).toEqual({ n: 1 });
  });

  it('keeps the chronology append-only and tied to an existing incident', () => {
    expect(() => insertEvent()).toThrow(/FOREIGN KEY/);
    insertIncident(incident());
    insertEvent();
    expect(() => db.prepare("UPDATE incident_events SET payload = '{}'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM incident_events').run()).toThrow(/append-only/);
  });

  it('keeps the audit log append-only and its details valid JSON', () => {
    const add = (details: string) =>
      db
        .prepare("INSERT INTO audit_log (at, operator_id, operator_name, workstation_id, action, details) VALUES (1, 'op', '张伟', 'ws', 'x', ?)")
        .run(details);
    expect(() => add('{not json')).toThrow(/CHECK/);
    add('{"ok":true}');
    expect(() => db.prepare("UPDATE audit_log SET action = 'y'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });

  it('deletes a camera\'s credentials with the camera, and rejects a bad field of view', () => {
    const cam = db.prepare(
      "INSERT INTO video_points (id, name, lat, lon, fov_deg, origin, updated_at) VALUES (?, 'c', 37, 116, ?, 'local', 1)",
    );
    expect(() => cam.run('bad', 0)).toThrow(/CHECK/);
    cam.run('v1', 60);
    db.prepare("INSERT INTO video_credentials (video_point_id, username, secret) VALUES ('v1', 'admin', x'00')").run();
    db.prepare("DELETE FROM video_points WHERE id = 'v1'").run();
    expect(db.prepare('SELECT count(*) AS n FROM video_credentials').get()).toEqual({ n: 0 });
  });

  it('gives each outbox mutation id one row only', () => {
    const add = () =>
      db.prepare("INSERT INTO sync_outbox (mutation_id, kind, payload, created_at) VALUES ('m1', 'incident.create', '{}', 1)").run();
    add();
    expect(() => add()).toThrow(/UNIQUE/);
  });
});
