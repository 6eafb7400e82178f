import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../test/support/temp';
import { filePermissionProtector, type KeyProtector } from './key-protector';
import { KeyFileError, loadOrCreateKeyring, readKeyring, retireOldKeys, rotateKeyring } from './keyring-file';
import { SecretBox } from './secret-box';

const tempDir = useTempDirs();

const problemOf = (f: () => unknown): string => {
  try {
    f();
  } catch (err) {
    if (err instanceof KeyFileError) return err.problem;
    throw err;
  }
  throw new Error('expected a KeyFileError');
};

describe('keyring file', () => {
  it('is made once, readable by its owner alone (0600, folder 0700), and read back the same', () => {
    const file = path.join(tempDir(), 'config', 'vigil', 'keyring.json');
    const made = loadOrCreateKeyring(file, filePermissionProtector);
    expect(made.created).toBe(true);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    const again = loadOrCreateKeyring(file, filePermissionProtector);
    expect(again.created).toBe(false);
    expect(again.keyring.current).toBe(made.keyring.current);
    const sealed = new SecretBox(made.keyring).seal('pw');
    expect(new SecretBox(again.keyring).open(sealed)).toBe('pw');
  });

  it('refuses a key file other users can read, and says how to fix it', () => {
    const file = path.join(tempDir(), 'keyring.json');
    loadOrCreateKeyring(file, filePermissionProtector);
    fs.chmodSync(file, 0o644);
    expect(problemOf(() => readKeyring(file, filePermissionProtector))).toBe('too-open');
    expect(() => readKeyring(file, filePermissionProtector)).toThrow(/chmod 600/);
  });

  it('says when it is missing, altered, or not a keyring', () => {
    const dir = tempDir();
    expect(problemOf(() => readKeyring(path.join(dir, 'none.json'), filePermissionProtector))).toBe('missing');
    const file = path.join(dir, 'keyring.json');
    loadOrCreateKeyring(file, filePermissionProtector);
    const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as { keys: { key: string }[] };
    doc.keys[0]!.key = Buffer.alloc(32, 7).toString('base64');
    fs.writeFileSync(file, JSON.stringify(doc));
    expect(problemOf(() => readKeyring(file, filePermissionProtector))).toBe('invalid');
    fs.writeFileSync(file, 'not json');
    expect(problemOf(() => readKeyring(file, filePermissionProtector))).toBe('invalid');
  });

  it('is never read by the other host’s protector', () => {
    const file = path.join(tempDir(), 'keyring.json');
    loadOrCreateKeyring(file, filePermissionProtector);
    // A stand-in for Electron's safeStorage (Electron does not run here): any reversible transform.
    const osStore: KeyProtector = { kind: 'safe-storage', protect: (k) => Buffer.from(k).reverse(), unprotect: (k) => Buffer.from(k).reverse() };
    expect(problemOf(() => readKeyring(file, osStore))).toBe('wrong-protector');
  });

  it('keeps the key protected by the protector it is given, not in the clear', () => {
    const file = path.join(tempDir(), 'keyring.json');
    const osStore: KeyProtector = { kind: 'safe-storage', protect: (k) => Buffer.concat([Buffer.from('os:'), Buffer.from(k).reverse()]), unprotect: (k) => Buffer.from(k.subarray(3)).reverse() };
    const { keyring } = loadOrCreateKeyring(file, osStore);
    const raw = keyring.keys.get(keyring.current)!;
    expect(fs.readFileSync(file, 'utf8')).not.toContain(raw.toString('base64'));
    expect(readKeyring(file, osStore).current).toBe(keyring.current);
  });

  it('rotates: a new current key, old values still open until the old keys are retired', () => {
    const file = path.join(tempDir(), 'keyring.json');
    const first = loadOrCreateKeyring(file, filePermissionProtector).keyring;
    const old = new SecretBox(first).seal('pw');
    const rotated = rotateKeyring(file, filePermissionProtector);
    expect(rotated.current).not.toBe(first.current);
    expect(new SecretBox(readKeyring(file, filePermissionProtector)).open(old)).toBe('pw');
    retireOldKeys(file, filePermissionProtector);
    const retired = readKeyring(file, filePermissionProtector);
    expect([...retired.keys.keys()]).toEqual([rotated.current]);
    expect(() => new SecretBox(retired).open(old)).toThrow(/does not hold/);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });
});
