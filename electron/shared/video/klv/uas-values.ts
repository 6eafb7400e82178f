import { utf8, utf8Decode } from '../bytes';
import { UAS_TEXT_MAX_BYTES, type UasCodec } from './uas-tags';

/** Why one item was set aside while the rest of its packet was kept. */
export type UasItemSkip = 'unknown-tag' | 'bad-length' | 'empty' | 'out-of-range' | 'bad-text' | 'duplicate';

export type ItemValue = { readonly value: number | string } | { readonly skip: UasItemSkip };

function readUnsigned(v: Uint8Array): number {
  let n = 0;
  for (const byte of v) n = n * 256 + byte;
  return n;
}

/**
 * One item's value bytes → its real value, per the ST 0601 mapping. Lengths are the standard's
 * fixed lengths; anything else is 'bad-length' rather than a guess. A zero-length item carries no
 * value at all ('empty').
 */
export function decodeItemValue(codec: UasCodec, v: Uint8Array): ItemValue {
  if (v.length === 0) return { skip: 'empty' };
  switch (codec.kind) {
    case 'unsigned': {
      if (v.length !== codec.bytes) return { skip: 'bad-length' };
      const top = 2 ** (8 * codec.bytes) - 1;
      return { value: codec.min + (readUnsigned(v) * (codec.max - codec.min)) / top };
    }
    case 'signed': {
      if (v.length !== codec.bytes) return { skip: 'bad-length' };
      const half = 2 ** (8 * codec.bytes - 1);
      const raw = readUnsigned(v);
      const signed = raw >= half ? raw - 2 * half : raw;
      // The one integer outside ±(half − 1): ST 0601's "out of range" / "N/A (off-Earth)" marker.
      if (signed === -half) return { skip: 'out-of-range' };
      return { value: (signed * codec.limit) / (half - 1) };
    }
    case 'microseconds': {
      if (v.length !== 8) return { skip: 'bad-length' };
      const us = readUnsigned(v);
      // Past 2^53 µs (year 2255) a number cannot hold every microsecond: no honest value to give.
      return us > Number.MAX_SAFE_INTEGER ? { skip: 'out-of-range' } : { value: us };
    }
    case 'text': {
      if (v.length > UAS_TEXT_MAX_BYTES) return { skip: 'bad-length' };
      const s = utf8Decode(v);
      return s === null ? { skip: 'bad-text' } : { value: s };
    }
    case 'count':
      return v.length === 1 ? { value: v[0]! } : { skip: 'bad-length' };
  }
}

function writeUnsigned(n: number, bytes: number): Uint8Array {
  const out = new Uint8Array(bytes);
  for (let i = bytes - 1, v = n; i >= 0; i--, v = Math.floor(v / 256)) out[i] = v % 256;
  return out;
}

/** The inverse, for the fixture encoder: values the standard cannot carry are a RangeError. */
export function encodeItemValue(codec: UasCodec, value: number | string): Uint8Array {
  if (codec.kind === 'text') {
    const bytes = utf8(String(value));
    if (bytes.length < 1 || bytes.length > UAS_TEXT_MAX_BYTES) throw new RangeError(`text of ${bytes.length} bytes`);
    return bytes;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new RangeError(`not a number: ${String(value)}`);
  switch (codec.kind) {
    case 'unsigned': {
      if (value < codec.min || value > codec.max) throw new RangeError(`${value} outside ${codec.min}..${codec.max}`);
      const top = 2 ** (8 * codec.bytes) - 1;
      return writeUnsigned(Math.round(((value - codec.min) * top) / (codec.max - codec.min)), codec.bytes);
    }
    case 'signed': {
      if (Math.abs(value) > codec.limit) throw new RangeError(`${value} outside ±${codec.limit}`);
      const half = 2 ** (8 * codec.bytes - 1);
      const n = Math.round((value * (half - 1)) / codec.limit);
      return writeUnsigned(n < 0 ? n + 2 * half : n, codec.bytes);
    }
    case 'microseconds':
      if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`not a timestamp: ${value}`);
      return writeUnsigned(value, 8);
    case 'count':
      if (!Number.isInteger(value) || value < 0 || value > 255) throw new RangeError(`not a version: ${value}`);
      return Uint8Array.of(value);
  }
}
