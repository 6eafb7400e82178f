import type { VideoCodec } from './sdp';

/** One coded picture: every NAL unit that shares an RTP timestamp, without start codes. */
export type AccessUnit = {
  readonly codec: VideoCodec;
  /** RTP timestamp unwrapped to a monotonic count of clock ticks (90 kHz for video). */
  readonly timestamp: number;
  readonly keyframe: boolean;
  readonly nalus: readonly Uint8Array[];
};

const START_CODE = Uint8Array.of(0, 0, 0, 1);

/** Annex B byte stream: what WebCodecs takes when the decoder is configured without a description. */
export function toAnnexB(nalus: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const n of nalus) length += 4 + n.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const n of nalus) {
    out.set(START_CODE, at);
    out.set(n, at + 4);
    at += 4 + n.length;
  }
  return out;
}

/** Splits an Annex B stream back into NAL units (3- or 4-byte start codes). */
export function splitAnnexB(b: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  let start = -1;
  let i = 0;
  while (i + 2 < b.length) {
    if (b[i] === 0 && b[i + 1] === 0 && b[i + 2] === 1) {
      if (start !== -1) out.push(b.subarray(start, i > 0 && b[i - 1] === 0 ? i - 1 : i));
      i += 3;
      start = i;
    } else i++;
  }
  if (start !== -1 && start < b.length) out.push(b.subarray(start));
  return out.filter((n) => n.length > 0);
}

export function h264NalType(nal: Uint8Array): number {
  return (nal[0] ?? 0) & 0x1f;
}

export function h265NalType(nal: Uint8Array): number {
  return ((nal[0] ?? 0) >> 1) & 0x3f;
}
