import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toAnnexB, type AccessUnit } from './access-unit';
import { AnnexBFramer } from './annexb-framer';

/** A picture: parameter sets on keyframes, then 1–3 slices; the first slice's first_mb_in_slice is 0. */
function picture264(keyframe: boolean, slices: number, body: number): Uint8Array[] {
  const nalus: Uint8Array[] = [];
  if (keyframe) nalus.push(Uint8Array.of(0x67, 0x42, 0xc0, 0x1e, 0x95), Uint8Array.of(0x68, 0xce, 0x38, 0x80));
  for (let s = 0; s < slices; s++) {
    const nal = new Uint8Array(2 + body).fill(0x5a);
    nal[0] = keyframe ? 0x65 : 0x41;
    nal[1] = s === 0 ? 0x88 : 0x40; // top bit: first slice of the picture
    nalus.push(nal);
  }
  return nalus;
}

function feed(framer: AnnexBFramer, bytes: Uint8Array, cuts: number[]): AccessUnit[] {
  const out: AccessUnit[] = [];
  let at = 0;
  for (const cut of [...cuts.filter((c) => c > 0 && c < bytes.length).sort((a, b) => a - b), bytes.length]) {
    out.push(...framer.push(bytes.subarray(at, cut), at));
    at = cut;
  }
  return [...out, ...framer.flush()];
}

describe('Annex B framer', () => {
  it('splits a stream into the pictures it was made of, however it is chunked', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ slices: fc.integer({ min: 1, max: 3 }), body: fc.integer({ min: 1, max: 300 }) }), { minLength: 1, maxLength: 20 }),
        fc.array(fc.nat(20_000), { maxLength: 30 }),
        (pics, cuts) => {
          const pictures = pics.map((p, i) => picture264(i % 5 === 0, p.slices, p.body));
          const stream = new Uint8Array(pictures.flatMap((p) => [...toAnnexB(p)]));
          const units = feed(new AnnexBFramer('h264'), stream, cuts);
          expect(units.map((u) => u.nalus.map((n) => [...n]))).toEqual(pictures.map((p) => p.map((n) => [...n])));
          expect(units.map((u) => u.keyframe)).toEqual(pictures.map((_, i) => i % 5 === 0));
        },
      ),
    );
  });

  it('never throws on garbage, and drops unreadable NAL units', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom('h264' as const, 'h265' as const), (bytes, codec) => {
        const framer = new AnnexBFramer(codec);
        const units = [...framer.push(bytes, 0), ...framer.flush()];
        for (const u of units) expect(u.nalus.length).toBeGreaterThan(0);
      }),
    );
    const framer = new AnnexBFramer('h264');
    const units = [...framer.push(Uint8Array.of(0, 0, 1, 0x80, 1, 2, 0, 0, 1, 0x65, 0x88, 0), 0), ...framer.flush()];
    expect(framer.malformed).toBe(1);
    expect(units).toHaveLength(1);
  });

  it('finds H.265 pictures by first_slice_segment_in_pic_flag', () => {
    const vps = Uint8Array.of(0x40, 0x01, 0x0c);
    const idr = Uint8Array.of(0x26, 0x01, 0xaf, 0x11);
    const trail = Uint8Array.of(0x02, 0x01, 0xd0, 0x22);
    const trail2 = Uint8Array.of(0x02, 0x01, 0x40, 0x33); // second slice of the same picture
    const framer = new AnnexBFramer('h265');
    const units = [...framer.push(toAnnexB([vps, idr, trail, trail2, trail]), 0), ...framer.flush()];
    expect(units.map((u) => [u.keyframe, u.nalus.length])).toEqual([
      [true, 2],
      [false, 2],
      [false, 1],
    ]);
  });
});
