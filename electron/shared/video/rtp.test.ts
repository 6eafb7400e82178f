import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRtp, parseRtp, type RtpPacket } from './rtp';

const packet = fc.record({
  payloadType: fc.integer({ min: 0, max: 127 }),
  marker: fc.boolean(),
  sequence: fc.integer({ min: 0, max: 0xffff }),
  timestamp: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  ssrc: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  payload: fc.uint8Array({ maxLength: 1500 }),
});

/** A fixed header with the given first byte, then `rest` (CSRCs, extension, payload, padding). */
function withHeader(b0: number, rest: number[]): Uint8Array {
  return Uint8Array.of(b0, 0x80 | 96, 0x12, 0x34, 0, 0, 0x0b, 0xb8, 0xde, 0xad, 0xbe, 0xef, ...rest);
}

describe('parseRtp / buildRtp', () => {
  it('round-trips every field', () => {
    fc.assert(
      fc.property(packet, (p: RtpPacket) => {
        const bytes = buildRtp(p);
        expect(bytes.length).toBe(12 + p.payload.length);
        expect(bytes[0]).toBe(0x80);
        expect(parseRtp(bytes)).toEqual(p);
      }),
    );
  });

  it('uses a default SSRC when none is given', () => {
    expect(parseRtp(buildRtp({ payloadType: 96, marker: false, sequence: 1, timestamp: 2, payload: new Uint8Array(0) }))?.ssrc).toBe(0x5649474c);
  });

  it('never throws on random bytes, and any payload it returns lies inside them', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const p = parseRtp(bytes);
        if (p === null) return;
        expect(bytes[0]! >> 6).toBe(2);
        expect(p.payload.buffer).toBe(bytes.buffer);
        expect(p.payload.byteOffset).toBeGreaterThanOrEqual(12);
        expect(p.payload.byteOffset + p.payload.length).toBeLessThanOrEqual(bytes.length);
      }),
    );
  });

  it('reads the header fields of a hand-made packet', () => {
    const p = parseRtp(withHeader(0x80, [1, 2, 3]))!;
    expect(p).toEqual({ payloadType: 96, marker: true, sequence: 0x1234, timestamp: 3000, ssrc: 0xdeadbeef, payload: Uint8Array.of(1, 2, 3) });
  });

  it('skips CSRCs and a header extension', () => {
    const csrcs = [0, 0, 0, 1, 0, 0, 0, 2];
    expect(parseRtp(withHeader(0x82, [...csrcs, 9, 9]))!.payload).toEqual(Uint8Array.of(9, 9));
    const extension = [0xbe, 0xde, 0, 2, 1, 2, 3, 4, 5, 6, 7, 8];
    expect(parseRtp(withHeader(0x90, [...extension, 7]))!.payload).toEqual(Uint8Array.of(7));
    expect(parseRtp(withHeader(0x91, [0, 0, 0, 9, ...extension, 7]))!.payload).toEqual(Uint8Array.of(7));
  });

  it('strips padding, the count byte included', () => {
    expect(parseRtp(withHeader(0xa0, [5, 6, 0, 0, 3]))!.payload).toEqual(Uint8Array.of(5, 6));
    expect(parseRtp(withHeader(0xa0, [1]))!.payload).toEqual(new Uint8Array(0));
  });

  it('refuses what cannot be RTP', () => {
    expect(parseRtp(new Uint8Array(11).fill(0x80))).toBeNull(); // shorter than the fixed header
    expect(parseRtp(withHeader(0x40, [1]))).toBeNull(); // version 1
    expect(parseRtp(withHeader(0xc0, [1]))).toBeNull(); // version 3
    expect(parseRtp(withHeader(0xa0, [1, 2, 0]))).toBeNull(); // padding count 0
    expect(parseRtp(withHeader(0xa0, [1, 2, 4]))).toBeNull(); // more padding than payload
    expect(parseRtp(withHeader(0x83, [0, 0, 0, 1]))).toBeNull(); // three CSRCs announced, one present
    expect(parseRtp(withHeader(0x90, [0xbe, 0xde, 0, 2, 1, 2, 3, 4]))).toBeNull(); // extension runs past the end
    expect(parseRtp(withHeader(0x90, [0xbe, 0xde]))).toBeNull(); // extension header cut short
  });
});
