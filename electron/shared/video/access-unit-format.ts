import { h264NalType, h265NalType, type AccessUnit } from './access-unit';
import { parseH264Sps } from './h264-sps';
import { parseH265Sps } from './h265-sps';
import type { StreamFormat } from './stream-format';

/** The sequence parameter set a picture carries (keyframes do), or undefined. */
export function spsOf(unit: AccessUnit): Uint8Array | undefined {
  return unit.nalus.find((n) => (unit.codec === 'h264' ? h264NalType(n) === 7 : h265NalType(n) === 33));
}

/** What an SPS says, for the codec it belongs to. Throws BitstreamError when it cannot be read. */
export function parseSps(codec: AccessUnit['codec'], sps: Uint8Array): StreamFormat {
  return codec === 'h264' ? parseH264Sps(sps) : parseH265Sps(sps);
}
