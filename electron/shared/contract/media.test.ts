import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeFrame, decodeRawFrame, encodeFrame, encodeRawFrame, i420Bytes } from './media';

describe('media frames on the wire', () => {
  it('coded pictures round-trip, and nothing else passes for one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 0xffff }), fc.boolean(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.uint8Array({ minLength: 1, maxLength: 500 }), (stream, keyframe, t, data) => {
        const back = decodeFrame(encodeFrame({ stream, keyframe, timestampUs: t, receivedAtMs: 1e12, data }));
        expect(back).toMatchObject({ stream, keyframe, timestampUs: t, receivedAtMs: 1e12 });
        expect([...back!.data]).toEqual([...data]);
      }),
    );
    fc.assert(fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
      const f = decodeFrame(bytes);
      if (f) expect(f.stream).toBeGreaterThan(0);
    }));
  });

  it('decoded pictures round-trip; a size that does not match its planes is refused', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 }), (width, height) => {
        const data = Uint8Array.from({ length: i420Bytes(width, height) }, (_, i) => i & 0xff);
        const wire = encodeRawFrame({ stream: 3, timestampUs: 40_000, receivedAtMs: 5, width, height, data });
        expect(decodeRawFrame(wire)).toMatchObject({ stream: 3, width, height, timestampUs: 40_000 });
        expect(decodeRawFrame(wire.subarray(0, wire.length - 1))).toBeNull();
        expect(decodeFrame(wire)).toBeNull();
      }),
    );
    // Odd sizes round the chroma planes up.
    expect(i420Bytes(3, 3)).toBe(9 + 2 * 4);
  });
});
