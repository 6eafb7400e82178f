/**
 * How the keyring file protects its keys. Services may not import Electron, so the Electron
 * host implements this with safeStorage (the operating system's key store) and passes it in;
 * the browser host, with no key store to ask, relies on the file's permissions alone.
 */
export interface KeyProtector {
  /** Written into the keyring file: a file protected one way is never read another way. */
  readonly kind: 'file' | 'safe-storage';
  protect(key: Buffer): Buffer;
  unprotect(protectedKey: Buffer): Buffer;
}

/** The browser host's protector: the key as it is, in a 0600 file outside the data folder. */
export const filePermissionProtector: KeyProtector = {
  kind: 'file',
  protect: (key) => Buffer.from(key),
  unprotect: (stored) => Buffer.from(stored),
};
