import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { berLength, berOid, readBerLength, readBerOid } from './ber';

describe('BER lengths', () => {
  it('short form below 128, shortest long form above, and reads back whatever follows', () => {
    expect([...berLength(0)]).toEqual([0]);
    expect([...berLength(127)]).toEqual([0x7f]);
    expect([...berLength(128)]).toEqual([0x81, 0x80]);
    expect([...berLength(201)]).toEqual([0x81, 0xc9]);
    expect([...berLength(0x1234)]).toEqual([0x82, 0x12, 0x34]);
    fc.assert(
      fc.property(fc.maxSafeNat(), fc.uint8Array({ maxLength: 4 }), (n, tail) => {
        const bytes = Uint8Array.from([...berLength(n), ...tail]);
        expect(readBerLength(bytes, 0)).toEqual({ value: n, next: bytes.length - tail.length });
      }),
    );
  });

  it('accepts long forms longer than needed, as SMPTE ST 336 allows (four-byte lengths are common)', () => {
    expect(readBerLength(Uint8Array.of(0x84, 0, 0, 0, 5), 0)).toEqual({ value: 5, next: 5 });
    expect(readBerLength(Uint8Array.of(9, 0x81, 0x05), 1)).toEqual({ value: 5, next: 3 });
  });

  it('refuses the indefinite form and lengths of more than seven bytes; says when the bytes end first', () => {
    expect(readBerLength(Uint8Array.of(0x80, 1), 0)).toEqual({ error: 'bad-length' });
    expect(readBerLength(Uint8Array.of(0x88, 0, 0, 0, 0, 0, 0, 0, 1), 0)).toEqual({ error: 'bad-length' });
    expect(readBerLength(Uint8Array.of(0x87, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff), 0)).toEqual({ error: 'bad-length' }); // past 2^53
    expect(readBerLength(Uint8Array.of(0x82, 1), 0)).toEqual({ error: 'truncated' });
    expect(readBerLength(new Uint8Array(0), 0)).toEqual({ error: 'truncated' });
  });

  it('never reads past the bytes it was given', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 12 }), fc.nat(14), (bytes, at) => {
        const r = readBerLength(bytes, at);
        if ('next' in r) expect(r.next).toBeLessThanOrEqual(bytes.length);
        const t = readBerOid(bytes, at);
        if ('next' in t) expect(t.next).toBeLessThanOrEqual(bytes.length);
      }),
    );
  });
});

describe('BER-OID tags', () => {
  it('one byte up to 127, seven bits a byte beyond (ST 0601 tags 128 and up take two)', () => {
    expect([...berOid(1)]).toEqual([0x01]);
    expect([...berOid(65)]).toEqual([0x41]);
    expect([...berOid(127)]).toEqual([0x7f]);
    expect([...berOid(128)]).toEqual([0x81, 0x00]);
    expect([...berOid(143)]).toEqual([0x81, 0x0f]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 28 - 1 }), (n) => {
        const bytes = berOid(n);
        expect(readBerOid(bytes, 0)).toEqual({ value: n, next: bytes.length });
      }),
    );
  });

  it('refuses a padded first byte, more than four bytes, and a tag cut short', () => {
    expect(readBerOid(Uint8Array.of(0x80, 0x01), 0)).toEqual({ error: 'bad-length' });
    expect(readBerOid(Uint8Array.of(0x81, 0x81, 0x81, 0x81, 0x01), 0)).toEqual({ error: 'bad-length' });
    expect(readBerOid(Uint8Array.of(0x81), 0)).toEqual({ error: 'truncated' });
  });
});
