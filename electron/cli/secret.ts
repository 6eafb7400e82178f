// `vigil secret …`: the workstation's secrets at rest from the command line (docs/operations.md,
// "Secrets"). These run while Vigil is stopped: they change the keyring and the database's
// sealed credentials, which a running Vigil holds in memory.
import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE, actorOf, type RuntimeOptions } from '../services/runtime/options';
import { filePermissionProtector } from '../services/secrets/key-protector';
import { loadOrCreateKeyring, readKeyring, retireOldKeys, rotateKeyring } from '../services/secrets/keyring-file';
import { SecretBox } from '../services/secrets/secret-box';
import { hubSecretFile, readHubSecret, saveHubSecret } from '../services/secrets/workstation-secrets';
import { StoreState, createOps } from '../services/store/ops';

export interface SecretCommand {
  dataDir: string;
  keyringFile: string;
}

/** Opens the database in this process with `box`; throws (changing nothing) when it cannot be used. */
function withStore<T>(o: SecretCommand, box: SecretBox, work: (ops: ReturnType<typeof createOps>) => T): T {
  const state = new StoreState(path.join(o.dataDir, DATABASE_FILE), box);
  const status = state.open();
  if (status.state !== 'ready') throw new Error(`the database cannot be used (${status.state === 'damaged' ? `${status.reason}: ${status.detail}` : status.state}); nothing was changed`);
  try {
    return work(createOps(state));
  } finally {
    state.close();
  }
}

/** Stores the hub secret (read from standard input, never the command line) sealed in the data folder. */
export function setHubSecret(o: SecretCommand, secret: string): string {
  const value = secret.replace(/\r?\n$/, '');
  if (!value || value.length > 200) throw new Error('the hub secret is 1 to 200 characters, given on standard input');
  const { keyring } = loadOrCreateKeyring(o.keyringFile, filePermissionProtector);
  saveHubSecret(o.dataDir, new SecretBox(keyring), value);
  return `hub secret stored sealed in ${hubSecretFile(o.dataDir)}; VIGIL_HUB_SECRET is no longer needed`;
}

/**
 * A new key: everything stored is sealed again with it (camera credentials, the hub secret), then
 * the old keys are dropped. If the database cannot be used the old keys stay, so nothing is lost.
 */
export function rotateKeys(o: SecretCommand): string {
  const before = readKeyring(o.keyringFile, filePermissionProtector);
  const hub = readHubSecret(o.dataDir, new SecretBox(before));
  const box = new SecretBox(rotateKeyring(o.keyringFile, filePermissionProtector));
  const dbExists = fs.existsSync(path.join(o.dataDir, DATABASE_FILE));
  const done = dbExists ? withStore(o, box, (ops) => ops.sealCredentials()) : { sealed: 0, fromUrls: 0, resealed: 0 };
  if (hub !== null) saveHubSecret(o.dataDir, box, hub);
  retireOldKeys(o.keyringFile, filePermissionProtector);
  return `new key ${box.currentKeyId}; ${done.resealed + done.sealed + done.fromUrls} camera credential(s)${hub !== null ? ' and the hub secret' : ''} sealed with it; old keys retired`;
}

/**
 * After a lost keyring: drops the camera credentials no key here opens and has the next sync
 * download the camera catalogue again, credentials included. Audited.
 */
export function forgetLocked(o: SecretCommand, options: Pick<RuntimeOptions, 'workstationId' | 'operatorName'>): string {
  const { keyring, created } = loadOrCreateKeyring(o.keyringFile, filePermissionProtector);
  const forgotten = withStore(o, new SecretBox(keyring), (ops) => ops.forgetLockedCredentials({ actor: actorOf(options) }));
  return `${created ? `new keyring ${o.keyringFile}; ` : ''}${forgotten} camera credential(s) forgotten${forgotten ? '; the hub sends them again at the next sync' : ''}`;
}
