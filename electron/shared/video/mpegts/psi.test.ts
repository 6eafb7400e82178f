import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPat, buildPmt, parseSection, type Pmt } from './psi';
import { klvCarriageOf, klvRegistrationDescriptor, metadataDescriptor, STREAM_TYPE_METADATA_PES, STREAM_TYPE_PRIVATE_PES } from './klv-descriptors';

const pid = fc.integer({ min: 0x10, max: 0x1ffe });
const descriptor = fc.record({ tag: fc.integer({ min: 0, max: 255 }), data: fc.uint8Array({ maxLength: 12 }) });
const pmtArb: fc.Arbitrary<Pmt> = fc.record({
  program: fc.integer({ min: 1, max: 0xffff }),
  pcrPid: pid,
  descriptors: fc.array(descriptor, { maxLength: 3 }),
  streams: fc.array(fc.record({ streamType: fc.integer({ min: 0, max: 255 }), pid, descriptors: fc.array(descriptor, { maxLength: 3 }) }), { maxLength: 6 }),
});

describe('PAT and PMT', () => {
  it('read back what was written', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ program: fc.integer({ min: 0, max: 0xffff }), pid }), { maxLength: 20 }), (programs) => {
        expect(parseSection(buildPat(7, programs))).toEqual({ kind: 'pat', programs });
      }),
    );
    fc.assert(
      fc.property(pmtArb, (pmt) => {
        expect(parseSection(buildPmt(pmt))).toEqual({ kind: 'pmt', pmt });
      }),
    );
  });

  it('refuse a section whose CRC fails, or whose lengths do not add up', () => {
    fc.assert(
      fc.property(pmtArb, fc.nat(), fc.integer({ min: 1, max: 255 }), (pmt, where, flip) => {
        const s = buildPmt(pmt);
        const i = 3 + (where % (s.length - 3)); // past the table id and length
        s[i]! ^= flip;
        expect(parseSection(s)).toBe('crc');
      }),
    );
    const pat = buildPat(1, [{ program: 1, pid: 0x1000 }]);
    expect(parseSection(pat.subarray(0, pat.length - 1))).toBe('malformed');
    expect(parseSection(Uint8Array.of(0x42, 0xf0, 0x00))).toEqual({ kind: 'other' }); // a DVB SDT: not ours to read
  });

  it('recognise both KLV carriages, and nothing else, as KLV', () => {
    expect(klvCarriageOf({ streamType: STREAM_TYPE_METADATA_PES, pid: 0x101, descriptors: [metadataDescriptor(0)] })).toBe('sync');
    expect(klvCarriageOf({ streamType: STREAM_TYPE_PRIVATE_PES, pid: 0x101, descriptors: [klvRegistrationDescriptor()] })).toBe('async');
    expect(klvCarriageOf({ streamType: STREAM_TYPE_METADATA_PES, pid: 0x101, descriptors: [klvRegistrationDescriptor()] })).toBe('sync'); // as ffmpeg 5.1 writes it
    expect(klvCarriageOf({ streamType: STREAM_TYPE_PRIVATE_PES, pid: 0x101, descriptors: [] })).toBeNull();
    expect(klvCarriageOf({ streamType: STREAM_TYPE_METADATA_PES, pid: 0x101, descriptors: [{ tag: 0x26, data: Uint8Array.of(1, 0, 0xff, 0x49, 0x44, 0x33, 0x20, 0, 0x0f) }] })).toBeNull(); // ID3
    // An application format of 0xFFFF puts a four-byte identifier before the metadata format.
    expect(klvCarriageOf({ streamType: STREAM_TYPE_METADATA_PES, pid: 0x101, descriptors: [{ tag: 0x26, data: Uint8Array.of(0xff, 0xff, 1, 2, 3, 4, 0xff, 0x4b, 0x4c, 0x56, 0x41, 0, 0x0f) }] })).toBe('sync');
  });
});
