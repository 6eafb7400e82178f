import { BitReader, BitstreamError, unescapeRbsp } from './bit-reader';
import { hex2, type StreamFormat } from './stream-format';
import { readVui } from './h264-vui';

/** H.264 sequence parameter set (ITU-T H.264 §7.3.2.1.1): resolution, profile, level, frame rate. */

const HIGH_PROFILES = new Set([100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135]);
const PROFILE_NAMES: Record<number, string> = { 66: 'Baseline', 77: 'Main', 88: 'Extended', 100: 'High', 110: 'High 10', 122: 'High 4:2:2', 244: 'High 4:4:4' };

function skipScalingList(r: BitReader, size: number): void {
  let last = 8;
  let next = 8;
  for (let j = 0; j < size; j++) {
    if (next !== 0) next = (last + r.se() + 256) % 256;
    last = next === 0 ? last : next;
  }
}

/** The SPS up to vui_parameters_present_flag (§7.3.2.1.1); the reader is left on that flag. */
export type SpsCore = { profileIdc: number; constraints: number; levelIdc: number; maxNumRefFrames: number; width: number; height: number };

export function readSpsCore(r: BitReader): SpsCore {
  const profileIdc = r.u(8);
  const constraints = r.u(8);
  const levelIdc = r.u(8);
  r.ue(); // seq_parameter_set_id
  let chroma = 1;
  if (HIGH_PROFILES.has(profileIdc)) {
    chroma = r.ue();
    if (chroma > 3) throw new BitstreamError(`chroma_format_idc ${chroma}`);
    if (chroma === 3) r.skip(1);
    r.ue();
    r.ue();
    r.skip(1);
    if (r.flag()) {
      for (let i = 0; i < (chroma !== 3 ? 8 : 12); i++) if (r.flag()) skipScalingList(r, i < 6 ? 16 : 64);
    }
  }
  r.ue(); // log2_max_frame_num_minus4
  const pocType = r.ue();
  if (pocType === 0) r.ue();
  else if (pocType === 1) {
    r.skip(1);
    r.se();
    r.se();
    const cycle = r.ue();
    if (cycle > 255) throw new BitstreamError('num_ref_frames_in_pic_order_cnt_cycle over 255');
    for (let i = 0; i < cycle; i++) r.se();
  } else if (pocType !== 2) throw new BitstreamError(`pic_order_cnt_type ${pocType}`);
  const maxNumRefFrames = r.ue();
  r.skip(1);
  const widthMbs = r.ue() + 1;
  const heightMapUnits = r.ue() + 1;
  const frameMbsOnly = r.flag();
  if (!frameMbsOnly) r.skip(1);
  r.skip(1);
  let crop = [0, 0, 0, 0];
  if (r.flag()) crop = [r.ue(), r.ue(), r.ue(), r.ue()];
  const subWidth = chroma === 1 || chroma === 2 ? 2 : 1;
  const subHeight = chroma === 1 ? 2 : 1;
  const cropX = chroma === 0 ? 1 : subWidth;
  const cropY = (chroma === 0 ? 1 : subHeight) * (frameMbsOnly ? 1 : 2);
  const width = widthMbs * 16 - cropX * (crop[0]! + crop[1]!);
  const height = (frameMbsOnly ? 1 : 2) * heightMapUnits * 16 - cropY * (crop[2]! + crop[3]!);
  if (width <= 0 || height <= 0 || width > 16384 || height > 16384) throw new BitstreamError(`impossible size ${width}×${height}`);
  return { profileIdc, constraints, levelIdc, maxNumRefFrames, width, height };
}

export function parseH264Sps(nal: Uint8Array): StreamFormat {
  if (nal.length < 4 || (nal[0]! & 0x1f) !== 7) throw new BitstreamError('not an H.264 SPS');
  const r = new BitReader(unescapeRbsp(nal.subarray(1)));
  const { profileIdc, constraints, levelIdc, width, height } = readSpsCore(r);
  let frameRate: number | null;
  try {
    frameRate = r.flag() ? readVui(r).frameRate : null;
  } catch {
    frameRate = null; // A truncated VUI still leaves a usable size.
  }
  return {
    codec: 'h264',
    codecString: `avc1.${hex2(profileIdc)}${hex2(constraints)}${hex2(levelIdc)}`,
    profile: (profileIdc === 66 && constraints & 0x40 ? 'Constrained ' : '') + (PROFILE_NAMES[profileIdc] ?? `profile ${profileIdc}`),
    level: (levelIdc / 10).toFixed(1),
    width,
    height,
    frameRate,
  };
}
