import { concatBytes } from './bytes';
import { h264NalType, h265NalType, type AccessUnit } from './access-unit';
import type { RtpPacket } from './rtp';
import type { VideoCodec } from './sdp';

/**
 * RTP payload → access units, for H.264 (RFC 6184: single NAL, STAP-A, FU-A) and H.265
 * (RFC 7798: single NAL, aggregation packets, fragmentation units). A lost, reordered or corrupt
 * packet spoils only its own picture: output resumes at the next keyframe, so a decoder never
 * sees a picture whose references are missing. Keyframes always carry their parameter sets,
 * taken from the stream or from the SDP, so any viewer can start on one.
 */

export type DepacketizerStats = {
  packets: number;
  lostPackets: number;
  malformedPackets: number;
  /** Pictures not delivered: damaged, or waiting for a keyframe after damage. */
  droppedUnits: number;
  units: number;
};

type Codec = {
  readonly nalType: (nal: Uint8Array) => number;
  readonly headerLength: number;
  readonly isKeyframe: (type: number) => boolean;
  /** Parameter-set NAL types in the order a decoder needs them. */
  readonly parameterSetTypes: readonly number[];
  readonly aggregation: number;
  readonly fragmentation: number;
  readonly maxSingle: number;
  /** The NAL header rebuilt from a fragmentation unit's payload header and FU header. */
  readonly fuHeader: (payload: Uint8Array) => { header: Uint8Array; fu: number } | null;
};

const CODECS: Record<VideoCodec, Codec> = {
  h264: {
    nalType: h264NalType,
    headerLength: 1,
    isKeyframe: (t) => t === 5,
    parameterSetTypes: [7, 8],
    aggregation: 24,
    fragmentation: 28,
    maxSingle: 23,
    fuHeader: (p) => (p.length < 3 ? null : { header: Uint8Array.of((p[0]! & 0xe0) | (p[1]! & 0x1f)), fu: p[1]! }),
  },
  h265: {
    nalType: h265NalType,
    headerLength: 2,
    isKeyframe: (t) => t >= 16 && t <= 21,
    parameterSetTypes: [32, 33, 34],
    aggregation: 48,
    fragmentation: 49,
    maxSingle: 47,
    fuHeader: (p) => (p.length < 4 ? null : { header: Uint8Array.of((p[0]! & 0x81) | ((p[2]! & 0x3f) << 1), p[1]!), fu: p[2]! }),
  },
};

export class Depacketizer {
  readonly stats: DepacketizerStats = { packets: 0, lostPackets: 0, malformedPackets: 0, droppedUnits: 0, units: 0 };
  private readonly c: Codec;
  private readonly parameterSets = new Map<number, Uint8Array>();
  private lastSequence: number | null = null;
  private lastTimestamp32: number | null = null;
  private timestamp = 0;
  private nalus: Uint8Array[] = [];
  private fragment: Uint8Array[] | null = null;
  private damaged = false;
  private awaitingKeyframe = true;

  constructor(
    readonly codec: VideoCodec,
    sdpParameterSets: readonly Uint8Array[] = [],
  ) {
    this.c = CODECS[codec];
    for (const ps of sdpParameterSets) this.noteParameterSet(ps);
  }

  /** The latest parameter set of each kind, in decoder order. */
  currentParameterSets(): Uint8Array[] {
    return this.c.parameterSetTypes.map((t) => this.parameterSets.get(t)).filter((p): p is Uint8Array => p !== undefined);
  }

  /** Takes one RTP packet (already checked to be this track's); returns pictures it completes. */
  push(packet: RtpPacket): AccessUnit[] {
    this.stats.packets++;
    const out: AccessUnit[] = [];
    let lost = false;
    if (this.lastSequence !== null) {
      const gap = (packet.sequence - this.lastSequence + 0x10000) & 0xffff;
      if (gap === 0 || gap > 0x8000) return out; // duplicate or late: already past it
      if (gap > 1) {
        this.stats.lostPackets += gap - 1;
        lost = true;
      }
    }
    this.lastSequence = packet.sequence;
    const timestamp = this.unwrap(packet.timestamp);
    if (this.nalus.length > 0 || this.fragment || this.damaged) {
      if (timestamp !== this.timestamp) {
        if (lost) this.spoil(); // the unfinished picture lost its tail
        this.flush(out);
      }
    }
    // Spoiled after any flush, not before: the missing packets may have been this packet's own
    // picture's first ones (a new timestamp says nothing about what came before it), and a
    // picture missing its head must not be emitted as if whole.
    if (lost) this.spoil();
    this.timestamp = timestamp;
    if (!this.unpack(packet.payload)) {
      this.stats.malformedPackets++;
      this.spoil();
    }
    if (packet.marker) this.flush(out);
    return out;
  }

  private unwrap(ts32: number): number {
    if (this.lastTimestamp32 === null) {
      this.lastTimestamp32 = ts32;
      this.timestamp = ts32;
      return ts32;
    }
    const delta = ((ts32 - this.lastTimestamp32) | 0);
    this.lastTimestamp32 = ts32;
    return this.timestamp + delta;
  }

  private spoil(): void {
    this.damaged = true;
    this.fragment = null;
  }

  private unpack(p: Uint8Array): boolean {
    const c = this.c;
    if (p.length < c.headerLength || (p[0]! & 0x80) !== 0) return false;
    const type = c.nalType(p);
    if (type === 0 && c === CODECS.h264) return false;
    if (type <= c.maxSingle) {
      if (this.fragment) return false; // a new NAL while a fragmented one is unfinished
      this.nalus.push(p);
      return true;
    }
    if (type === c.aggregation) {
      if (this.fragment) return false;
      let at = c.headerLength;
      const found: Uint8Array[] = [];
      while (at < p.length) {
        if (at + 2 > p.length) return false;
        const size = (p[at]! << 8) | p[at + 1]!;
        at += 2;
        if (size < c.headerLength || at + size > p.length) return false;
        const nal = p.subarray(at, at + size);
        if ((nal[0]! & 0x80) !== 0) return false;
        found.push(nal);
        at += size;
      }
      if (found.length === 0) return false;
      this.nalus.push(...found);
      return true;
    }
    if (type === c.fragmentation) {
      const fu = c.fuHeader(p);
      if (!fu) return false;
      const start = (fu.fu & 0x80) !== 0;
      const end = (fu.fu & 0x40) !== 0;
      if (start && end) return false;
      const body = p.subarray(c.headerLength + 1);
      if (start) {
        if (this.fragment) return false;
        this.fragment = [fu.header, body];
      } else {
        if (!this.fragment) return false; // its start was lost
        this.fragment.push(body);
      }
      if (end) {
        this.nalus.push(concatBytes(this.fragment));
        this.fragment = null;
      }
      return true;
    }
    return false; // STAP-B, MTAP, FU-B, PACI and reserved types: not sent by cameras we support
  }

  private noteParameterSet(nal: Uint8Array): void {
    const type = this.c.nalType(nal);
    if (this.c.parameterSetTypes.includes(type)) this.parameterSets.set(type, nal.slice());
  }

  private flush(out: AccessUnit[]): void {
    const nalus = this.nalus;
    const damaged = this.damaged || this.fragment !== null;
    this.nalus = [];
    this.fragment = null;
    this.damaged = false;
    if (nalus.length === 0 && !damaged) return;
    if (damaged) {
      this.stats.droppedUnits++;
      this.awaitingKeyframe = true;
      return;
    }
    let keyframe = false;
    for (const nal of nalus) {
      const type = this.c.nalType(nal);
      if (this.c.isKeyframe(type)) keyframe = true;
      this.noteParameterSet(nal);
    }
    const onlyParameterSets = nalus.every((n) => this.c.parameterSetTypes.includes(this.c.nalType(n)));
    if (onlyParameterSets) return; // some cameras send SPS/PPS in packets of their own: kept, not a picture
    // A keyframe whose parameter sets never arrived (in band or in the SDP) is no place to start
    // decoding either: emitted bare, it would break the promise that keyframes carry them.
    const startable = keyframe && this.c.parameterSetTypes.every((t) => this.parameterSets.has(t));
    if ((this.awaitingKeyframe || keyframe) && !startable) {
      this.stats.droppedUnits++;
      this.awaitingKeyframe = true;
      return;
    }
    this.awaitingKeyframe = false;
    let units = nalus;
    if (keyframe) {
      const present = new Set(nalus.map((n) => this.c.nalType(n)));
      const missing = this.c.parameterSetTypes.filter((t) => !present.has(t) && this.parameterSets.has(t)).map((t) => this.parameterSets.get(t)!);
      if (missing.length > 0) units = [...missing, ...nalus];
    }
    this.stats.units++;
    out.push({ codec: this.codec, timestamp: this.timestamp, keyframe, nalus: units });
  }
}
