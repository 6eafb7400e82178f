/**
 * BER lengths (SMPTE ST 336, X.690 definite form) and BER-OID tags, as MISB local sets use them.
 * Readers return the value and the offset after it, or why they could not: they never read past
 * the buffer and never throw.
 */

export type BerRead = { readonly value: number; readonly next: number } | { readonly error: 'truncated' | 'bad-length' };

/**
 * A length at `at`: short form (one byte below 0x80) or long form (0x80 | n, then n big-endian
 * bytes). Indefinite length (0x80 alone) is not allowed in KLV, and more than 7 length bytes
 * could not describe a buffer anyway, so both are 'bad-length'.
 */
export function readBerLength(b: Uint8Array, at: number): BerRead {
  const first = b[at];
  if (first === undefined) return { error: 'truncated' };
  if (first < 0x80) return { value: first, next: at + 1 };
  const count = first & 0x7f;
  if (count === 0 || count > 7) return { error: 'bad-length' };
  if (at + 1 + count > b.length) return { error: 'truncated' };
  let value = 0;
  for (let i = 0; i < count; i++) value = value * 256 + b[at + 1 + i]!;
  if (value > Number.MAX_SAFE_INTEGER) return { error: 'bad-length' };
  return { value, next: at + 1 + count };
}

/** The shortest BER length for `n`: what encoders are asked to write. */
export function berLength(n: number): Uint8Array {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a length: ${n}`);
  if (n < 0x80) return Uint8Array.of(n);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

/**
 * A BER-OID tag at `at`: 7 bits a byte, high bit set on all but the last. ST 0601 tags fit in two
 * bytes; four (28 bits) is the most accepted, and a leading 0x80 (a padded, non-minimal form)
 * is refused as X.690 requires.
 */
export function readBerOid(b: Uint8Array, at: number): BerRead {
  let value = 0;
  for (let i = 0; i < 4; i++) {
    const byte = b[at + i];
    if (byte === undefined) return { error: 'truncated' };
    if (i === 0 && byte === 0x80) return { error: 'bad-length' };
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) return { value, next: at + i + 1 };
  }
  return { error: 'bad-length' };
}

export function berOid(n: number): Uint8Array {
  if (!Number.isInteger(n) || n < 0 || n >= 2 ** 28) throw new RangeError(`not a tag: ${n}`);
  const bytes = [n & 0x7f];
  for (let v = Math.floor(n / 128); v > 0; v = Math.floor(v / 128)) bytes.unshift(0x80 | (v & 0x7f));
  return Uint8Array.from(bytes);
}
