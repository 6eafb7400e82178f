// `vigil secret …` as an engineer runs it: the shipped CLI bundle on a real data folder,
// keyring file and database.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test/support/temp';
import { runVigil } from '../../test/support/run-vigil';
import { filePermissionProtector } from '../services/secrets/key-protector';
import { loadOrCreateKeyring, readKeyring } from '../services/secrets/keyring-file';
import { SecretBox } from '../services/secrets/secret-box';
import { hubSecretFile, readHubSecret } from '../services/secrets/workstation-secrets';
import { createOps, StoreState } from '../services/store/ops';
import { applySnapshotPage } from '../services/store/sync-apply';

const tempDir = useTempDirs();

const vigil = (args: string[], stdin = '') => runVigil(args, { stdin });

function places(): { data: string; keyring: string; args: string[] } {
  const data = tempDir();
  const keyring = path.join(tempDir(), 'keyring.json');
  return { data, keyring, args: ['--data', data, '--keyring', keyring] };
}

/** One camera whose password is sealed with the keyring's current key. */
function cameraWithPassword(data: string, box: SecretBox, password: string): void {
  const state = new StoreState(path.join(data, 'vigil.db'), box);
  state.open();
  applySnapshotPage(state.ready, 'video_points', {
    stream: 'video_points', asOf: 1, next: null, total: 1,
    items: [{ entity: 'video_point', op: 'upsert', row: { id: 'c1', name: 'cam', location: { lat: 37.4, lon: 116.3 }, headingDeg: null, fovDeg: null, rangeM: null, mainUrl: `rtsp://operator:${password}@cam/x`, subUrl: null, codec: 'h264', ptz: false, department: 'd', district: 'd', online: true, updatedAt: 1, rowVersion: 1 } }],
  }, 1);
  state.close();
}

function passwordOf(data: string, box: SecretBox): unknown {
  const state = new StoreState(path.join(data, 'vigil.db'), box);
  state.open();
  try {
    return createOps(state).videoSource({ id: 'c1' });
  } finally {
    state.close();
  }
}

describe('vigil secret', () => {
  it('set-hub stores the hub secret from standard input, sealed, and makes the keyring if there is none', async () => {
    const p = places();
    const r = await vigil(['secret', 'set-hub', ...p.args], 'Hub-Secret-From-Stdin\n');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('stored sealed');
    expect(fs.readFileSync(hubSecretFile(p.data), 'utf8')).not.toContain('Hub-Secret-From-Stdin');
    expect(readHubSecret(p.data, new SecretBox(readKeyring(p.keyring, filePermissionProtector)))).toBe('Hub-Secret-From-Stdin');
    expect(fs.statSync(p.keyring).mode & 0o777).toBe(0o600);
  });

  it('set-hub refuses an empty secret', async () => {
    const p = places();
    const r = await vigil(['secret', 'set-hub', ...p.args], '\n');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/1 to 200 characters/);
    expect(fs.existsSync(hubSecretFile(p.data))).toBe(false);
  });

  it('rotate seals the camera credentials and the hub secret with a new key and retires the old one', async () => {
    const p = places();
    const before = loadOrCreateKeyring(p.keyring, filePermissionProtector).keyring;
    cameraWithPassword(p.data, new SecretBox(before), 'Rotate-Me-Pw');
    await vigil(['secret', 'set-hub', ...p.args], 'hub-secret-1');
    const r = await vigil(['secret', 'rotate', ...p.args]);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/new key [0-9a-f]{16}; 1 camera credential\(s\) and the hub secret sealed with it; old keys retired/);
    const after = readKeyring(p.keyring, filePermissionProtector);
    expect(after.current).not.toBe(before.current);
    expect([...after.keys.keys()]).toEqual([after.current]);
    expect(passwordOf(p.data, new SecretBox(after))).toMatchObject({ password: 'Rotate-Me-Pw' });
    expect(readHubSecret(p.data, new SecretBox(after))).toBe('hub-secret-1');
  });

  it('forget-locked, after a lost keyring, drops what no key opens, audits it and asks the hub again', async () => {
    const p = places();
    const lost = loadOrCreateKeyring(p.keyring, filePermissionProtector).keyring;
    cameraWithPassword(p.data, new SecretBox(lost), 'Lost-Pw');
    fs.rmSync(p.keyring);
    const r = await vigil(['secret', 'forget-locked', ...p.args, '--operator', '李工', '--workstation', 'ws-07']);
    expect(r.err).toBe('');
    expect(r.out).toContain('new keyring');
    expect(r.out).toContain('1 camera credential(s) forgotten; the hub sends them again at the next sync');
    const db = new Database(path.join(p.data, 'vigil.db'), { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) AS n FROM video_credentials').get()).toEqual({ n: 0 });
      expect(db.prepare("SELECT operator_name AS who, workstation_id AS ws FROM audit_log WHERE action = 'secrets.forget-locked-credentials'").all()).toEqual([{ who: '李工', ws: 'ws-07' }]);
    } finally {
      db.close();
    }
  });
});
