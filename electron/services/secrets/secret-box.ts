// The one place secrets are encrypted at rest (camera passwords, the hub secret, and whatever
// else another part must keep: call seal/open, never roll your own). AES-256-GCM with a key that
// lives outside the database (keyring-file.ts); the sealed form names its format version and
// key, so keys can rotate and an old sealed value is still recognised.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** Sealed layout, version 1: "VS" · 0x01 · key id (8) · IV (12) · GCM tag (16) · ciphertext. */
const MAGIC = Buffer.from('VS', 'latin1');
const VERSION = 1;
const KEY_ID_BYTES = 8;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + 1 + KEY_ID_BYTES;
const OVERHEAD = HEADER_BYTES + IV_BYTES + TAG_BYTES;
export const KEY_BYTES = 32;
/** Text form, for TEXT columns and files: this prefix and base64 of the binary form. */
const TEXT_PREFIX = 'vigil-sealed:';

export type SecretBoxProblem = 'not-sealed' | 'unsupported-version' | 'unknown-key' | 'tampered';

export class SecretBoxError extends Error {
  override readonly name = 'SecretBoxError';
  constructor(readonly problem: SecretBoxProblem, message: string) {
    super(message);
  }
}

/** A key's public name: derived from the key, so a keyring cannot mislabel one. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update('vigil secret-box key id\0').update(key).digest().subarray(0, KEY_ID_BYTES).toString('hex');
}

export function newKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

export interface Keyring {
  /** The key new values are sealed with. */
  readonly current: string;
  /** Every key that may still open a value, by id (the current one included). */
  readonly keys: ReadonlyMap<string, Buffer>;
}

export function keyringOf(keys: readonly Buffer[], current = keys.at(-1)): Keyring {
  if (!current) throw new Error('a keyring needs at least one key');
  for (const k of keys) if (k.length !== KEY_BYTES) throw new Error(`a secret-box key is ${KEY_BYTES} bytes`);
  return { current: keyIdOf(current), keys: new Map(keys.map((k) => [keyIdOf(k), k])) };
}

/**
 * `context` binds a sealed value to where it is kept (e.g. the camera id): the same bytes
 * moved to another camera's row fail to open instead of lending it a password.
 */
export class SecretBox {
  constructor(private readonly keyring: Keyring) {
    if (!keyring.keys.has(keyring.current)) throw new Error('the current key is not in the keyring');
  }

  get currentKeyId(): string {
    return this.keyring.current;
  }

  holds(keyId: string): boolean {
    return this.keyring.keys.has(keyId);
  }

  seal(plain: string, context = ''): Buffer {
    const header = Buffer.concat([MAGIC, Buffer.of(VERSION), Buffer.from(this.keyring.current, 'hex')]);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keyring.keys.get(this.keyring.current)!, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.concat([header, Buffer.from(context, 'utf8')]));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([header, iv, cipher.getAuthTag(), body]);
  }

  /** The plaintext, or a SecretBoxError saying why not: never garbage from a damaged value. */
  open(sealed: Uint8Array, context = ''): string {
    const buf = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
    const keyId = sealedKeyId(buf);
    const key = this.keyring.keys.get(keyId);
    if (!key) throw new SecretBoxError('unknown-key', `sealed with key ${keyId}, which this workstation's keyring does not hold (lost or retired)`);
    const iv = buf.subarray(HEADER_BYTES, HEADER_BYTES + IV_BYTES);
    const tag = buf.subarray(HEADER_BYTES + IV_BYTES, OVERHEAD);
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.concat([buf.subarray(0, HEADER_BYTES), Buffer.from(context, 'utf8')]));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(buf.subarray(OVERHEAD)), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretBoxError('tampered', 'the sealed value fails its authentication check: it was altered, or belongs elsewhere');
    }
  }

  sealText(plain: string, context = ''): string {
    return TEXT_PREFIX + this.seal(plain, context).toString('base64');
  }

  openText(sealed: string, context = ''): string {
    if (!sealed.startsWith(TEXT_PREFIX)) throw new SecretBoxError('not-sealed', 'not a sealed value');
    return this.open(Buffer.from(sealed.slice(TEXT_PREFIX.length), 'base64'), context);
  }

  /** True when `sealed` was sealed with an older key and should be sealed again (rotation). */
  isStale(sealed: Uint8Array): boolean {
    return sealedKeyId(Buffer.from(sealed)) !== this.keyring.current;
  }
}

/** The id of the key a sealed value needs; throws when it is not a sealed value at all. */
export function sealedKeyId(sealed: Buffer): string {
  if (sealed.length < OVERHEAD || !sealed.subarray(0, MAGIC.length).equals(MAGIC)) throw new SecretBoxError('not-sealed', 'not a sealed value');
  const version = sealed[MAGIC.length];
  if (version !== VERSION) throw new SecretBoxError('unsupported-version', `sealed format version ${version} is newer than this Vigil understands`);
  return sealed.subarray(MAGIC.length + 1, HEADER_BYTES).toString('hex');
}

export function isSealed(value: Uint8Array): boolean {
  try {
    sealedKeyId(Buffer.from(value));
    return true;
  } catch {
    return false;
  }
}
