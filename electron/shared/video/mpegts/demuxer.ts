import { h264NalType, h265NalType, splitAnnexB } from '../access-unit';
import { concatBytes } from '../bytes';
import type { VideoCodec } from '../sdp';
import { splitKlv } from '../klv/klv-units';
import { SMPTE_UL_PREFIX } from '../klv/uas-local-set';
import { klvCarriageOf, STREAM_TYPE_H264, STREAM_TYPE_H265, type KlvCarriage } from './klv-descriptors';
import { parseMetadataCells, parsePes } from './pes';
import { parseSection, sectionSize } from './psi';
import { parseTsPacket, SYNC_BYTE, TS_PACKET_SIZE, type TsPacket } from './ts-packet';

/**
 * MPEG-TS bytes, in chunks of any size → the video access units and KLV packets they carry.
 * Every program in the PAT is followed; its H.264/H.265 streams give Annex B access units (one
 * per PES, as MPEG-TS carries them) and its KLV streams (both carriages) give whole KLV packets.
 * Nothing here throws: lost sync, garbage, bad CRCs, continuity gaps and broken PES packets are
 * counted in `stats` and skipped, and the stream carries on.
 */

export type TsVideoUnit = { readonly kind: 'video'; readonly pid: number; readonly codec: VideoCodec; readonly pts: number | null; readonly dts: number | null; readonly keyframe: boolean; readonly data: Uint8Array };
export type TsKlvPacket = { readonly kind: 'klv'; readonly pid: number; readonly carriage: KlvCarriage; readonly pts: number | null; readonly bytes: Uint8Array };
/** KLV bytes that could not be framed: garbage, a broken or cut BER length, a cell or fragment that does not fit. */
export type TsKlvSkip = { readonly kind: 'klv-skip'; readonly pid: number; readonly carriage: KlvCarriage; readonly pts: number | null; readonly reason: 'garbage' | 'bad-length' | 'truncated' | 'bad-cell' | 'lost-fragment'; readonly bytes: number };
export type TsEvent = TsVideoUnit | TsKlvPacket | TsKlvSkip;

export type TsStats = {
  /** Transport packets read. */
  packets: number;
  /** Times the 0x47 rhythm was lost and searched for again; bytes skipped doing so (or left over at the end). */
  syncLosses: number;
  skippedBytes: number;
  /** Packets flagged by the transport (transport_error_indicator), scrambled, or with an impossible adaptation field. */
  errorPackets: number;
  scrambledPackets: number;
  badPackets: number;
  /** Continuity counter jumps on a followed PID (each loses at least one packet). */
  continuityErrors: number;
  /** PAT/PMT sections refused (bad CRC, malformed). */
  psiErrors: number;
  /** PES packets dropped: cut by a continuity gap, shorter than declared, or with an unreadable header. */
  pesErrors: number;
};

type Stream = { readonly pid: number; readonly kind: 'video'; readonly codec: VideoCodec } | { readonly pid: number; readonly kind: 'klv'; readonly carriage: KlvCarriage };

type PidState = {
  continuity: number | null;
  /** PSI: the section being put together. PES: the packet being put together; null when waiting for a unit start. */
  parts: Uint8Array[] | null;
  size: number;
  /** Synchronous KLV: the access unit being reassembled from fragment cells, and the PTS of its first piece. */
  fragments?: { parts: Uint8Array[]; pts: number | null } | null;
};

const MAX_PES_BYTES = 16 * 1024 * 1024;

export class TsDemuxer {
  readonly stats: TsStats = { packets: 0, syncLosses: 0, skippedBytes: 0, errorPackets: 0, scrambledPackets: 0, badPackets: 0, continuityErrors: 0, psiErrors: 0, pesErrors: 0 };
  private pending: Uint8Array = new Uint8Array(0);
  /** In step with the packets; a stream is taken to start on one (files and datagrams do). */
  private locked = true;
  private readonly pmtPids = new Set<number>();
  private readonly streams = new Map<number, Stream>();
  private readonly pids = new Map<number, PidState>();

  /** The streams announced so far, by PID. */
  get announced(): ReadonlyMap<number, Stream> {
    return this.streams;
  }

  push(chunk: Uint8Array): TsEvent[] {
    const b = this.pending.length > 0 ? concatBytes([this.pending, chunk]) : chunk;
    const out: TsEvent[] = [];
    const at = this.readPackets(b, false, out);
    this.pending = b.slice(at);
    return out;
  }

  /** The end of the stream: packets and PES packets still open are finished or counted. */
  flush(): TsEvent[] {
    const out: TsEvent[] = [];
    const at = this.readPackets(this.pending, true, out);
    this.stats.skippedBytes += this.pending.length - at;
    this.pending = new Uint8Array(0);
    for (const [pid, state] of this.pids) {
      const stream = this.streams.get(pid);
      if (stream && state.parts) this.finishPes(stream, state, out);
    }
    return out;
  }

  /** Reads whole packets from `b`; returns where the unread tail starts. */
  private readPackets(b: Uint8Array, atEnd: boolean, out: TsEvent[]): number {
    let at = 0;
    while (b.length - at >= TS_PACKET_SIZE) {
      if (!this.locked || b[at] !== SYNC_BYTE) {
        if (this.locked && this.stats.packets > 0) this.stats.syncLosses++;
        this.locked = false;
        const found = this.findSync(b, at, atEnd);
        this.stats.skippedBytes += found.at - at;
        at = found.at;
        if (!found.confirmed) break;
        this.locked = true;
      }
      this.packet(parseTsPacket(b, at), out);
      at += TS_PACKET_SIZE;
    }
    return at;
  }

  /**
   * The next offset that starts a packet: a 0x47 with another 0x47 one packet later, so a 0x47
   * inside a payload does not pass for one. Without the bytes to confirm, the search waits for
   * more (at the end of the stream, a lone 0x47 with a whole packet after it is taken).
   */
  private findSync(b: Uint8Array, from: number, atEnd: boolean): { at: number; confirmed: boolean } {
    for (let i = from; i + TS_PACKET_SIZE <= b.length; i++) {
      if (b[i] !== SYNC_BYTE) continue;
      if (i + TS_PACKET_SIZE < b.length) {
        if (b[i + TS_PACKET_SIZE] === SYNC_BYTE) return { at: i, confirmed: true };
      } else return { at: i, confirmed: atEnd }; // wait here for the byte that confirms it
    }
    return { at: Math.max(from, b.length - TS_PACKET_SIZE + 1), confirmed: false };
  }

  private state(pid: number): PidState {
    let s = this.pids.get(pid);
    if (!s) this.pids.set(pid, (s = { continuity: null, parts: null, size: 0 }));
    return s;
  }

  private packet(p: TsPacket | null, out: TsEvent[]): void {
    this.stats.packets++;
    if (!p) {
      this.stats.badPackets++;
      return;
    }
    if (p.transportError) {
      this.stats.errorPackets++;
      return;
    }
    const isPsi = p.pid === 0 || this.pmtPids.has(p.pid);
    const stream = this.streams.get(p.pid);
    if (!isPsi && !stream) return;
    if (p.scrambling !== 0) {
      this.stats.scrambledPackets++;
      return;
    }
    const state = this.state(p.pid);
    if (p.hasPayload) {
      const expected = state.continuity === null ? p.continuity : (state.continuity + 1) & 0x0f;
      if (state.continuity === p.continuity && !p.discontinuity) return; // the one duplicate the standard allows
      if (p.continuity !== expected && !p.discontinuity) {
        this.stats.continuityErrors++;
        if (state.parts && stream) this.stats.pesErrors++;
        state.parts = null; // what was being assembled has a hole in it
        if (state.fragments) state.fragments = null;
      }
      state.continuity = p.continuity;
    }
    if (!p.hasPayload || p.payload.length === 0) return;
    if (isPsi) this.psi(p, state);
    else if (stream) this.pes(p, stream, state, out);
  }

  private psi(p: TsPacket, state: PidState): void {
    let payload = p.payload;
    if (p.payloadStart) {
      const pointer = payload[0]!;
      if (1 + pointer > payload.length) {
        this.stats.psiErrors++;
        state.parts = null;
        return;
      }
      if (state.parts) this.addSectionBytes(state, payload.subarray(1, 1 + pointer));
      state.parts = [];
      state.size = 0;
      payload = payload.subarray(1 + pointer);
    }
    if (state.parts) this.addSectionBytes(state, payload);
  }

  /** Appends to the section under construction; complete sections are read, and more may follow in the same bytes. */
  private addSectionBytes(state: PidState, bytes: Uint8Array): void {
    state.parts!.push(bytes);
    state.size += bytes.length;
    for (;;) {
      const joined = concatBytes(state.parts!);
      if (joined.length === 0 || joined[0] === 0xff) {
        state.parts = joined.length === 0 ? [] : null; // 0xFF: stuffing to the end of the packet
        state.size = 0;
        return;
      }
      const size = sectionSize(joined, 0);
      if (size === null || joined.length < size) {
        state.parts = [joined];
        return;
      }
      this.section(joined.subarray(0, size));
      state.parts = [joined.subarray(size)];
      state.size = joined.length - size;
    }
  }

  private section(s: Uint8Array): void {
    const parsed = parseSection(s);
    if (parsed === 'crc' || parsed === 'malformed') {
      this.stats.psiErrors++;
      return;
    }
    if (parsed.kind === 'pat') {
      for (const entry of parsed.programs) if (entry.program !== 0) this.pmtPids.add(entry.pid); // program 0 points at the network PID
    } else if (parsed.kind === 'pmt') {
      for (const s of parsed.pmt.streams) {
        if (this.pmtPids.has(s.pid) || s.pid === 0) continue;
        const carriage = klvCarriageOf(s);
        const stream: Stream | null =
          s.streamType === STREAM_TYPE_H264 ? { pid: s.pid, kind: 'video', codec: 'h264' } : s.streamType === STREAM_TYPE_H265 ? { pid: s.pid, kind: 'video', codec: 'h265' } : carriage ? { pid: s.pid, kind: 'klv', carriage } : null;
        if (stream) this.streams.set(s.pid, stream);
      }
    }
  }

  private pes(p: TsPacket, stream: Stream, state: PidState, out: TsEvent[]): void {
    if (p.payloadStart) {
      if (state.parts) this.finishPes(stream, state, out);
      state.parts = [];
      state.size = 0;
    }
    if (!state.parts) return; // joined mid-packet, or after a gap: wait for the next unit start
    state.parts.push(p.payload);
    state.size += p.payload.length;
    if (state.size > MAX_PES_BYTES) {
      this.stats.pesErrors++;
      state.parts = null;
      return;
    }
    // A bounded PES packet is complete as soon as its declared length is in: no need to wait for the next one.
    const first = state.parts[0]!;
    const declared = first.length >= 6 ? (first[4]! << 8) | first[5]! : 0;
    if (declared > 0 && state.size >= 6 + declared) this.finishPes(stream, state, out);
  }

  private finishPes(stream: Stream, state: PidState, out: TsEvent[]): void {
    const bytes = concatBytes(state.parts!);
    state.parts = null;
    const pes = parsePes(bytes);
    if (pes === null || pes === 'truncated') {
      this.stats.pesErrors++;
      return;
    }
    if (stream.kind === 'video') {
      if (pes.payload.length === 0) return;
      out.push({ kind: 'video', pid: stream.pid, codec: stream.codec, pts: pes.pts, dts: pes.dts, keyframe: isKeyframe(stream.codec, pes.payload), data: pes.payload });
      return;
    }
    const klv = { pid: stream.pid, carriage: stream.carriage };
    if (stream.carriage === 'async') {
      this.klvUnits(pes.payload, klv, pes.pts, out);
      return;
    }
    // A cell header cannot start like a universal label (its reserved bits make the third byte
    // xF), so a payload that does is KLV without cells, as ffmpeg 5.1 writes synchronous KLV.
    if (startsWithLabel(pes.payload)) {
      this.klvUnits(pes.payload, klv, pes.pts, out);
      return;
    }
    const cells = parseMetadataCells(pes.payload);
    if (!cells) {
      out.push({ kind: 'klv-skip', ...klv, pts: pes.pts, reason: 'bad-cell', bytes: pes.payload.length });
      return;
    }
    for (const cell of cells) {
      if (cell.fragment === 'complete') {
        this.klvUnits(cell.data, klv, pes.pts, out);
      } else if (cell.fragment === 'first') {
        state.fragments = { parts: [cell.data], pts: pes.pts };
      } else if (!state.fragments) {
        out.push({ kind: 'klv-skip', ...klv, pts: pes.pts, reason: 'lost-fragment', bytes: cell.data.length });
      } else {
        state.fragments.parts.push(cell.data);
        if (cell.fragment === 'last') {
          this.klvUnits(concatBytes(state.fragments.parts), klv, state.fragments.pts, out);
          state.fragments = null;
        }
      }
    }
  }

  private klvUnits(b: Uint8Array, klv: { pid: number; carriage: KlvCarriage }, pts: number | null, out: TsEvent[]): void {
    for (const unit of splitKlv(b)) {
      if (unit.kind === 'packet') out.push({ kind: 'klv', ...klv, pts, bytes: unit.bytes });
      else out.push({ kind: 'klv-skip', ...klv, pts, reason: unit.reason, bytes: unit.bytes });
    }
  }
}

function startsWithLabel(b: Uint8Array): boolean {
  return SMPTE_UL_PREFIX.every((byte, i) => b[i] === byte);
}

function isKeyframe(codec: VideoCodec, annexB: Uint8Array): boolean {
  return splitAnnexB(annexB).some((nal) => (codec === 'h264' ? h264NalType(nal) === 5 : h265NalType(nal) >= 16 && h265NalType(nal) <= 21));
}
