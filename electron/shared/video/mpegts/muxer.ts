import { concatBytes } from '../bytes';
import type { VideoCodec } from '../sdp';
import { klvRegistrationDescriptor, metadataDescriptor, metadataPointerDescriptor, STREAM_TYPE_H264, STREAM_TYPE_H265, STREAM_TYPE_METADATA_PES, STREAM_TYPE_PRIVATE_PES, type KlvCarriage } from './klv-descriptors';
import { buildMetadataCell, buildPes, STREAM_ID_METADATA, STREAM_ID_PRIVATE_1, STREAM_ID_VIDEO } from './pes';
import { buildPat, buildPmt, type Descriptor } from './psi';
import { packetize } from './ts-packet';

/**
 * A small STANAG 4609-style multiplexer for test fixtures and demos: one program with one video
 * stream (Annex B access units, which should carry their own access unit delimiters, as MPEG-TS
 * expects) and one KLV stream in either carriage. PAT and PMT go out first and again before
 * every keyframe; the PCR rides on the first packet of each video PES, 100 ms behind its DTS.
 *
 * Synchronous KLV: one metadata PES (stream_id 0xFC, PTS) per KLV packet, holding one complete
 * metadata access-unit cell. Asynchronous KLV: one private_stream_1 PES (0xBD) per KLV packet,
 * without a PTS unless asked for.
 */

export type MuxVideoUnit = { readonly pts: number; readonly dts?: number; readonly keyframe: boolean; readonly data: Uint8Array };
export type MuxKlvPacket = { readonly pts: number; readonly data: Uint8Array };

export type MuxInput = {
  readonly codec: VideoCodec;
  readonly video: readonly MuxVideoUnit[];
  readonly klv: readonly MuxKlvPacket[];
  readonly carriage: KlvCarriage;
  /** Asynchronous carriage only: stamp each PES with the packet's PTS anyway. */
  readonly asyncPts?: boolean;
};

export const MUX_PIDS = { pmt: 0x1000, video: 0x100, klv: 0x101 } as const;
const PROGRAM = 1;
const SERVICE_ID = 0;

function pmtOf(input: MuxInput): Uint8Array {
  const sync = input.carriage === 'sync';
  const klvDescriptors: Descriptor[] = sync ? [metadataDescriptor(SERVICE_ID)] : [klvRegistrationDescriptor()];
  return buildPmt({
    program: PROGRAM,
    pcrPid: MUX_PIDS.video,
    descriptors: sync ? [metadataPointerDescriptor(SERVICE_ID, PROGRAM)] : [],
    streams: [
      { streamType: input.codec === 'h264' ? STREAM_TYPE_H264 : STREAM_TYPE_H265, pid: MUX_PIDS.video, descriptors: [] },
      { streamType: sync ? STREAM_TYPE_METADATA_PES : STREAM_TYPE_PRIVATE_PES, pid: MUX_PIDS.klv, descriptors: klvDescriptors },
    ],
  });
}

export function muxTs(input: MuxInput): Uint8Array {
  const cc = new Map<number, number>();
  const out: Uint8Array[] = [];
  const send = (pid: number, unit: Uint8Array, o: { pcr?: number; randomAccess?: boolean } = {}): void => {
    const r = packetize(pid, cc.get(pid) ?? 0, unit, o);
    cc.set(pid, r.continuity);
    out.push(...r.packets);
  };
  // PSI sections go after a zero pointer_field.
  const pat = Uint8Array.from([0, ...buildPat(1, [{ program: PROGRAM, pid: MUX_PIDS.pmt }])]);
  const pmt = Uint8Array.from([0, ...pmtOf(input)]);
  const tables = (): void => {
    send(0, pat);
    send(MUX_PIDS.pmt, pmt);
  };

  // In decoding order; at equal times the picture goes first, then the metadata that describes it.
  type Item = { t: number; order: number; video?: MuxVideoUnit; klv?: MuxKlvPacket; index: number };
  const items: Item[] = [
    ...input.video.map((v, index) => ({ t: v.dts ?? v.pts, order: 0, video: v, index })),
    ...input.klv.map((k, index) => ({ t: k.pts, order: 1, klv: k, index })),
  ].sort((a, b) => a.t - b.t || a.order - b.order || a.index - b.index);

  tables();
  let sequence = 0;
  for (const item of items) {
    if (item.video) {
      const v = item.video;
      if (v.keyframe && item.index > 0) tables();
      const dts = v.dts ?? v.pts;
      send(MUX_PIDS.video, buildPes(STREAM_ID_VIDEO, v.data, { pts: v.pts, dts, unbounded: true }), { pcr: Math.max(0, dts - 9000) * 300, randomAccess: v.keyframe });
    } else if (item.klv) {
      const k = item.klv;
      if (input.carriage === 'sync') {
        const cell = buildMetadataCell({ serviceId: SERVICE_ID, sequence: sequence++, fragment: 'complete', data: k.data });
        send(MUX_PIDS.klv, buildPes(STREAM_ID_METADATA, cell, { pts: k.pts }));
      } else {
        send(MUX_PIDS.klv, buildPes(STREAM_ID_PRIVATE_1, k.data, input.asyncPts ? { pts: k.pts } : {}));
      }
    }
  }
  return concatBytes(out);
}
