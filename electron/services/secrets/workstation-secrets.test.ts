// The workstation's secrets as the runtime starts them: real database file, real store worker,
// real keyring file on disk.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { startHub } from '../../hub/hub';
import { startTestRuntime } from '../../../test/support/runtime';
import { useTempDirs } from '../../../test/support/temp';
import { createLogger } from '../log/logger';
import { StoreState } from '../store/ops';
import { applySnapshotPage } from '../store/sync-apply';
import { filePermissionProtector } from './key-protector';
import { loadOrCreateKeyring, readKeyring } from './keyring-file';
import { keyringOf, newKey, SecretBox } from './secret-box';
import { hubSecretFile, LostKeyError, readHubSecret, resolveHubSecret, saveHubSecret } from './workstation-secrets';

const tempDir = useTempDirs();
const PASSWORD = 'Lost-Key-Cam-Pw-5r!';

/** A data folder whose database holds one camera password sealed with a key that is then lost. */
function databaseSealedWithAnotherKey(dataDir: string): void {
  const state = new StoreState(path.join(dataDir, 'vigil.db'), new SecretBox(keyringOf([newKey()])));
  state.open();
  applySnapshotPage(state.ready, 'video_points', {
    stream: 'video_points', asOf: 1, next: null, total: 1,
    items: [{ entity: 'video_point', op: 'upsert', row: { id: 'c1', name: 'cam', location: { lat: 37.4, lon: 116.3 }, headingDeg: null, fovDeg: null, rangeM: null, mainUrl: `rtsp://operator:${PASSWORD}@cam/x`, subUrl: null, codec: 'h264', ptz: false, department: 'd', district: 'd', online: true, updatedAt: 1, rowVersion: 1 } }],
  }, 1);
  state.close();
}

describe('workstation secrets at start', () => {
  it('makes the keyring on first start, outside the database, 0600, and uses it again on the next', async () => {
    const dataDir = tempDir();
    const keyringFile = path.join(tempDir(), 'config', 'keyring.json');
    const rt = await startTestRuntime(dataDir, { keyringFile });
    await rt.close();
    expect(fs.statSync(keyringFile).mode & 0o777).toBe(0o600);
    const first = readKeyring(keyringFile, filePermissionProtector).current;
    const again = await startTestRuntime(dataDir, { keyringFile });
    await again.close();
    expect(readKeyring(keyringFile, filePermissionProtector).current).toBe(first);
  });

  it('refuses to start when the keyring is missing but the database holds sealed credentials, and writes no new keyring', async () => {
    const dataDir = tempDir();
    databaseSealedWithAnotherKey(dataDir);
    const keyringFile = path.join(tempDir(), 'keyring.json');
    const started = startTestRuntime(dataDir, { keyringFile });
    await expect(started).rejects.toBeInstanceOf(LostKeyError);
    await expect(started).rejects.toThrow(/keyring .* is missing.*vigil secret forget-locked/s);
    expect(fs.existsSync(keyringFile)).toBe(false);
  });

  it('refuses to start with a keyring other users can read, saying how to fix it', async () => {
    const keyringFile = path.join(tempDir(), 'keyring.json');
    loadOrCreateKeyring(keyringFile, filePermissionProtector);
    fs.chmodSync(keyringFile, 0o640);
    await expect(startTestRuntime(tempDir(), { keyringFile })).rejects.toThrow(/chmod 600/);
  });

  it('starts with a keyring that lacks the old key; that camera then reports locked credentials, not a wrong password', async () => {
    const dataDir = tempDir();
    databaseSealedWithAnotherKey(dataDir);
    const keyringFile = path.join(tempDir(), 'keyring.json');
    loadOrCreateKeyring(keyringFile, filePermissionProtector);
    const rt = await startTestRuntime(dataDir, { keyringFile });
    try {
      expect(await rt.store.call('videoSource', { id: 'c1' })).toMatchObject({ password: null, credentialsLocked: 'unknown-key' });
    } finally {
      await rt.close();
    }
    const log = fs.readFileSync(path.join(dataDir, 'logs', 'vigil.log'), 'utf8');
    expect(log).toContain('sealed with a key this keyring does not hold');
    expect(log).not.toContain(PASSWORD);
  });

  it('keeps the hub secret sealed in the data folder, taken once from the environment', () => {
    const dataDir = tempDir();
    const box = new SecretBox(keyringOf([newKey()]));
    const log = createLogger({ dir: path.join(dataDir, 'logs') });
    expect(resolveHubSecret(dataDir, box, null, log)).toBeNull();
    expect(resolveHubSecret(dataDir, box, 'hub-Secret-of-ws-03', log)).toBe('hub-Secret-of-ws-03');
    expect(fs.readFileSync(hubSecretFile(dataDir), 'utf8')).not.toContain('hub-Secret-of-ws-03');
    expect(fs.statSync(hubSecretFile(dataDir)).mode & 0o777).toBe(0o600);
    // Later starts need no variable.
    expect(resolveHubSecret(dataDir, box, null, log)).toBe('hub-Secret-of-ws-03');
    saveHubSecret(dataDir, box, 'rotated-at-hub');
    expect(readHubSecret(dataDir, box)).toBe('rotated-at-hub');
  });

  it('says so when the stored hub secret was altered or sealed with another key', () => {
    const dataDir = tempDir();
    const box = new SecretBox(keyringOf([newKey()]));
    saveHubSecret(dataDir, box, 'hub-secret');
    expect(() => readHubSecret(dataDir, new SecretBox(keyringOf([newKey()])))).toThrow(/cannot be opened .*vigil secret set-hub/);
    const text = fs.readFileSync(hubSecretFile(dataDir), 'utf8').trim();
    fs.writeFileSync(hubSecretFile(dataDir), `${text.slice(0, -6)}AAAA==\n`);
    expect(() => readHubSecret(dataDir, box)).toThrow(/cannot be opened/);
  });

  it('a runtime against a hub needs a secret: from the environment once, or stored', async () => {
    const dataDir = tempDir();
    const keyringFile = path.join(tempDir(), 'keyring.json');
    await expect(startTestRuntime(dataDir, { keyringFile, hubUrl: 'http://127.0.0.1:9/' })).rejects.toThrow(/VIGIL_HUB_SECRET.*vigil secret set-hub/);
  });

  it('syncs with a real hub on the secret it stored from the environment, with no variable the second time', async () => {
    const hubDir = tempDir();
    const hub = await startHub({ dataDir: hubDir, port: 0, workstations: [{ id: 'ws-dispatch-03', secret: 'Hub-Secret-Once' }], simulator: { seed: 3, cameras: 5, units: 2, autoTick: false }, log: pino({ level: 'silent' }) });
    try {
      const dataDir = tempDir();
      const keyringFile = path.join(tempDir(), 'keyring.json');
      for (const hubSecret of ['Hub-Secret-Once', null]) {
        const rt = await startTestRuntime(dataDir, { keyringFile, hubUrl: hub.url, hubSecret });
        try {
          const hubState = async () => (await rt.handlers['session.get']({}, { connection: 'test' })).hub.state;
          await expect.poll(hubState, { timeout: 15_000 }).toBe('online');
        } finally {
          await rt.close();
        }
      }
      expect(fs.readFileSync(hubSecretFile(dataDir), 'utf8')).not.toContain('Hub-Secret-Once');
      expect(fs.readFileSync(path.join(dataDir, 'logs', 'vigil.log'), 'utf8')).not.toContain('Hub-Secret-Once');
    } finally {
      await hub.close();
    }
  });
});
