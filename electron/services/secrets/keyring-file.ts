// The secret box's keys on disk: one small JSON file outside the database (by default in the
// user's config folder, not the data folder a backup or a copied database carries along).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { keyIdOf, keyringOf, newKey, type Keyring } from './secret-box';
import type { KeyProtector } from './key-protector';

export const KEYRING_FILE = 'keyring.json';

export function defaultKeyringFile(): string {
  const base = process.env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config');
  return path.join(base, 'vigil', KEYRING_FILE);
}

const KeyringDoc = z.object({
  kind: z.literal('vigil-keyring'),
  version: z.literal(1),
  protector: z.enum(['file', 'safe-storage']),
  current: z.string().regex(/^[0-9a-f]{16}$/),
  keys: z.array(z.object({ id: z.string().regex(/^[0-9a-f]{16}$/), createdAt: z.string(), key: z.string().min(1) })).min(1),
});
type KeyringDoc = z.infer<typeof KeyringDoc>;

export type KeyFileProblem = 'missing' | 'too-open' | 'not-owner' | 'unreadable' | 'invalid' | 'wrong-protector';

export class KeyFileError extends Error {
  override readonly name = 'KeyFileError';
  constructor(readonly problem: KeyFileProblem, readonly file: string, message: string) {
    super(`key file ${file}: ${message}`);
  }
}

export interface LoadedKeyring {
  keyring: Keyring;
  file: string;
  /** True when this call made the file (there was none): nothing sealed before can open. */
  created: boolean;
}

/**
 * A file protected only by its permissions must be the user's own and closed to everyone else;
 * one that is not is refused rather than trusted (someone may have read or replaced it).
 */
function checkPermissions(file: string, protector: KeyProtector): void {
  if (protector.kind !== 'file' || process.platform === 'win32') return;
  const st = fs.statSync(file);
  if (!st.isFile()) throw new KeyFileError('invalid', file, 'is not a regular file');
  const uid = process.getuid?.();
  if (uid !== undefined && st.uid !== uid) throw new KeyFileError('not-owner', file, `belongs to user ${st.uid}, not to the user running Vigil (${uid})`);
  if ((st.mode & 0o077) !== 0) {
    throw new KeyFileError('too-open', file, `mode ${(st.mode & 0o777).toString(8)} lets other users read it; run chmod 600 on it (and consider its keys exposed: rotate them)`);
  }
}

export function readKeyring(file: string, protector: KeyProtector): Keyring {
  if (!fs.existsSync(file)) throw new KeyFileError('missing', file, 'does not exist');
  checkPermissions(file, protector);
  let doc: KeyringDoc;
  try {
    const parsed = KeyringDoc.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'not a keyring');
    doc = parsed.data;
  } catch (err) {
    throw new KeyFileError('invalid', file, `is not a Vigil keyring (${(err as Error).message})`);
  }
  if (doc.protector !== protector.kind) {
    throw new KeyFileError('wrong-protector', file, `was written by the ${doc.protector === 'safe-storage' ? 'Electron host (safeStorage)' : 'browser host (file permissions)'} and cannot be opened by this one`);
  }
  const keys = doc.keys.map((k) => {
    let key: Buffer;
    try {
      key = protector.unprotect(Buffer.from(k.key, 'base64'));
    } catch (err) {
      throw new KeyFileError('unreadable', file, `key ${k.id} cannot be unprotected (${(err as Error).message})`);
    }
    if (keyIdOf(key) !== k.id) throw new KeyFileError('invalid', file, `key ${k.id} does not match its id (altered?)`);
    return key;
  });
  const current = keys.find((k) => keyIdOf(k) === doc.current);
  if (!current) throw new KeyFileError('invalid', file, `its current key ${doc.current} is not among its keys`);
  return keyringOf(keys, current);
}

function docOf(keyring: Keyring, protector: KeyProtector, createdAt: ReadonlyMap<string, string>): KeyringDoc {
  return {
    kind: 'vigil-keyring',
    version: 1,
    protector: protector.kind,
    current: keyring.current,
    keys: [...keyring.keys].map(([id, key]) => ({ id, createdAt: createdAt.get(id) ?? new Date().toISOString(), key: protector.protect(key).toString('base64') })),
  };
}

function tempFileWith(file: string, text: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  const fd = fs.openSync(tmp, 'wx', 0o600);
  try {
    fs.writeFileSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return tmp;
}

/**
 * The keyring in `file`, made with a fresh key if there is none. Two processes starting at once
 * end up with the same file: the second's link fails and it reads the first's.
 */
export function loadOrCreateKeyring(file: string, protector: KeyProtector, keyring: Keyring = keyringOf([newKey()])): LoadedKeyring {
  if (fs.existsSync(file)) return { keyring: readKeyring(file, protector), file, created: false };
  const tmp = tempFileWith(file, `${JSON.stringify(docOf(keyring, protector, new Map()), null, 2)}\n`);
  try {
    fs.linkSync(tmp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return { keyring: readKeyring(file, protector), file, created: false };
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  return { keyring, file, created: true };
}

/**
 * Adds a fresh key and makes it current; older keys stay (values sealed with them still open)
 * until retireOldKeys drops them, after everything was sealed again.
 */
export function rotateKeyring(file: string, protector: KeyProtector): Keyring {
  const old = readKeyring(file, protector);
  const fresh = newKey();
  return writeKeyring(file, protector, keyringOf([...old.keys.values(), fresh], fresh), readCreatedAt(file));
}

/** Drops every key but the current one (after `rotate` and a re-seal of everything stored). */
export function retireOldKeys(file: string, protector: KeyProtector): Keyring {
  const ring = readKeyring(file, protector);
  return writeKeyring(file, protector, keyringOf([ring.keys.get(ring.current)!]), readCreatedAt(file));
}

function readCreatedAt(file: string): Map<string, string> {
  const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as KeyringDoc;
  return new Map(doc.keys.map((k) => [k.id, k.createdAt]));
}

function writeKeyring(file: string, protector: KeyProtector, keyring: Keyring, createdAt: ReadonlyMap<string, string>): Keyring {
  const tmp = tempFileWith(file, `${JSON.stringify(docOf(keyring, protector, createdAt), null, 2)}\n`);
  fs.renameSync(tmp, file);
  return keyring;
}
