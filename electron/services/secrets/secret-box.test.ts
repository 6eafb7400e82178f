import { describe, expect, it } from 'vitest';
import { isSealed, keyIdOf, keyringOf, newKey, SecretBox, SecretBoxError, sealedKeyId } from './secret-box';

const problemOf = (f: () => unknown): string => {
  try {
    f();
  } catch (err) {
    if (err instanceof SecretBoxError) return err.problem;
    throw err;
  }
  throw new Error('expected a SecretBoxError');
};

describe('secret box', () => {
  const key = newKey();
  const box = new SecretBox(keyringOf([key]));

  it('opens what it sealed, in any script, and never shows the plaintext in the sealed bytes', () => {
    for (const plain of ['', 'Cam#2024!', '值守-密码-😀', 'x'.repeat(10_000)]) {
      const sealed = box.seal(plain, 'video_credentials:cam-1');
      expect(box.open(sealed, 'video_credentials:cam-1')).toBe(plain);
      if (plain) expect(sealed.includes(Buffer.from(plain))).toBe(false);
    }
  });

  it('seals the same value differently every time (fresh IV)', () => {
    expect(box.seal('same').equals(box.seal('same'))).toBe(false);
  });

  it('names its format version and key, so keys can rotate', () => {
    const sealed = box.seal('pw');
    expect(sealed.subarray(0, 3).toString('latin1')).toBe('VS\u0001');
    expect(sealedKeyId(sealed)).toBe(keyIdOf(key));
    expect(isSealed(sealed)).toBe(true);
    expect(isSealed(Buffer.from('plain password'))).toBe(false);
  });

  it('detects any altered byte instead of returning garbage', () => {
    const sealed = box.seal('Cam#2024!', 'ctx');
    // Every byte after the key id: IV, tag and ciphertext.
    for (let i = 11; i < sealed.length; i++) {
      const bad = Buffer.from(sealed);
      bad[i]! ^= 0x01;
      expect(problemOf(() => box.open(bad, 'ctx'))).toBe('tampered');
    }
    expect(problemOf(() => box.open(sealed.subarray(0, sealed.length - 1), 'ctx'))).toBe('tampered');
  });

  it('refuses a value moved to another place (context) as tampered', () => {
    const sealed = box.seal('pw-of-cam-1', 'video_credentials:cam-1');
    expect(problemOf(() => box.open(sealed, 'video_credentials:cam-2'))).toBe('tampered');
  });

  it('says which key is missing, a newer format, and not-sealed input', () => {
    const other = new SecretBox(keyringOf([newKey()]));
    expect(problemOf(() => other.open(box.seal('pw')))).toBe('unknown-key');
    const future = box.seal('pw');
    future[2] = 2;
    expect(problemOf(() => box.open(future))).toBe('unsupported-version');
    expect(problemOf(() => box.open(Buffer.from('admin123')))).toBe('not-sealed');
    expect(problemOf(() => box.openText('admin123'))).toBe('not-sealed');
  });

  it('after rotation opens values of the old key, seals with the new one and marks old values stale', () => {
    const next = newKey();
    const rotated = new SecretBox(keyringOf([key, next], next));
    const old = box.seal('pw', 'c');
    expect(rotated.open(old, 'c')).toBe('pw');
    expect(rotated.isStale(old)).toBe(true);
    expect(rotated.isStale(rotated.seal('pw'))).toBe(false);
    expect(sealedKeyId(rotated.seal('pw'))).toBe(keyIdOf(next));
  });

  it('has a text form for files and TEXT columns', () => {
    const text = box.sealText('hub-secret-值', 'hub-secret');
    expect(text).toMatch(/^vigil-sealed:[A-Za-z0-9+/=]+$/);
    expect(box.openText(text, 'hub-secret')).toBe('hub-secret-值');
  });

  it('refuses keys of the wrong size', () => {
    expect(() => keyringOf([Buffer.alloc(16)])).toThrow(/32 bytes/);
  });
});
