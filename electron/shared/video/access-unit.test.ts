import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { h264NalType, h265NalType, splitAnnexB, toAnnexB } from './access-unit';

/** NAL units as encoders write them: no 00 00 0x (x ≤ 3) inside, thanks to emulation prevention, and no trailing zero. */
const nalu = fc
  .uint8Array({ minLength: 1, maxLength: 200 })
  .filter((n) => n[n.length - 1] !== 0 && !n.some((b, i) => b === 0 && n[i + 1] === 0 && (n[i + 2] ?? 0) <= 3));

describe('Annex B', () => {
  it('splits back exactly the NAL units it joined', () => {
    fc.assert(
      fc.property(fc.array(nalu, { maxLength: 8 }), (nalus) => {
        const stream = toAnnexB(nalus);
        expect(stream.length).toBe(nalus.reduce((n, u) => n + 4 + u.length, 0));
        expect(splitAnnexB(stream).map((n) => Array.from(n))).toEqual(nalus.map((n) => Array.from(n)));
      }),
    );
  });

  it('reads 3-byte start codes and ignores bytes before the first', () => {
    expect(splitAnnexB(Uint8Array.of(9, 9, 0, 0, 1, 0x67, 1, 0, 0, 0, 1, 0x68, 2, 0, 0, 1, 0x65))).toEqual([Uint8Array.of(0x67, 1), Uint8Array.of(0x68, 2), Uint8Array.of(0x65)]);
    expect(splitAnnexB(Uint8Array.of(1, 2, 3))).toEqual([]);
  });

  it('reads NAL unit types', () => {
    expect(h264NalType(Uint8Array.of(0x67))).toBe(7);
    expect(h264NalType(Uint8Array.of(0x65))).toBe(5);
    expect(h265NalType(Uint8Array.of(0x40, 0x01))).toBe(32);
    expect(h265NalType(Uint8Array.of(0x26, 0x01))).toBe(19);
    expect(h264NalType(new Uint8Array(0))).toBe(0);
  });
});
