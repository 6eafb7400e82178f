// Camera credentials sealed at rest, on a real database file: what the disk holds is checked
// byte for byte (database, WAL and shared-memory files) for the plaintext passwords.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../test/support/temp';
import { keyringOf, newKey, SecretBox } from '../secrets/secret-box';
import type { VideoPointWire } from '../../shared/sync/protocol';
import { migrate } from './migration';
import { initial } from './migrations/0010-initial';
import { sync } from './migrations/0020-sync';
import { createOps, StoreState } from './ops';
import { applyChanges, applySnapshotPage } from './sync-apply';
import { splitUrlCredentials } from './credentials';

const tempDir = useTempDirs();

const OLD_TABLE_PASSWORD = 'Old-Table-Pw-7Qx!';
const OLD_URL_PASSWORD = 'Old-Url-Pw-3Kd@';
const HUB_PASSWORD = 'Hub-Sent-Pw-9Zt#';

/** Every file SQLite keeps for the database: the plaintext must be in none of them. */
function diskBytes(file: string): Buffer {
  return Buffer.concat(['', '-wal', '-shm'].filter((s) => fs.existsSync(file + s)).map((s) => fs.readFileSync(file + s)));
}

function expectNowhereOnDisk(file: string, secrets: string[]): void {
  const bytes = diskBytes(file);
  for (const s of secrets) {
    expect(bytes.includes(Buffer.from(s, 'utf8')), `${s} on disk`).toBe(false);
    expect(bytes.includes(Buffer.from(encodeURIComponent(s), 'utf8')), `${s} (URL-encoded) on disk`).toBe(false);
  }
}

const camera = (id: string, mainUrl: string | null, rowVersion = 1): VideoPointWire => ({
  id, name: `cam ${id}`, location: { lat: 37.43, lon: 116.36 }, headingDeg: null, fovDeg: null, rangeM: null, mainUrl, subUrl: null,
  codec: 'h264', ptz: false, department: '公安局', district: '德城区', online: true, updatedAt: 1, rowVersion,
});

/** A database as an older Vigil left it: plaintext in video_credentials and a password inside a stream URL. */
function oldDatabase(file: string): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  migrate(db, [initial, sync]);
  const insert = db.prepare("INSERT INTO video_points (id, name, lat, lon, main_url, origin, updated_at) VALUES (?, ?, 37, 116, ?, 'hub', 1)");
  insert.run('v-table', 'table cam', 'rtsp://10.0.0.1/live');
  insert.run('v-url', 'url cam', `rtsp://operator:${encodeURIComponent(OLD_URL_PASSWORD)}@10.0.0.2/live`);
  db.prepare('INSERT INTO video_credentials (video_point_id, username, secret) VALUES (?, ?, ?)').run('v-table', 'admin', Buffer.from(OLD_TABLE_PASSWORD));
  db.close();
}

describe('sealed camera credentials', () => {
  it('seals an older database: no plaintext password left in any file on disk, and main still opens them', () => {
    const file = path.join(tempDir(), 'vigil.db');
    oldDatabase(file);
    expect(diskBytes(file).includes(Buffer.from(OLD_TABLE_PASSWORD))).toBe(true); // the scan can see plaintext

    const box = new SecretBox(keyringOf([newKey()]));
    const state = new StoreState(file, box);
    expect(state.open().state).toBe('ready');
    const ops = createOps(state);
    expect(ops.sealCredentials()).toEqual({ sealed: 1, fromUrls: 1, resealed: 0 });
    expect(ops.sealCredentials()).toEqual({ sealed: 0, fromUrls: 0, resealed: 0 });
    expect(ops.videoSource({ id: 'v-table' })).toMatchObject({ mainUrl: 'rtsp://10.0.0.1/live', username: 'admin', password: OLD_TABLE_PASSWORD });
    expect(ops.videoSource({ id: 'v-url' })).toMatchObject({ mainUrl: 'rtsp://10.0.0.2/live', username: 'operator', password: OLD_URL_PASSWORD });
    expectNowhereOnDisk(file, [OLD_TABLE_PASSWORD, OLD_URL_PASSWORD]);
    state.close();
    expectNowhereOnDisk(file, [OLD_TABLE_PASSWORD, OLD_URL_PASSWORD]);
  });

  it('takes a password the hub sends inside a URL out of it, seals it, and never writes it in the clear', () => {
    const file = path.join(tempDir(), 'vigil.db');
    const box = new SecretBox(keyringOf([newKey()]));
    const state = new StoreState(file, box);
    state.open();
    const db = state.ready;
    applySnapshotPage(db, 'video_points', { stream: 'video_points', asOf: 1, items: [{ entity: 'video_point', op: 'upsert', row: camera('c1', `rtsp://operator:${HUB_PASSWORD}@cam.local:8554/h264`) }], next: null, total: 1 }, 1);
    const ops = createOps(state);
    expect(ops.videoSource({ id: 'c1' })).toMatchObject({ mainUrl: 'rtsp://cam.local:8554/h264', username: 'operator', password: HUB_PASSWORD });
    expect(db.prepare('SELECT main_url AS u FROM video_points').get()).toEqual({ u: 'rtsp://cam.local:8554/h264' });
    expect(db.prepare('SELECT sealed FROM video_credentials').get()).toEqual({ sealed: 1 });

    // An older row (lower version) changes nothing, its credentials included; a newer one replaces them.
    applyChanges(db, 'video_points', [{ seq: 2, entity: 'video_point', op: 'upsert', row: camera('c1', 'rtsp://intruder:other@cam.local/h264', 1) }], 2);
    expect(ops.videoSource({ id: 'c1' })).toMatchObject({ username: 'operator', password: HUB_PASSWORD });
    applyChanges(db, 'video_points', [{ seq: 3, entity: 'video_point', op: 'upsert', row: camera('c1', 'rtsp://operator:New-Pw-2@cam.local/h264', 2) }], 3);
    expect(ops.videoSource({ id: 'c1' })).toMatchObject({ username: 'operator', password: 'New-Pw-2' });
    state.close();
    expectNowhereOnDisk(file, [HUB_PASSWORD, 'New-Pw-2']);
  });

  it('refuses to store a password without a secret box rather than write it in the clear', () => {
    const state = new StoreState(path.join(tempDir(), 'vigil.db'));
    state.open();
    expect(() => applySnapshotPage(state.ready, 'video_points', { stream: 'video_points', asOf: 1, items: [{ entity: 'video_point', op: 'upsert', row: camera('c1', 'rtsp://u:pw@cam/x') }], next: null, total: 1 }, 1)).toThrow(/no secret box/);
    expect(state.ready.prepare('SELECT count(*) AS n FROM video_points').get()).toEqual({ n: 0 });
    state.close();
  });

  it('a lost key or an altered row locks the camera with a reason, never a wrong password; forgetting asks the hub again', () => {
    const file = path.join(tempDir(), 'vigil.db');
    const first = new StoreState(file, new SecretBox(keyringOf([newKey()])));
    first.open();
    applySnapshotPage(first.ready, 'video_points', { stream: 'video_points', asOf: 1, items: [camera('c1', 'rtsp://u:pw-1@cam/x'), camera('c2', 'rtsp://u:pw-2@cam/y')].map((row) => ({ entity: 'video_point' as const, op: 'upsert' as const, row })), next: null, total: 2 }, 1);
    // One byte of c2's sealed password altered on disk.
    first.ready.prepare("UPDATE video_credentials SET secret = CAST(substr(secret, 1, 30) || x'00' || substr(secret, 32) AS BLOB) WHERE video_point_id = 'c2'").run();
    expect(createOps(first).videoSource({ id: 'c2' })).toMatchObject({ password: null, credentialsLocked: 'tampered' });
    first.close();

    const lost = new StoreState(file, new SecretBox(keyringOf([newKey()])));
    lost.open();
    const ops = createOps(lost);
    expect(ops.credentialKeyIds()).toHaveLength(1);
    expect(ops.videoSource({ id: 'c1' })).toMatchObject({ password: null, credentialsLocked: 'unknown-key' });
    const actor = { operatorId: 'local:张伟', operatorName: '张伟', workstationId: 'ws-1' };
    expect(ops.forgetLockedCredentials({ actor })).toBe(2);
    expect(ops.videoSource({ id: 'c1' })).toMatchObject({ username: null, password: null });
    expect(ops.syncCursor({ stream: 'video_points' })).toMatchObject({ phase: 'snapshot', resync: true });
    expect(lost.ready.prepare("SELECT action FROM audit_log WHERE action LIKE 'secrets.%'").all()).toEqual([{ action: 'secrets.forget-locked-credentials' }]);
    // The next snapshot rewrites every camera and its credentials with the new key.
    applySnapshotPage(lost.ready, 'video_points', { stream: 'video_points', asOf: 5, items: [{ entity: 'video_point', op: 'upsert', row: camera('c1', 'rtsp://u:pw-1@cam/x') }], next: null, total: 1 }, 5);
    expect(ops.videoSource({ id: 'c1' })).toMatchObject({ password: 'pw-1' });
    lost.close();
  });

  it('re-seals values of an older key with the current one (rotation)', () => {
    const file = path.join(tempDir(), 'vigil.db');
    const oldKey = newKey();
    const a = new StoreState(file, new SecretBox(keyringOf([oldKey])));
    a.open();
    applySnapshotPage(a.ready, 'video_points', { stream: 'video_points', asOf: 1, items: [{ entity: 'video_point', op: 'upsert', row: camera('c1', 'rtsp://u:pw-1@cam/x') }], next: null, total: 1 }, 1);
    a.close();
    const next = newKey();
    const b = new StoreState(file, new SecretBox(keyringOf([oldKey, next], next)));
    b.open();
    expect(createOps(b).sealCredentials()).toEqual({ sealed: 0, fromUrls: 0, resealed: 1 });
    b.close();
    const c = new StoreState(file, new SecretBox(keyringOf([next])));
    c.open();
    expect(createOps(c).videoSource({ id: 'c1' })).toMatchObject({ password: 'pw-1' });
    c.close();
  });

  it('splits userinfo from any stream address', () => {
    expect(splitUrlCredentials('rtsp://admin:p@ss@10.0.0.2:554/live?x=1')).toEqual({ url: 'rtsp://10.0.0.2:554/live?x=1', username: 'admin', password: 'p@ss' });
    expect(splitUrlCredentials('rtsp://viewer@cam/x')).toEqual({ url: 'rtsp://cam/x', username: 'viewer' });
    expect(splitUrlCredentials('rtsp://op%40city:p%3Ass@cam/x')).toEqual({ url: 'rtsp://cam/x', username: 'op@city', password: 'p:ss' });
    expect(splitUrlCredentials('rtsp://cam/x')).toEqual({ url: 'rtsp://cam/x' });
    // Not percent-encoded as it should be: still userinfo, never left in the stored address.
    expect(splitUrlCredentials('rtsp://op:a#b?c@cam:8554/x')).toEqual({ url: 'rtsp://cam:8554/x', username: 'op', password: 'a#b?c' });
    expect(splitUrlCredentials(null)).toEqual({ url: null });
  });
});
