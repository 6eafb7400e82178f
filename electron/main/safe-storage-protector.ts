import { safeStorage } from 'electron';
import type { KeyProtector } from '../services/secrets/key-protector';

/**
 * The keyring's keys encrypted by the operating system's key store (DPAPI, Keychain, libsecret /
 * kwallet). On a Linux desktop without a key store Electron falls back to a fixed built-in key
 * ("basic_text"), which protects nothing: then null, and the host keeps the keyring as the
 * browser host does, readable by the user alone.
 */
export function safeStorageProtector(): KeyProtector | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return null;
  return {
    kind: 'safe-storage',
    protect: (key) => safeStorage.encryptString(key.toString('base64')),
    unprotect: (stored) => Buffer.from(safeStorage.decryptString(stored), 'base64'),
  };
}
