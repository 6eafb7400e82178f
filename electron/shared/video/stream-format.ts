import type { VideoCodec } from './sdp';

/** What a stream's sequence parameter set says: enough to configure a decoder and to tell an operator. */
export type StreamFormat = {
  readonly codec: VideoCodec;
  /** RFC 6381 codec string, as WebCodecs wants it (avc1.PPCCLL, hev1.…). */
  readonly codecString: string;
  readonly profile: string;
  readonly level: string;
  readonly width: number;
  readonly height: number;
  /** From the VUI timing info when the camera sends it; otherwise measured by whoever needs it. */
  readonly frameRate: number | null;
};

export function hex2(n: number): string {
  return n.toString(16).padStart(2, '0').toUpperCase();
}
