import { BitReader, BitWriter, escapeRbsp, unescapeRbsp } from './bit-reader';
import { readSpsCore } from './h264-sps';
import { readVui } from './h264-vui';
import type { AccessUnit } from './access-unit';
import { spsOf } from './access-unit-format';

/**
 * Tells the decoder it may output every picture as soon as it is decoded. An SPS without
 * `bitstream_restriction` leaves max_num_reorder_frames unknown, and a conforming decoder then
 * holds up to a whole DPB of pictures (up to 16: 640 ms at 25 fps) before showing the first —
 * hardware decoders do. For a stream known to have no B-frames we add the restriction with
 * max_num_reorder_frames = 0. Returns null where the SPS must stay as it is: it already declares
 * the restriction, or it cannot be read.
 */
export function lowDelaySps(nal: Uint8Array): Uint8Array | null {
  if (nal.length < 4 || (nal[0]! & 0x1f) !== 7) return null;
  const rbsp = unescapeRbsp(nal.subarray(1));
  const r = new BitReader(rbsp);
  let core;
  let vuiFlagAt: number;
  let vui: ReturnType<typeof readVui> | null = null;
  try {
    core = readSpsCore(r);
    vuiFlagAt = r.position;
    if (r.flag()) vui = readVui(r);
  } catch {
    return null;
  }
  if (vui && vui.maxNumReorderFrames !== null) return null;
  const w = new BitWriter();
  if (vui) {
    w.copy(rbsp, vui.restrictionFlagAt);
  } else {
    w.copy(rbsp, vuiFlagAt);
    w.flag(true); // vui_parameters_present_flag
    // aspect ratio, overscan, video signal, chroma location, timing, NAL HRD, VCL HRD, pic_struct: all absent
    for (let i = 0; i < 8; i++) w.flag(false);
  }
  w.flag(true); // bitstream_restriction_flag
  w.flag(true); // motion_vectors_over_pic_boundaries_flag
  w.ue(2); // max_bytes_per_pic_denom: the default
  w.ue(1); // max_bits_per_mb_denom: the default
  w.ue(16); // log2_max_mv_length_horizontal: the default
  w.ue(16); // log2_max_mv_length_vertical: the default
  w.ue(0); // max_num_reorder_frames: output at once
  w.ue(Math.max(1, core.maxNumRefFrames)); // max_dec_frame_buffering ≥ max_num_ref_frames
  const out = escapeRbsp(w.bytesWithTrailingBits());
  const sps = new Uint8Array(1 + out.length);
  sps[0] = nal[0]!;
  sps.set(out, 1);
  return sps;
}

/** slice_type of an H.264 slice NAL (types 1 and 5), or null. B slices are 1 and 6. */
export function h264SliceType(nal: Uint8Array): number | null {
  const type = (nal[0] ?? 0) & 0x1f;
  if (type !== 1 && type !== 5) return null;
  try {
    const r = new BitReader(unescapeRbsp(nal.subarray(1, 16)));
    r.ue(); // first_mb_in_slice
    return r.ue();
  } catch {
    return null;
  }
}

/**
 * Decides per H.264 stream whether its SPS may be rewritten for low delay: from the start for
 * Baseline (which has no B-frames), after one whole group of pictures without a B slice for
 * other profiles, and never again once a B slice is seen.
 */
export class LowDelayPolicy {
  private state: 'watching' | 'on' | 'off' = 'watching';
  private keyframesSeen = 0;
  private readonly cache = new Map<string, Uint8Array | null>();

  get active(): boolean {
    return this.state === 'on';
  }

  apply(unit: AccessUnit): AccessUnit {
    if (unit.codec !== 'h264' || this.state === 'off') return unit;
    for (const nal of unit.nalus) {
      const t = h264SliceType(nal);
      if (t === 1 || t === 6) {
        this.state = 'off';
        return unit;
      }
    }
    if (!unit.keyframe) return unit;
    this.keyframesSeen++;
    const sps = spsOf(unit);
    if (this.state === 'watching' && (this.keyframesSeen >= 2 || (sps !== undefined && sps[1] === 66))) this.state = 'on';
    if (this.state !== 'on' || !sps) return unit;
    const key = sps.join(',');
    let rewritten = this.cache.get(key);
    if (rewritten === undefined) {
      rewritten = lowDelaySps(sps);
      if (this.cache.size > 8) this.cache.clear();
      this.cache.set(key, rewritten);
    }
    if (!rewritten) return unit;
    const fixed = rewritten;
    return { ...unit, nalus: unit.nalus.map((n) => (n === sps ? fixed : n)) };
  }
}
