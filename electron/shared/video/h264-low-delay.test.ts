import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccessUnit } from './access-unit';
import { BitReader, BitWriter, escapeRbsp, unescapeRbsp } from './bit-reader';
import { h264SliceType, LowDelayPolicy, lowDelaySps } from './h264-low-delay';
import { parseH264Sps, readSpsCore } from './h264-sps';
import { readVui } from './h264-vui';

type SpsShape = {
  profile: 66 | 77 | 100;
  widthMbs: number;
  heightMbs: number;
  refs: number;
  vui: null | { timing: [number, number] | null; hrd: number | null; restriction: number | null };
};

/** Writes an SPS of the given shape, the way an encoder would (frame_mbs_only, no cropping). */
function buildSps(s: SpsShape): Uint8Array {
  const w = new BitWriter();
  w.u(8, s.profile);
  w.u(8, s.profile === 66 ? 0xc0 : 0);
  w.u(8, 31);
  w.ue(0);
  if (s.profile === 100) {
    w.ue(1); // 4:2:0
    w.ue(0);
    w.ue(0);
    w.flag(false);
    w.flag(false);
  }
  w.ue(0); // log2_max_frame_num_minus4
  w.ue(2); // pic_order_cnt_type
  w.ue(s.refs);
  w.flag(false);
  w.ue(s.widthMbs - 1);
  w.ue(s.heightMbs - 1);
  w.flag(true); // frame_mbs_only
  w.flag(true); // direct_8x8_inference
  w.flag(false); // cropping
  w.flag(s.vui !== null);
  if (s.vui) {
    w.flag(true); // aspect ratio: 1:1
    w.u(8, 1);
    w.flag(false);
    w.flag(false);
    w.flag(false);
    w.flag(s.vui.timing !== null);
    if (s.vui.timing) {
      w.u(32, s.vui.timing[0]);
      w.u(32, s.vui.timing[1]);
      w.flag(true);
    }
    w.flag(s.vui.hrd !== null);
    if (s.vui.hrd !== null) {
      w.ue(0);
      w.u(4, 3);
      w.u(4, 4);
      w.ue(s.vui.hrd);
      w.ue(s.vui.hrd * 2);
      w.flag(false);
      w.u(20, 0x5a5a5);
    }
    w.flag(false); // VCL HRD
    if (s.vui.hrd !== null) w.flag(false); // low_delay_hrd
    w.flag(false); // pic_struct
    w.flag(s.vui.restriction !== null);
    if (s.vui.restriction !== null) {
      w.flag(true);
      w.ue(2);
      w.ue(1);
      w.ue(16);
      w.ue(16);
      w.ue(s.vui.restriction);
      w.ue(Math.max(s.refs, s.vui.restriction));
    }
  }
  const body = escapeRbsp(w.bytesWithTrailingBits());
  return Uint8Array.of(0x67, ...body);
}

const shape = fc.record({
  profile: fc.constantFrom(66 as const, 77 as const, 100 as const),
  widthMbs: fc.integer({ min: 1, max: 240 }),
  heightMbs: fc.integer({ min: 1, max: 135 }),
  refs: fc.integer({ min: 0, max: 16 }),
  vui: fc.option(
    fc.record({
      timing: fc.option(fc.tuple(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 10_000_000 }))),
      hrd: fc.option(fc.integer({ min: 0, max: 100_000 })),
      restriction: fc.option(fc.integer({ min: 0, max: 4 })),
    }),
  ),
});

function reorderOf(sps: Uint8Array): number | null {
  const r = new BitReader(unescapeRbsp(sps.subarray(1)));
  readSpsCore(r);
  return r.flag() ? readVui(r).maxNumReorderFrames : null;
}

describe('low-delay SPS', () => {
  it('adds max_num_reorder_frames = 0 and changes nothing else a decoder reads', () => {
    fc.assert(
      fc.property(shape, (s) => {
        const sps = buildSps(s);
        const out = lowDelaySps(sps);
        if (s.vui?.restriction != null) {
          expect(out).toBeNull(); // the stream already says; never overridden
          return;
        }
        expect(out).not.toBeNull();
        expect(reorderOf(out!)).toBe(0);
        expect(parseH264Sps(out!)).toEqual(parseH264Sps(sps));
        const before = readSpsCore(new BitReader(unescapeRbsp(sps.subarray(1))));
        expect(readSpsCore(new BitReader(unescapeRbsp(out!.subarray(1))))).toEqual(before);
        expect(lowDelaySps(out!)).toBeNull(); // idempotent
      }),
    );
  });

  it('leaves what it cannot read alone', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
      const out = lowDelaySps(Uint8Array.of(0x67, ...bytes));
      if (out) expect(reorderOf(out)).toBe(0);
    }));
    expect(lowDelaySps(Uint8Array.of(0x68, 1, 2, 3))).toBeNull();
  });
});

describe('low-delay policy', () => {
  const sps = (profile: 66 | 77) => buildSps({ profile, widthMbs: 20, heightMbs: 15, refs: 1, vui: null });
  // first_mb_in_slice = 0 is the bit '1'; then slice_type: I = 7 '0001000', P = 0 '1', B = 1 '010'.
  const idr = Uint8Array.of(0x65, 0b10001000, 0);
  const p = Uint8Array.of(0x41, 0b11000000, 0);
  const b = Uint8Array.of(0x41, 0b10100000, 0);
  const unit = (keyframe: boolean, nalus: Uint8Array[]): AccessUnit => ({ codec: 'h264', timestamp: 0, keyframe, nalus });

  it('reads slice types', () => {
    expect(h264SliceType(idr)).toBe(7);
    expect(h264SliceType(p)).toBe(0);
    expect(h264SliceType(b)).toBe(1);
    expect(h264SliceType(sps(66))).toBeNull();
  });

  it('rewrites Baseline from the first keyframe', () => {
    const policy = new LowDelayPolicy();
    const out = policy.apply(unit(true, [sps(66), idr]));
    expect(reorderOf(out.nalus[0]!)).toBe(0);
    expect(out.nalus[1]).toBe(idr);
  });

  it('rewrites Main only after a whole GOP without B slices, and stops for good at the first B slice', () => {
    const policy = new LowDelayPolicy();
    expect(reorderOf(policy.apply(unit(true, [sps(77), idr])).nalus[0]!)).toBeNull();
    policy.apply(unit(false, [p]));
    expect(reorderOf(policy.apply(unit(true, [sps(77), idr])).nalus[0]!)).toBe(0);
    policy.apply(unit(false, [b]));
    expect(policy.active).toBe(false);
    expect(reorderOf(policy.apply(unit(true, [sps(77), idr])).nalus[0]!)).toBeNull();
  });
});
