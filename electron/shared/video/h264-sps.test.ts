import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BitstreamError } from './bit-reader';
import { parseH264Sps } from './h264-sps';

const hex = (h: string) => Uint8Array.from(h.match(/../g)!.map((b) => parseInt(b, 16)));

/**
 * Real SPS NAL units, written by ffmpeg 5.1's libx264; expected values checked with ffprobe and
 * ffmpeg's trace_headers bitstream filter. Codec strings are RFC 6381 avc1.PPCCLL: profile_idc,
 * the constraint-flags byte and level_idc, in hex.
 */
const SPS = {
  // -f lavfi -i testsrc=size=320x240:rate=25 -c:v libx264 -profile:v baseline -pix_fmt yuv420p
  // VUI timing num_units_in_tick 1, time_scale 50 → 25 fps; constraint_set0+1 → 0xC0, level 13.
  baseline320: '6742c00dd90141fb011000000300100000030320f142a480',
  // testsrc=size=1920x1080:rate=30, -profile:v high: coded 1920×1088, frame_crop_bottom_offset 4
  // (×2 rows for 4:2:0); VUI timing 1/60 → 30 fps; level 40.
  high1080: '67640028acd940780227e5c044000003000400000300f03c60c658',
  // The same SPS cut after frame cropping, with vui_parameters_present_flag 0 and the stop bit
  // (trace_headers reads it so).
  high1080NoVui: '67640028acd940780227e540',
  // The same with a VUI whose timing_info_present_flag is 0 (aspect ratio only).
  high1080VuiNoTiming: '67640028acd940780227e5c04020',
  // testsrc=size=1920x1080:rate=25, -profile:v main -x264-params interlaced=1: frame_mbs_only 0,
  // 34 map units of 32 rows = 1088, crop bottom 2 (×4 rows for interlaced 4:2:0); 25 fps.
  main1080i: '674d4028eca03c0227ef011000000300100000030321f162d960',
};

describe('parseH264Sps on real encoder output', () => {
  it('reads 320×240 Constrained Baseline 1.3 at 25 fps', () => {
    expect(parseH264Sps(hex(SPS.baseline320))).toEqual({
      codec: 'h264',
      codecString: 'avc1.42C00D',
      profile: 'Constrained Baseline',
      level: '1.3',
      width: 320,
      height: 240,
      frameRate: 25,
    });
  });

  it('reads 1920×1080 High 4.0 at 30 fps, cropped from 1088 coded rows', () => {
    expect(parseH264Sps(hex(SPS.high1080))).toEqual({ codec: 'h264', codecString: 'avc1.640028', profile: 'High', level: '4.0', width: 1920, height: 1080, frameRate: 30 });
  });

  it('gives no frame rate without VUI, or without VUI timing, and the same size', () => {
    for (const sps of [SPS.high1080NoVui, SPS.high1080VuiNoTiming]) {
      expect(parseH264Sps(hex(sps))).toMatchObject({ codecString: 'avc1.640028', width: 1920, height: 1080, frameRate: null });
    }
  });

  it('reads interlaced 1080i Main at 25 fps', () => {
    expect(parseH264Sps(hex(SPS.main1080i))).toMatchObject({ codecString: 'avc1.4D4028', profile: 'Main', width: 1920, height: 1080, frameRate: 25 });
  });

  it('keeps the size when the VUI is cut short', () => {
    const cut = hex(SPS.high1080).subarray(0, 14);
    expect(parseH264Sps(cut)).toMatchObject({ width: 1920, height: 1080, frameRate: null });
  });
});

describe('parseH264Sps on bad input', () => {
  it('refuses what is not an SPS', () => {
    expect(() => parseH264Sps(hex('68cb83cb20'))).toThrow(BitstreamError); // a PPS
    expect(() => parseH264Sps(hex('6742'))).toThrow(BitstreamError);
    expect(() => parseH264Sps(hex(SPS.high1080).subarray(0, 8))).toThrow(BitstreamError); // cut before the size
  });

  it('throws only BitstreamError on random bytes, and any size it reports is plausible', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 64 }), fc.constantFrom(0x67, 0x27, 0x47), fc.constantFrom(66, 77, 100, 110, 122, 244, 44, 118), (rest, nalHeader, profile) => {
        for (const nal of [Uint8Array.of(nalHeader, ...rest), Uint8Array.of(nalHeader, profile, ...rest)]) {
          try {
            const f = parseH264Sps(nal);
            expect(f.width).toBeGreaterThan(0);
            expect(f.height).toBeGreaterThan(0);
            expect(f.width).toBeLessThanOrEqual(16384);
            expect(f.codecString).toMatch(/^avc1\.[0-9A-F]{6}$/);
          } catch (e) {
            expect(e).toBeInstanceOf(BitstreamError);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});
