import { BitReader, BitstreamError, unescapeRbsp } from './bit-reader';
import { hex2, type StreamFormat } from './stream-format';

/** H.265 sequence parameter set (ITU-T H.265 §7.3.2.2), up to the conformance window. */

const PROFILE_NAMES: Record<number, string> = { 1: 'Main', 2: 'Main 10', 3: 'Main Still Picture', 4: 'Range Extensions' };

function reverseBits32(v: number): number {
  let out = 0;
  for (let i = 0; i < 32; i++) out = (out << 1) | ((v >>> i) & 1);
  return out >>> 0;
}

export function parseH265Sps(nal: Uint8Array): StreamFormat {
  if (nal.length < 6 || ((nal[0]! >> 1) & 0x3f) !== 33) throw new BitstreamError('not an H.265 SPS');
  const r = new BitReader(unescapeRbsp(nal.subarray(2)));
  r.skip(4); // sps_video_parameter_set_id
  const maxSubLayers = r.u(3);
  r.skip(1);
  const profileSpace = r.u(2);
  const highTier = r.flag();
  const profileIdc = r.u(5);
  const compatibility = r.u(32);
  const constraintBytes: number[] = [];
  for (let i = 0; i < 6; i++) constraintBytes.push(r.u(8));
  const levelIdc = r.u(8);
  const subProfile: boolean[] = [];
  const subLevel: boolean[] = [];
  for (let i = 0; i < maxSubLayers; i++) {
    subProfile.push(r.flag());
    subLevel.push(r.flag());
  }
  if (maxSubLayers > 0) for (let i = maxSubLayers; i < 8; i++) r.skip(2);
  for (let i = 0; i < maxSubLayers; i++) {
    if (subProfile[i]) r.skip(88);
    if (subLevel[i]) r.skip(8);
  }
  r.ue(); // sps_seq_parameter_set_id
  const chroma = r.ue();
  if (chroma > 3) throw new BitstreamError(`chroma_format_idc ${chroma}`);
  if (chroma === 3) r.skip(1);
  let width = r.ue();
  let height = r.ue();
  if (r.flag()) {
    const [left, right, top, bottom] = [r.ue(), r.ue(), r.ue(), r.ue()];
    width -= (chroma === 1 || chroma === 2 ? 2 : 1) * (left + right);
    height -= (chroma === 1 ? 2 : 1) * (top + bottom);
  }
  if (width <= 0 || height <= 0 || width > 16384 || height > 16384) throw new BitstreamError(`impossible size ${width}×${height}`);
  while (constraintBytes.length > 0 && constraintBytes[constraintBytes.length - 1] === 0) constraintBytes.pop();
  const space = ['', 'A', 'B', 'C'][profileSpace]!;
  const codecString = ['hev1', `${space}${profileIdc}`, reverseBits32(compatibility).toString(16).toUpperCase(), `${highTier ? 'H' : 'L'}${levelIdc}`, ...constraintBytes.map(hex2)].join('.');
  return {
    codec: 'h265',
    codecString,
    profile: PROFILE_NAMES[profileIdc] ?? `profile ${profileIdc}`,
    level: `${(levelIdc / 30).toFixed(1)}${highTier ? ' High' : ''}`,
    width,
    height,
    frameRate: null,
  };
}
