// Test-only RTP packetizer: the sending side of electron/shared/video/depacketizer.ts, written
// from RFC 6184 (H.264) and RFC 7798 (H.265) rather than from the depacketizer, so the two can
// check each other. Pure code: the video tests that import it are type-checked without Node.
import { buildRtp, parseRtp, type RtpPacket } from '../../electron/shared/video/rtp';
import type { VideoCodec } from '../../electron/shared/video/sdp';

/** One picture as a camera would send it: its NAL units (no start codes) and a 32-bit RTP timestamp. */
export type SentPicture = { readonly nalus: readonly Uint8Array[]; readonly timestamp: number };

export type PacketizeOptions = {
  readonly codec: VideoCodec;
  /** Largest RTP payload (bytes after the 12-byte header) a packet may carry. */
  readonly mtu: number;
  /** Sequence number of the first packet; later ones count up and wrap after 65535. */
  readonly firstSequence: number;
  readonly payloadType?: number;
};

/**
 * Pictures → RTP packets. A NAL unit that fits the MTU goes alone, or with its small neighbours in
 * an aggregation packet (STAP-A / AP) when two or more fit together; a larger one is split into
 * fragmentation units (FU-A / FU). The marker bit is set on each picture's last packet. Packets
 * go through buildRtp and parseRtp, so they are exactly what a socket would deliver.
 */
export function packetize(pictures: readonly SentPicture[], options: PacketizeOptions): RtpPacket[] {
  const out: RtpPacket[] = [];
  let sequence = options.firstSequence & 0xffff;
  for (const picture of pictures) {
    const payloads = options.codec === 'h264' ? h264Payloads(picture.nalus, options.mtu) : h265Payloads(picture.nalus, options.mtu);
    payloads.forEach((payload, i) => {
      const bytes = buildRtp({ payloadType: options.payloadType ?? 96, marker: i === payloads.length - 1, sequence, timestamp: picture.timestamp, payload });
      const packet = parseRtp(bytes);
      if (!packet) throw new Error('buildRtp made a packet parseRtp refuses');
      out.push(packet);
      sequence = (sequence + 1) & 0xffff;
    });
  }
  return out;
}

type Scheme = {
  readonly headerLength: number;
  /** Aggregation packet header for these NAL units. */
  readonly aggregationHeader: (nalus: readonly Uint8Array[]) => Uint8Array;
  /** Payload header + FU header for one fragment of `nal`. */
  readonly fuHeader: (nal: Uint8Array, start: boolean, end: boolean) => Uint8Array;
};

const H264: Scheme = {
  headerLength: 1,
  // RFC 6184 §5.7.1: F is the OR of the aggregated F bits, NRI their maximum, type 24 (STAP-A).
  aggregationHeader: (nalus) => {
    let f = 0;
    let nri = 0;
    for (const n of nalus) {
      f |= n[0]! & 0x80;
      nri = Math.max(nri, n[0]! & 0x60);
    }
    return Uint8Array.of(f | nri | 24);
  },
  // RFC 6184 §5.8: FU indicator keeps F and NRI with type 28; FU header carries S, E and the type.
  fuHeader: (nal, start, end) => Uint8Array.of((nal[0]! & 0xe0) | 28, (start ? 0x80 : 0) | (end ? 0x40 : 0) | (nal[0]! & 0x1f)),
};

const H265: Scheme = {
  headerLength: 2,
  // RFC 7798 §4.4.2: F is the OR, LayerId and TID the lowest of the aggregated units, type 48 (AP).
  aggregationHeader: (nalus) => {
    let f = 0;
    let layer = 63;
    let tid = 7;
    for (const n of nalus) {
      f |= n[0]! & 0x80;
      layer = Math.min(layer, ((n[0]! & 1) << 5) | (n[1]! >> 3));
      tid = Math.min(tid, n[1]! & 7);
    }
    return Uint8Array.of(f | (48 << 1) | (layer >> 5), ((layer & 31) << 3) | tid);
  },
  // RFC 7798 §4.4.3: payload header is the NAL header with type 49; FU header is S, E and the type.
  fuHeader: (nal, start, end) =>
    Uint8Array.of((nal[0]! & 0x81) | (49 << 1), nal[1]!, (start ? 0x80 : 0) | (end ? 0x40 : 0) | ((nal[0]! >> 1) & 0x3f)),
};

function h264Payloads(nalus: readonly Uint8Array[], mtu: number): Uint8Array[] {
  return payloads(H264, nalus, mtu);
}

function h265Payloads(nalus: readonly Uint8Array[], mtu: number): Uint8Array[] {
  return payloads(H265, nalus, mtu);
}

function payloads(scheme: Scheme, nalus: readonly Uint8Array[], mtu: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  let i = 0;
  while (i < nalus.length) {
    const nal = nalus[i]!;
    if (nal.length > mtu) {
      out.push(...fragments(scheme, nal, mtu));
      i++;
      continue;
    }
    // Gather as many following NAL units as fit one aggregation packet with this one.
    let size = scheme.headerLength + 2 + nal.length;
    let j = i + 1;
    while (j < nalus.length && size + 2 + nalus[j]!.length <= mtu) size += 2 + nalus[j++]!.length;
    if (j - i >= 2) {
      const group = nalus.slice(i, j);
      const parts: Uint8Array[] = [scheme.aggregationHeader(group)];
      for (const n of group) parts.push(Uint8Array.of(n.length >> 8, n.length & 0xff), n);
      out.push(concat(parts));
      i = j;
    } else {
      out.push(nal);
      i++;
    }
  }
  return out;
}

function fragments(scheme: Scheme, nal: Uint8Array, mtu: number): Uint8Array[] {
  const body = nal.subarray(scheme.headerLength);
  const room = mtu - scheme.headerLength - 1;
  if (room < 1 || body.length <= room) throw new Error(`a ${nal.length}-byte NAL unit needs no fragmenting at MTU ${mtu}`);
  const out: Uint8Array[] = [];
  for (let at = 0; at < body.length; at += room) {
    const end = at + room >= body.length;
    out.push(concat([scheme.fuHeader(nal, at === 0, end), body.subarray(at, at + room)]));
  }
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
