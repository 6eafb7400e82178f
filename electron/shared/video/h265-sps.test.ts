import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BitstreamError } from './bit-reader';
import { parseH265Sps } from './h265-sps';

const hex = (h: string) => Uint8Array.from(h.match(/../g)!.map((b) => parseInt(b, 16)));

/**
 * Real SPS NAL units from ffmpeg 5.1's libx265 (-f lavfi -i testsrc=…), sizes per ffprobe and
 * fields per ffmpeg's trace_headers. Codec strings follow ISO/IEC 14496-15 Annex E:
 * hev1.<profile_idc>.<general_profile_compatibility_flags bit-reversed, hex>.<L|H><level_idc>
 * .<constraint bytes, trailing zero bytes left out>. All of these are Main (or Main 10) with
 * compatibility flags 1 and 2 (or 2 alone) set, so 0x60000000 reads reversed as 6 (0x20000000 as 4);
 * progressive_source_flag and frame_only_constraint_flag make the first constraint byte 0x90.
 */
const SPS = {
  // 320×240, level_idc 60 (2.0).
  main320: '42010101600000030090000003000003003ca00a080f165959a4932bc05a020000030002000003003210',
  // 1920×1080 coded as is (x265 needs no padding for 1080), level_idc 120 (4.0).
  main1080: '420101016000000300900000030000030078a003c08010e596566924caf0168080000003008000000f04',
  // 1914×1074: coded 1920×1080 with conformance window right 3 and bottom 3 (×2 for 4:2:0).
  main1914: '420101016000000300900000030000030078a003c08010e724996566924caf016808000003000800000300c840',
  // 640×360 Main 10 (-pix_fmt yuv420p10le), level_idc 63 (2.1).
  main10: '42010102200000030090000003000003003fa005020169365959a4932bc05a020000030002000003003210',
};

describe('parseH265Sps on real encoder output', () => {
  it('reads 320×240 Main, level 2', () => {
    expect(parseH265Sps(hex(SPS.main320))).toEqual({ codec: 'h265', codecString: 'hev1.1.6.L60.90', profile: 'Main', level: '2.0', width: 320, height: 240, frameRate: null });
  });

  it('reads 1920×1080 Main, level 4', () => {
    expect(parseH265Sps(hex(SPS.main1080))).toMatchObject({ codecString: 'hev1.1.6.L120.90', level: '4.0', width: 1920, height: 1080 });
  });

  it('applies the conformance window', () => {
    expect(parseH265Sps(hex(SPS.main1914))).toMatchObject({ codecString: 'hev1.1.6.L120.90', width: 1914, height: 1074 });
  });

  it('reads Main 10', () => {
    expect(parseH265Sps(hex(SPS.main10))).toMatchObject({ codecString: 'hev1.2.4.L63.90', profile: 'Main 10', level: '2.1', width: 640, height: 360 });
  });
});

describe('parseH265Sps on bad input', () => {
  it('refuses what is not an SPS', () => {
    expect(() => parseH265Sps(hex('40010c01ffff01600000030090000003000003003c959809'))).toThrow(BitstreamError); // a VPS
    expect(() => parseH265Sps(hex('4201'))).toThrow(BitstreamError);
    expect(() => parseH265Sps(hex(SPS.main320).subarray(0, 16))).toThrow(BitstreamError);
  });

  it('throws only BitstreamError on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (rest) => {
        try {
          const f = parseH265Sps(Uint8Array.of(0x42, 0x01, ...rest));
          expect(f.width).toBeGreaterThan(0);
          expect(f.height).toBeGreaterThan(0);
          expect(f.codecString).toMatch(/^hev1\.[ABC]?\d+\.[0-9A-F]+\.[LH]\d+(\.[0-9A-F]{2})*$/);
        } catch (e) {
          expect(e).toBeInstanceOf(BitstreamError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
