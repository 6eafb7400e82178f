/** RTP fixed header (RFC 3550 §5.1). Garbage gives null, never an exception or an out-of-range read. */

export type RtpPacket = {
  readonly payloadType: number;
  readonly marker: boolean;
  readonly sequence: number;
  readonly timestamp: number;
  readonly ssrc: number;
  readonly payload: Uint8Array;
};

export function parseRtp(b: Uint8Array): RtpPacket | null {
  if (b.length < 12) return null;
  const b0 = b[0]!;
  if (b0 >> 6 !== 2) return null;
  const padding = (b0 & 0x20) !== 0;
  const extension = (b0 & 0x10) !== 0;
  const csrcCount = b0 & 0x0f;
  let offset = 12 + 4 * csrcCount;
  if (extension) {
    if (b.length < offset + 4) return null;
    offset += 4 + 4 * ((b[offset + 2]! << 8) | b[offset + 3]!);
  }
  let end = b.length;
  if (padding) {
    const pad = b[b.length - 1]!;
    if (pad === 0) return null;
    end -= pad;
  }
  if (end < offset) return null;
  return {
    payloadType: b[1]! & 0x7f,
    marker: (b[1]! & 0x80) !== 0,
    sequence: (b[2]! << 8) | b[3]!,
    timestamp: ((b[4]! << 24) | (b[5]! << 16) | (b[6]! << 8) | b[7]!) >>> 0,
    ssrc: ((b[8]! << 24) | (b[9]! << 16) | (b[10]! << 8) | b[11]!) >>> 0,
    payload: b.subarray(offset, end),
  };
}

/** For tests and the benchmark's sources: the inverse of parseRtp without padding or extensions. */
export function buildRtp(p: Omit<RtpPacket, 'ssrc'> & { ssrc?: number }): Uint8Array {
  const out = new Uint8Array(12 + p.payload.length);
  out[0] = 0x80;
  out[1] = (p.marker ? 0x80 : 0) | (p.payloadType & 0x7f);
  out[2] = (p.sequence >> 8) & 0xff;
  out[3] = p.sequence & 0xff;
  const ts = p.timestamp >>> 0;
  out[4] = ts >>> 24;
  out[5] = (ts >>> 16) & 0xff;
  out[6] = (ts >>> 8) & 0xff;
  out[7] = ts & 0xff;
  const ssrc = (p.ssrc ?? 0x5649474c) >>> 0;
  out[8] = ssrc >>> 24;
  out[9] = (ssrc >>> 16) & 0xff;
  out[10] = (ssrc >>> 8) & 0xff;
  out[11] = ssrc & 0xff;
  out.set(p.payload, 12);
  return out;
}
