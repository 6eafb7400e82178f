import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uasChecksum } from './checksum';

describe('UAS Datalink LS checksum', () => {
  it("matches the standard's sample: 060E 2B34 0200 81BB sums to B4FD (MISB ST 0601, checksum item)", () => {
    const sample = Uint8Array.of(0x06, 0x0e, 0x2b, 0x34, 0x02, 0x00, 0x81, 0xbb);
    expect(uasChecksum(sample, 0, sample.length)).toBe(0xb4fd);
  });

  it('is the sum of big-endian 16-bit words counted from `start`, an odd tail byte counting high', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(5), (bytes, pad) => {
        const padded = Uint8Array.from([...new Uint8Array(pad).fill(0xee), ...bytes]);
        let sum = 0;
        for (let i = 0; i < bytes.length; i += 2) sum += (bytes[i]! << 8) | (bytes[i + 1] ?? 0);
        expect(uasChecksum(padded, pad, padded.length)).toBe(sum % 65536);
      }),
    );
  });
});
