import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packetize, type SentPicture } from '../../../test/support/rtp-packetizer';
import type { AccessUnit } from './access-unit';
import { Depacketizer } from './depacketizer';
import type { RtpPacket } from './rtp';
import type { VideoCodec } from './sdp';

/** NAL types per codec: parameter sets in decoder order, a keyframe slice, a delta slice, SEI. */
const TYPES = {
  h264: { parameterSets: [7, 8], key: 5, delta: 1, sei: 6 },
  h265: { parameterSets: [32, 33, 34], key: 19, delta: 1, sei: 39 },
} as const;

/** A NAL unit of `type` whose body is `body` (header bytes first; F bit clear, TID 1 for H.265). */
function nal(codec: VideoCodec, type: number, body: Uint8Array, nri = 3): Uint8Array {
  const header = codec === 'h264' ? Uint8Array.of((nri << 5) | type) : Uint8Array.of(type << 1, 1);
  const out = new Uint8Array(header.length + body.length);
  out.set(header);
  out.set(body, header.length);
  return out;
}

/** Body sizes so whole NAL units are 1..5000 bytes (H.264) or 2..5000 bytes (H.265). */
const body = (codec: VideoCodec) => fc.uint8Array({ minLength: 0, maxLength: codec === 'h264' ? 4999 : 4998 });
/** Small units (aggregated), units near a typical MTU (sent alone), and any size (fragmented). */
const sizedBody = (codec: VideoCodec) =>
  fc.oneof(fc.uint8Array({ minLength: 0, maxLength: 60 }), fc.uint8Array({ minLength: 90, maxLength: 1400 }), body(codec));

type Stream = { codec: VideoCodec; pictures: SentPicture[]; keyframes: boolean[]; parameterSets: Uint8Array[]; mtu: number; firstSequence: number };

/**
 * A camera's stream: fixed parameter sets; a first keyframe carrying them; later pictures random
 * keyframes (with or without their parameter sets) or delta pictures of 1..3 slices, maybe SEI.
 * Timestamps start anywhere, including just before 2^32, and advance 1..9000 ticks per picture.
 */
function stream(codec: VideoCodec): fc.Arbitrary<Stream> {
  const t = TYPES[codec];
  const picture = fc.record({
    keyframe: fc.boolean(),
    withParameterSets: fc.boolean(),
    sei: fc.option(sizedBody(codec), { nil: undefined }),
    slices: fc.array(sizedBody(codec), { minLength: 1, maxLength: 3 }),
    advance: fc.integer({ min: 1, max: 9000 }),
  });
  return fc
    .record({
      parameterSets: fc.tuple(...t.parameterSets.map(() => fc.uint8Array({ minLength: 1, maxLength: 40 }))),
      pictures: fc.array(picture, { minLength: 1, maxLength: 12 }),
      mtu: fc.integer({ min: 100, max: 1400 }),
      firstSequence: fc.oneof(fc.integer({ min: 65500, max: 65535 }), fc.integer({ min: 0, max: 65535 })),
      firstTimestamp: fc.oneof(fc.integer({ min: 2 ** 32 - 40000, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 2 ** 32 - 1 })),
    })
    .map(({ parameterSets: psBodies, pictures, mtu, firstSequence, firstTimestamp }) => {
      const parameterSets = psBodies.map((b, i) => nal(codec, t.parameterSets[i]!, b));
      let timestamp = firstTimestamp;
      const sent: SentPicture[] = [];
      const keyframes: boolean[] = [];
      pictures.forEach((p, i) => {
        const keyframe = i === 0 || p.keyframe;
        const nalus: Uint8Array[] = [];
        if (keyframe && (i === 0 || p.withParameterSets)) nalus.push(...parameterSets);
        if (p.sei) nalus.push(nal(codec, t.sei, p.sei, 0));
        for (const s of p.slices) nalus.push(nal(codec, keyframe ? t.key : t.delta, s));
        sent.push({ nalus, timestamp: timestamp >>> 0 });
        keyframes.push(keyframe);
        timestamp += p.advance;
      });
      return { codec, pictures: sent, keyframes, parameterSets, mtu, firstSequence };
    });
}

/** What a perfect receiver delivers for picture i: its NAL units, with parameter sets on keyframes. */
function expectedUnit(s: Stream, i: number, firstTimestamp: number): AccessUnit {
  const p = s.pictures[i]!;
  const keyframe = s.keyframes[i]!;
  const hasSets = p.nalus.length > 0 && p.nalus[0] === s.parameterSets[0];
  // Unwrapped: the first timestamp as sent, then forward by each picture's (wrapping) advance.
  const timestamp = firstTimestamp + ((p.timestamp - firstTimestamp + 2 ** 32) % 2 ** 32);
  return { codec: s.codec, timestamp, keyframe, nalus: keyframe && !hasSets ? [...s.parameterSets, ...p.nalus] : [...p.nalus] };
}

function run(d: Depacketizer, packets: readonly RtpPacket[]): AccessUnit[] {
  return packets.flatMap((p) => d.push(p));
}

const bytesOf = (u: AccessUnit) => ({ ...u, nalus: u.nalus.map((n) => Array.from(n)) });

describe.each(['h264', 'h265'] as const)('Depacketizer (%s)', (codec) => {
  it('gives back every picture a clean stream carried: same NAL units, keyframe flags, unwrapped timestamps', () => {
    fc.assert(
      fc.property(stream(codec), (s) => {
        const packets = packetize(s.pictures, { codec, mtu: s.mtu, firstSequence: s.firstSequence });
        const d = new Depacketizer(codec);
        const units = run(d, packets);
        const first = s.pictures[0]!.timestamp;
        expect(units.map(bytesOf)).toEqual(s.pictures.map((_, i) => bytesOf(expectedUnit(s, i, first))));
        for (let i = 1; i < units.length; i++) expect(units[i]!.timestamp).toBeGreaterThan(units[i - 1]!.timestamp);
        expect(d.stats).toEqual({ packets: packets.length, lostPackets: 0, malformedPackets: 0, droppedUnits: 0, units: s.pictures.length });
      }),
      { numRuns: 150 },
    );
  });

  it('survives loss, duplication and reordering: only whole, original pictures, and only from a keyframe on', () => {
    const damage = fc.array(fc.constantFrom('keep', 'keep', 'keep', 'keep', 'keep', 'drop', 'duplicate', 'swap'), { minLength: 1, maxLength: 400 });
    fc.assert(
      fc.property(stream(codec), damage, fc.boolean(), (s, plan, withSdp) => {
        const packets = packetize(s.pictures, { codec, mtu: s.mtu, firstSequence: s.firstSequence });
        // The first packet arrives as sent: a receiver cannot know what it missed before its first packet.
        const delivered: RtpPacket[] = [packets[0]!];
        for (let i = 1; i < packets.length; i++) {
          const action = plan[i % plan.length]!;
          if (action === 'drop') continue;
          if (action === 'duplicate') delivered.push(packets[i]!, packets[i]!);
          else if (action === 'swap' && i + 1 < packets.length) {
            delivered.push(packets[i + 1]!, packets[i]!);
            i++;
          } else delivered.push(packets[i]!);
        }
        const units = run(new Depacketizer(codec, withSdp ? s.parameterSets : []), delivered);
        const first = s.pictures[0]!.timestamp;
        const expected = s.pictures.map((_, i) => bytesOf(expectedUnit(s, i, first)));
        // The receiver unwraps from the first packet it gets, which need not be the first sent:
        // pictures are matched on the 32-bit timestamp, and unwrapped spacing must be the sent one.
        const indexes = units.map((u) => {
          const index = s.pictures.findIndex((p) => (u.timestamp - p.timestamp) % 2 ** 32 === 0);
          expect(index, 'an emitted unit matches a picture that was sent').toBeGreaterThanOrEqual(0);
          const index0 = s.pictures.findIndex((p) => (units[0]!.timestamp - p.timestamp) % 2 ** 32 === 0);
          expect(u.timestamp - units[0]!.timestamp).toBe(expected[index]!.timestamp - expected[index0]!.timestamp);
          if (withSdp) expect({ ...bytesOf(u), timestamp: 0 }).toEqual({ ...expected[index], timestamp: 0 });
          else {
            // Without the SDP's copies, a keyframe can only be given the parameter sets that arrived.
            const sent = s.pictures[index]!.nalus.map((n) => Array.from(n));
            const got = bytesOf(u);
            expect(got.keyframe).toBe(s.keyframes[index]);
            expect(got.nalus.slice(got.nalus.length - sent.length)).toEqual(sent);
            const sets = s.parameterSets.map((n) => Array.from(n));
            for (const extra of got.nalus.slice(0, got.nalus.length - sent.length)) expect(sets).toContainEqual(extra);
          }
          return index;
        });
        indexes.forEach((index, k) => {
          if (k > 0) expect(index).toBeGreaterThan(indexes[k - 1]!);
          // A delta picture is emitted only if the picture before it was: its references are all there.
          if (!s.keyframes[index]) expect(indexes[k - 1]).toBe(index - 1);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('never emits a picture that lost any one of its packets, whichever packet that is', () => {
    fc.assert(
      fc.property(stream(codec), (s) => {
        const packets = packetize(s.pictures, { codec, mtu: s.mtu, firstSequence: s.firstSequence });
        const first = s.pictures[0]!.timestamp;
        const expected = s.pictures.map((_, i) => bytesOf(expectedUnit(s, i, first)));
        for (let lost = 1; lost < packets.length; lost++) {
          const units = run(new Depacketizer(codec, s.parameterSets), packets.filter((_, i) => i !== lost));
          // The picture the lost packet belonged to is spoiled, and so, conservatively, is the one
          // of the next packet: a sequence gap cannot tell a picture's lost tail from the next one's lost head.
          const pictureOf = (p: RtpPacket) => expected.findIndex((e) => (e.timestamp - p.timestamp) % 2 ** 32 === 0);
          const damaged = pictureOf(packets[lost]!);
          const alsoSpoiled = lost + 1 < packets.length ? pictureOf(packets[lost + 1]!) : damaged;
          const resumed = s.keyframes.findIndex((k, i) => k && i > alsoSpoiled);
          const survivors = expected.filter((_, i) => i < damaged || (resumed !== -1 && i >= resumed));
          expect(units.map(bytesOf)).toEqual(survivors);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('counts dropped packets between the first and last delivered one as lost', () => {
    fc.assert(
      fc.property(stream(codec), fc.array(fc.boolean(), { minLength: 1, maxLength: 64 }), (s, keepPlan) => {
        const packets = packetize(s.pictures, { codec, mtu: s.mtu, firstSequence: s.firstSequence });
        const kept = packets.map((_, i) => keepPlan[i % keepPlan.length]!);
        const delivered = packets.filter((_, i) => kept[i]);
        const d = new Depacketizer(codec);
        run(d, delivered);
        const firstKept = kept.indexOf(true);
        const lastKept = kept.lastIndexOf(true);
        const lost = firstKept === -1 ? 0 : kept.slice(firstKept, lastKept + 1).filter((k) => !k).length;
        expect(d.stats.packets).toBe(delivered.length);
        expect(d.stats.lostPackets).toBe(lost);
      }),
      { numRuns: 150 },
    );
  });

  it('never throws on garbage payloads, and emits only what it was sent whole after them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ payload: fc.uint8Array({ maxLength: 300 }), marker: fc.boolean(), advance: fc.integer({ min: 0, max: 3 }) }), { maxLength: 80 }),
        (garbage) => {
          const d = new Depacketizer(codec);
          let timestamp = 0;
          garbage.forEach((g, sequence) => {
            timestamp += g.advance;
            for (const unit of d.push({ payloadType: 96, marker: g.marker, sequence, timestamp, ssrc: 1, payload: g.payload })) {
              expect(unit.codec).toBe(codec);
              expect(unit.nalus.length).toBeGreaterThan(0);
              for (const n of unit.nalus) expect(n[0]! & 0x80).toBe(0);
            }
          });
          expect(d.stats.packets).toBe(garbage.length);
        },
      ),
    );
  });
});

describe('Depacketizer: parameter sets', () => {
  const sps = nal('h264', 7, Uint8Array.of(0x42, 0xc0, 0x0d));
  const pps = nal('h264', 8, Uint8Array.of(0xce));
  const idr = nal('h264', 5, Uint8Array.of(0x88, 0x84));
  const slice = nal('h264', 1, Uint8Array.of(0x9a));
  const packet = (sequence: number, timestamp: number, payload: Uint8Array, marker = true): RtpPacket => ({ payloadType: 96, marker, sequence, timestamp, ssrc: 1, payload });

  it("prepends the SDP's parameter sets to a keyframe that lacks them", () => {
    const d = new Depacketizer('h264', [pps, sps]);
    expect(d.currentParameterSets()).toEqual([sps, pps]); // decoder order, whatever the SDP's
    const [unit] = d.push(packet(1, 3000, idr));
    expect(unit).toEqual({ codec: 'h264', timestamp: 3000, keyframe: true, nalus: [sps, pps, idr] });
    expect(d.push(packet(2, 6000, slice))).toEqual([{ codec: 'h264', timestamp: 6000, keyframe: false, nalus: [slice] }]);
  });

  it('keeps parameter sets sent in packets of their own without emitting them as a picture, and prefers them to the SDP', () => {
    const newSps = nal('h264', 7, Uint8Array.of(0x64, 0x00, 0x28));
    const d = new Depacketizer('h264', [sps, pps]);
    expect(d.push(packet(10, 900, newSps, false))).toEqual([]);
    expect(d.push(packet(11, 900, pps, true))).toEqual([]);
    expect(d.stats).toMatchObject({ units: 0, droppedUnits: 0 });
    expect(d.currentParameterSets()).toEqual([newSps, pps]);
    expect(d.push(packet(12, 3900, idr))).toEqual([{ codec: 'h264', timestamp: 3900, keyframe: true, nalus: [newSps, pps, idr] }]);
  });

  it('adds only the missing kinds, in front, when a keyframe carries some of its parameter sets', () => {
    const d = new Depacketizer('h264', [sps, pps]);
    const stap = Uint8Array.of(0x78, 0, pps.length, ...pps, 0, idr.length, ...idr);
    expect(d.push(packet(1, 0, stap))[0]!.nalus).toEqual([sps, pps, idr]);
  });

  it('does not emit a keyframe no decoder could start on: its parameter sets never arrived', () => {
    const d = new Depacketizer('h264', [sps]); // an SDP that lists the SPS but not the PPS
    expect(d.push(packet(1, 0, idr))).toEqual([]);
    expect(d.push(packet(2, 3000, slice))).toEqual([]);
    expect(d.stats).toMatchObject({ droppedUnits: 2, units: 0 });
    const stap = Uint8Array.of(0x78, 0, pps.length, ...pps, 0, idr.length, ...idr);
    expect(d.push(packet(3, 6000, stap))).toEqual([{ codec: 'h264', timestamp: 6000, keyframe: true, nalus: [sps, pps, idr] }]);
  });

  it('does not emit delta pictures before the first keyframe, and counts them as dropped', () => {
    const d = new Depacketizer('h264', [sps, pps]);
    expect(d.push(packet(1, 0, slice))).toEqual([]);
    expect(d.push(packet(2, 3000, slice))).toEqual([]);
    expect(d.push(packet(3, 6000, idr))).toHaveLength(1);
    expect(d.stats).toMatchObject({ droppedUnits: 2, units: 1 });
  });

  it('drops a keyframe whose first packet was lost instead of emitting part of it', () => {
    // Keyframe of two single-NAL slices after a complete delta picture; its first packet never arrives.
    const secondSlice = nal('h264', 5, Uint8Array.of(0x11, 0x22));
    const d = new Depacketizer('h264', [sps, pps]);
    expect(d.push(packet(1, 0, idr))).toHaveLength(1);
    expect(d.push(packet(2, 3000, slice))).toHaveLength(1);
    expect(d.push(packet(4, 6000, secondSlice))).toEqual([]); // packet 3 (first slice at 6000) lost
    expect(d.stats.lostPackets).toBe(1);
    expect(d.push(packet(5, 9000, slice))).toEqual([]); // and nothing until the next keyframe
    expect(d.push(packet(6, 12000, idr))).toHaveLength(1);
  });

  it('reassembles H.265 fragmentation units into the original NAL unit header', () => {
    const vps = nal('h265', 32, Uint8Array.of(1, 2));
    const h265Sps = nal('h265', 33, Uint8Array.of(3, 4));
    const h265Pps = nal('h265', 34, Uint8Array.of(5));
    const cra = nal('h265', 21, new Uint8Array(500).fill(7));
    const packets = packetize([{ nalus: [vps, h265Sps, h265Pps, cra], timestamp: 5 }], { codec: 'h265', mtu: 200, firstSequence: 65534 });
    expect(packets.map((p) => (p.payload[0]! >> 1) & 0x3f)).toEqual([48, 49, 49, 49]);
    expect(packets.map((p) => p.sequence)).toEqual([65534, 65535, 0, 1]);
    const units = run(new Depacketizer('h265'), packets);
    expect(units).toEqual([{ codec: 'h265', timestamp: 5, keyframe: true, nalus: [vps, h265Sps, h265Pps, cra] }]);
  });
});
