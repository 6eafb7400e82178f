import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toAnnexB } from '../access-unit';
import { encodeUasLocalSet } from '../klv/uas-local-set';
import { TsDemuxer, type TsEvent, type TsKlvPacket, type TsVideoUnit } from './demuxer';
import { klvRegistrationDescriptor, metadataDescriptor, STREAM_TYPE_H264, STREAM_TYPE_METADATA_PES, STREAM_TYPE_PRIVATE_PES, type KlvCarriage } from './klv-descriptors';
import { muxTs, MUX_PIDS, type MuxInput } from './muxer';
import { buildMetadataCell, buildPes, STREAM_ID_METADATA } from './pes';
import { buildPat, buildPmt } from './psi';
import { packetize, TS_PACKET_SIZE } from './ts-packet';

/** A picture as an H.264 encoder writes it for MPEG-TS: AUD, parameter sets on keyframes, one slice. */
function picture(keyframe: boolean, body: number, fill: number): Uint8Array {
  const nalus = [Uint8Array.of(0x09, 0xf0)];
  if (keyframe) nalus.push(Uint8Array.of(0x67, 0x42, 0xc0, 0x1e, 0x95), Uint8Array.of(0x68, 0xce, 0x38, 0x80));
  const slice = new Uint8Array(2 + body).fill(fill | 0x10); // never 0: no start code can appear inside
  slice[0] = keyframe ? 0x65 : 0x41;
  slice[1] = 0x88;
  nalus.push(slice);
  return toAnnexB(nalus);
}

const inputArb = (carriage: KlvCarriage): fc.Arbitrary<MuxInput> =>
  fc
    .record({
      pictures: fc.array(fc.record({ body: fc.integer({ min: 0, max: 3000 }), fill: fc.integer({ min: 1, max: 255 }) }), { minLength: 1, maxLength: 12 }),
      headings: fc.array(fc.double({ min: 0, max: 360, noNaN: true }), { maxLength: 12 }),
      start: fc.integer({ min: 9000, max: 2 ** 32 }),
      asyncPts: fc.boolean(),
    })
    .map(({ pictures, headings, start, asyncPts }) => ({
      codec: 'h264',
      carriage,
      asyncPts,
      // 25 fps, no B-frames: DTS = PTS.
      video: pictures.map((p, i) => ({ pts: start + i * 3600, keyframe: i % 5 === 0, data: picture(i % 5 === 0, p.body, p.fill) })),
      klv: headings.map((h, i) => ({ pts: start + i * 3600 + 1800, data: encodeUasLocalSet({ precisionTimeStampUs: 1_700_000_000_000_000 + i * 40_000, platformHeadingDeg: h }) })),
    }));

function demux(bytes: Uint8Array, cuts: number[] = []): { events: TsEvent[]; d: TsDemuxer } {
  const d = new TsDemuxer();
  const events: TsEvent[] = [];
  let at = 0;
  for (const cut of [...cuts.filter((c) => c > 0 && c < bytes.length).sort((a, b) => a - b), bytes.length]) {
    events.push(...d.push(bytes.subarray(at, cut)));
    at = cut;
  }
  events.push(...d.flush());
  return { events, d };
}

const videoOf = (e: TsEvent[]): TsVideoUnit[] => e.filter((x): x is TsVideoUnit => x.kind === 'video');
const klvOf = (e: TsEvent[]): TsKlvPacket[] => e.filter((x): x is TsKlvPacket => x.kind === 'klv');
const clean = (d: TsDemuxer): void => expect(d.stats).toMatchObject({ syncLosses: 0, skippedBytes: 0, errorPackets: 0, badPackets: 0, continuityErrors: 0, psiErrors: 0, pesErrors: 0 });

describe.each(['sync', 'async'] as const)('MPEG-TS demuxer, %s KLV', (carriage) => {
  it('gives back every picture and KLV packet it was muxed with, with their timestamps, however the bytes are cut', () => {
    fc.assert(
      fc.property(inputArb(carriage), fc.array(fc.nat(100_000), { maxLength: 20 }), (input, cuts) => {
        const { events, d } = demux(muxTs(input), cuts);
        clean(d);
        const video = videoOf(events);
        expect(video.map((v) => [...v.data])).toEqual(input.video.map((v) => [...v.data]));
        expect(video.map((v) => [v.pts, v.dts, v.keyframe, v.codec, v.pid])).toEqual(input.video.map((v) => [v.pts, v.pts, v.keyframe, 'h264', MUX_PIDS.video]));
        const klv = klvOf(events);
        expect(klv.map((k) => [...k.bytes])).toEqual(input.klv.map((k) => [...k.data]));
        const stamped = carriage === 'sync' || input.asyncPts;
        expect(klv.map((k) => [k.pts, k.carriage])).toEqual(input.klv.map((k) => [stamped ? k.pts : null, carriage]));
        expect(events.filter((e) => e.kind === 'klv-skip')).toEqual([]);
        expect(d.announced.get(MUX_PIDS.klv)).toEqual({ pid: MUX_PIDS.klv, kind: 'klv', carriage });
      }),
      { numRuns: 60 },
    );
  });

  it('counts a lost packet as a continuity error and loses only the units it belonged to', () => {
    fc.assert(
      fc.property(inputArb(carriage), fc.nat(), (input, which) => {
        const bytes = muxTs(input);
        const packets = Array.from({ length: bytes.length / TS_PACKET_SIZE }, (_, i) => bytes.subarray(i * TS_PACKET_SIZE, (i + 1) * TS_PACKET_SIZE));
        const pidOf = (p: Uint8Array): number => ((p[1]! & 0x1f) << 8) | p[2]!;
        // Any packet but the first or last of its PID: with nothing before or after it on the PID, no
        // continuity counter can tell that it is gone (a stream joined mid-way looks just the same).
        const ends = [0, MUX_PIDS.pmt, MUX_PIDS.video, MUX_PIDS.klv].flatMap((pid) => [packets.findIndex((p) => pidOf(p) === pid), packets.findLastIndex((p) => pidOf(p) === pid)]);
        const candidates = packets.map((_, i) => i).filter((i) => !ends.includes(i));
        if (candidates.length === 0) return;
        const lost = candidates[which % candidates.length]!;
        const { events, d } = demux(Uint8Array.from(packets.filter((_, i) => i !== lost).flatMap((p) => [...p])));
        const gone = input.video.length + input.klv.length - videoOf(events).length - klvOf(events).length;
        // A lost video unit start also costs the picture before it: an unbounded PES cannot show it was complete.
        const startedVideo = pidOf(packets[lost]!) === MUX_PIDS.video && (packets[lost]![1]! & 0x40) !== 0;
        expect(gone).toBeLessThanOrEqual(startedVideo ? 2 : 1);
        expect(d.stats.continuityErrors + d.stats.psiErrors + d.stats.pesErrors).toBeGreaterThanOrEqual(gone > 0 ? 1 : 0);
        // What does come out is exactly what went in.
        const sent = new Set([...input.video.map((v) => `${v.pts}:${[...v.data]}`), ...input.klv.map((k) => [...k.data].join())]);
        for (const v of videoOf(events)) expect(sent.has(`${v.pts}:${[...v.data]}`)).toBe(true);
        for (const k of klvOf(events)) expect(sent.has([...k.bytes].join())).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('resyncs on 0x47 after garbage between packets, counting every skipped byte', () => {
    fc.assert(
      fc.property(inputArb(carriage), fc.array(fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 400 })), { maxLength: 4 }), (input, junk) => {
        const bytes = muxTs(input);
        const packets = bytes.length / TS_PACKET_SIZE;
        // Runs of junk at packet boundaries, never on both sides of one packet: a lone packet between
        // two runs of junk cannot be told from a 0x47 inside them, and is skipped with them.
        const insertAt = new Map<number, Uint8Array>();
        for (const [w, g] of junk) {
          const at = w % (packets + 1);
          if (!insertAt.has(at - 1) && !insertAt.has(at + 1)) insertAt.set(at, g.map((b) => (b === 0x47 ? 0x46 : b)));
        }
        const parts: number[] = [];
        for (let i = 0; i <= packets; i++) {
          parts.push(...(insertAt.get(i) ?? []));
          if (i < packets) parts.push(...bytes.subarray(i * TS_PACKET_SIZE, (i + 1) * TS_PACKET_SIZE));
        }
        const { events, d } = demux(Uint8Array.from(parts), [1000, 5000]);
        expect(d.stats.skippedBytes).toBe([...insertAt.values()].reduce((n, g) => n + g.length, 0));
        expect(videoOf(events).map((v) => [...v.data])).toEqual(input.video.map((v) => [...v.data]));
        expect(klvOf(events).map((k) => [...k.bytes])).toEqual(input.klv.map((k) => [...k.data]));
      }),
      { numRuns: 40 },
    );
  });
});

describe('MPEG-TS demuxer, bad input', () => {
  it('never throws on random bytes, or on a real stream with random damage', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.array(fc.nat(3000), { maxLength: 5 }), (bytes, cuts) => {
        demux(bytes, cuts);
        const noisy = Uint8Array.from(bytes.map((b, i) => (i % TS_PACKET_SIZE === 0 ? 0x47 : b)));
        demux(noisy, cuts);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(inputArb('sync'), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 30 }), (input, hits) => {
        const bytes = muxTs(input);
        for (const [where, value] of hits) bytes[where % bytes.length] = value;
        const { events } = demux(bytes);
        for (const k of klvOf(events)) expect(k.bytes.length).toBeGreaterThan(16);
      }),
      { numRuns: 100 },
    );
  });

  it('skips packets the transport flagged as errored, and tables whose CRC fails', () => {
    const input: MuxInput = { codec: 'h264', carriage: 'sync', video: [{ pts: 9000, keyframe: true, data: picture(true, 10, 1) }], klv: [{ pts: 9000, data: encodeUasLocalSet({ missionId: 'M' }) }] };
    const bytes = muxTs(input);
    const flagged = bytes.slice();
    flagged[(bytes.length / TS_PACKET_SIZE - 1) * TS_PACKET_SIZE + 1]! |= 0x80; // the KLV packet, last
    const r = demux(flagged);
    expect(r.d.stats.errorPackets).toBe(1);
    expect(klvOf(r.events)).toEqual([]);
    expect(videoOf(r.events)).toHaveLength(1);
    const badPmt = bytes.slice();
    badPmt[2 * TS_PACKET_SIZE - 10]! ^= 0xff; // inside the PMT section, which ends its packet after the stuffing
    const p = demux(badPmt);
    expect(p.d.stats.psiErrors).toBeGreaterThanOrEqual(1);
    expect(p.events).toEqual([]); // no PMT read, so no stream followed
  });

  it('reassembles a synchronous access unit sent in fragment cells, and reports a fragment without its start', () => {
    const klv = encodeUasLocalSet({ precisionTimeStampUs: 42, missionId: 'FRAGMENTED' });
    const pat = packetize(0, 0, Uint8Array.from([0, ...buildPat(1, [{ program: 1, pid: 0x1000 }])])).packets;
    const pmt = packetize(0x1000, 0, Uint8Array.from([0, ...buildPmt({ program: 1, pcrPid: 0x101, descriptors: [], streams: [{ streamType: STREAM_TYPE_METADATA_PES, pid: 0x101, descriptors: [metadataDescriptor(0)] }] })])).packets;
    const cells = [
      buildMetadataCell({ serviceId: 0, sequence: 0, fragment: 'first', data: klv.subarray(0, 10) }),
      buildMetadataCell({ serviceId: 0, sequence: 0, fragment: 'middle', data: klv.subarray(10, 20) }),
      buildMetadataCell({ serviceId: 0, sequence: 0, fragment: 'last', data: klv.subarray(20) }),
      buildMetadataCell({ serviceId: 0, sequence: 1, fragment: 'last', data: Uint8Array.of(1, 2, 3) }),
    ];
    let cc = 0;
    const pes = cells.flatMap((cell, i) => {
      const r = packetize(0x101, cc, buildPes(STREAM_ID_METADATA, cell, { pts: 9000 + i }));
      cc = r.continuity;
      return r.packets;
    });
    const { events } = demux(Uint8Array.from([...pat, ...pmt, ...pes].flatMap((p) => [...p])));
    expect(events).toEqual([
      { kind: 'klv', pid: 0x101, carriage: 'sync', pts: 9000, bytes: klv },
      { kind: 'klv-skip', pid: 0x101, carriage: 'sync', pts: 9003, reason: 'lost-fragment', bytes: 3 },
    ]);
  });

  it('reads synchronous KLV sent without access-unit cells, as ffmpeg 5.1 writes it', () => {
    const klv = encodeUasLocalSet({ precisionTimeStampUs: 7 });
    const pat = packetize(0, 0, Uint8Array.from([0, ...buildPat(1, [{ program: 1, pid: 0x1000 }])])).packets;
    const pmt = packetize(0x1000, 0, Uint8Array.from([0, ...buildPmt({ program: 1, pcrPid: 0x101, descriptors: [], streams: [{ streamType: STREAM_TYPE_METADATA_PES, pid: 0x101, descriptors: [klvRegistrationDescriptor()] }] })])).packets;
    const pes = packetize(0x101, 0, buildPes(STREAM_ID_METADATA, klv, { pts: 1234 })).packets;
    expect(demux(Uint8Array.from([...pat, ...pmt, ...pes].flatMap((p) => [...p]))).events).toEqual([{ kind: 'klv', pid: 0x101, carriage: 'sync', pts: 1234, bytes: klv }]);
  });

  it('reads an asynchronous PES holding several KLV packets and some garbage', () => {
    const a = encodeUasLocalSet({ missionId: 'A' });
    const b = encodeUasLocalSet({ missionId: 'B' });
    const pat = packetize(0, 0, Uint8Array.from([0, ...buildPat(1, [{ program: 1, pid: 0x1000 }])])).packets;
    const pmt = packetize(0x1000, 0, Uint8Array.from([0, ...buildPmt({ program: 1, pcrPid: 0x100, descriptors: [], streams: [{ streamType: STREAM_TYPE_H264, pid: 0x100, descriptors: [] }, { streamType: STREAM_TYPE_PRIVATE_PES, pid: 0x101, descriptors: [klvRegistrationDescriptor()] }] })])).packets;
    const pes = packetize(0x101, 0, buildPes(0xbd, Uint8Array.from([...a, 0xaa, 0xbb, ...b, ...b.subarray(0, 20)]))).packets;
    const { events } = demux(Uint8Array.from([...pat, ...pmt, ...pes].flatMap((p) => [...p])));
    expect(events.map((e) => (e.kind === 'klv' ? 'klv' : `${e.kind}:${'reason' in e ? e.reason : ''}`))).toEqual(['klv', 'klv-skip:garbage', 'klv', 'klv-skip:truncated']);
  });
});
