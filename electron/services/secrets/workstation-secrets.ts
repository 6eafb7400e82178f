// The workstation's secrets at start: its keyring (made on first start), the check that no
// stored credential was sealed with a key that is gone, and the hub secret kept sealed in the
// data folder so it need not stay in an environment variable.
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../log/logger';
import type { Store } from '../store/store';
import type { StoreKeys } from '../store/worker-protocol';
import { KeyFileError, loadOrCreateKeyring, readKeyring } from './keyring-file';
import type { KeyProtector } from './key-protector';
import { keyringOf, newKey, SecretBox, SecretBoxError, type Keyring } from './secret-box';

export const HUB_SECRET_FILE = 'hub-secret.sealed';
const HUB_SECRET_CONTEXT = 'hub-secret';

export class LostKeyError extends Error {
  override readonly name = 'LostKeyError';
}

export interface WorkstationSecrets {
  box: SecretBox;
  keyring: Keyring;
  /** For Store.start: the worker opens and seals camera credentials with these. */
  storeKeys: StoreKeys;
  /** The keyring was just made and is not yet on disk (a database already existed): see settleCredentials. */
  pending: (() => void) | null;
}

function fromKeyring(keyring: Keyring, pending: (() => void) | null): WorkstationSecrets {
  return { box: new SecretBox(keyring), keyring, storeKeys: { current: keyring.keys.get(keyring.current)!, keys: [...keyring.keys.values()] }, pending };
}

/**
 * The keyring for a data folder. With no keyring file and no database yet, a new one is written
 * at once. With a database already there, the new keyring is held back until settleCredentials
 * has seen that nothing stored needs the missing one: a key file that is only unmounted or
 * misplaced must not be replaced by a new key behind the operator's back.
 */
export function openWorkstationSecrets(keyringFile: string, databaseFile: string, protector: KeyProtector): WorkstationSecrets {
  if (fs.existsSync(keyringFile)) return fromKeyring(readKeyring(keyringFile, protector), null);
  const fresh = !fs.existsSync(databaseFile) || fs.statSync(databaseFile).size === 0;
  if (fresh) return fromKeyring(loadOrCreateKeyring(keyringFile, protector).keyring, null);
  const keyring = keyringOf([newKey()]);
  return fromKeyring(keyring, () => {
    const written = loadOrCreateKeyring(keyringFile, protector, keyring);
    if (!written.created) throw new KeyFileError('invalid', keyringFile, 'appeared while Vigil was starting; start Vigil again');
  });
}

/**
 * After the store opened: refuses to go on when the keyring is new but credentials were sealed
 * with another key (lost key file), else writes a new keyring, then seals what is stored in the
 * clear (migration 0050's step) and re-seals what an older key sealed (rotation).
 */
export async function settleCredentials(store: Store, secrets: WorkstationSecrets, keyringFile: string, log: Logger): Promise<void> {
  const unknown = (await store.call('credentialKeyIds')).filter((id) => !secrets.box.holds(id));
  if (unknown.length > 0 && secrets.pending) {
    throw new LostKeyError(
      `the keyring ${keyringFile} is missing, but the database holds camera credentials sealed with key ${unknown.join(', ')}. ` +
        'Put the keyring file back, or run `vigil secret forget-locked` to drop those credentials (the hub sends them again at the next sync).',
    );
  }
  secrets.pending?.();
  if (unknown.length > 0) log.error({ keys: unknown, keyringFile }, 'some camera credentials were sealed with a key this keyring does not hold; those cameras cannot play until `vigil secret forget-locked` and a re-sync');
  const done = await store.call('sealCredentials');
  if (done.sealed + done.fromUrls + done.resealed > 0) log.info(done, 'camera credentials sealed at rest');
}

export function hubSecretFile(dataDir: string): string {
  return path.join(dataDir, HUB_SECRET_FILE);
}

/** Keeps the workstation's secret at the hub sealed in the data folder (mode 0600). */
export function saveHubSecret(dataDir: string, box: SecretBox, secret: string): void {
  const file = hubSecretFile(dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${box.sealText(secret, HUB_SECRET_CONTEXT)}\n`, { mode: 0o600 });
  fs.renameSync(tmp, file);
}

/** The stored hub secret, null when none is stored; a value that does not open is an error that says so. */
export function readHubSecret(dataDir: string, box: SecretBox): string | null {
  const file = hubSecretFile(dataDir);
  if (!fs.existsSync(file)) return null;
  try {
    return box.openText(fs.readFileSync(file, 'utf8').trim(), HUB_SECRET_CONTEXT);
  } catch (err) {
    if (!(err instanceof SecretBoxError)) throw err;
    throw new Error(`the stored hub secret ${file} cannot be opened (${err.message}); set it again with \`vigil secret set-hub\``, { cause: err });
  }
}

/**
 * The secret to present to the hub: VIGIL_HUB_SECRET when given (and then stored sealed, so the
 * variable can go), else the stored one.
 */
export function resolveHubSecret(dataDir: string, box: SecretBox, fromEnv: string | null, log: Logger): string | null {
  const stored = readHubSecret(dataDir, box);
  if (fromEnv === null) return stored;
  if (stored !== fromEnv) {
    saveHubSecret(dataDir, box, fromEnv);
    log.info({ file: hubSecretFile(dataDir) }, 'hub secret from VIGIL_HUB_SECRET stored sealed; the variable is no longer needed');
  }
  return fromEnv;
}
