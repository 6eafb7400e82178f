import { BitReader, BitstreamError } from './bit-reader';

/** H.264 VUI parameters (Annex E.1.1), read far enough to know the frame rate and the decoder's reorder delay. */
export type Vui = {
  frameRate: number | null;
  /** Bit position of bitstream_restriction_flag within the SPS RBSP (after the NAL header). */
  restrictionFlagAt: number;
  /** max_num_reorder_frames when the stream declares it, else null (a decoder must then assume the worst). */
  maxNumReorderFrames: number | null;
};

function skipHrd(r: BitReader): void {
  const cpbCount = r.ue() + 1;
  if (cpbCount > 32) throw new BitstreamError('cpb_cnt_minus1 over 31');
  r.skip(8); // bit_rate_scale, cpb_size_scale
  for (let i = 0; i < cpbCount; i++) {
    r.ue();
    r.ue();
    r.skip(1);
  }
  r.skip(20); // four delay and offset lengths of five bits
}

/** Reads the VUI, the reader positioned just after vui_parameters_present_flag = 1. */
export function readVui(r: BitReader): Vui {
  if (r.flag() && r.u(8) === 255) r.skip(32); // aspect ratio, extended SAR
  if (r.flag()) r.skip(1); // overscan
  if (r.flag()) {
    r.skip(4); // video format, full range
    if (r.flag()) r.skip(24); // colour description
  }
  if (r.flag()) {
    r.ue();
    r.ue();
  }
  let frameRate: number | null = null;
  if (r.flag()) {
    const unitsInTick = r.u(32);
    const timeScale = r.u(32);
    r.skip(1);
    const fps = unitsInTick > 0 && timeScale > 0 ? timeScale / (2 * unitsInTick) : 0;
    frameRate = fps > 0 && fps <= 300 ? Math.round(fps * 1000) / 1000 : null;
  }
  const nalHrd = r.flag();
  if (nalHrd) skipHrd(r);
  const vclHrd = r.flag();
  if (vclHrd) skipHrd(r);
  if (nalHrd || vclHrd) r.skip(1); // low_delay_hrd_flag
  r.skip(1); // pic_struct_present_flag
  const restrictionFlagAt = r.position;
  let maxNumReorderFrames: number | null = null;
  if (r.flag()) {
    r.skip(1);
    r.ue();
    r.ue();
    r.ue();
    r.ue();
    maxNumReorderFrames = r.ue();
    r.ue();
  }
  return { frameRate, restrictionFlagAt, maxNumReorderFrames };
}
