import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildMetadataCell, buildPes, parseMetadataCells, parsePes, STREAM_ID_METADATA, STREAM_ID_VIDEO, type CellFragment } from './pes';

const stamp = fc.integer({ min: 0, max: 2 ** 33 - 1 });

describe('PES packets', () => {
  it('keep payload, PTS and DTS over the whole 33-bit range, bounded or not', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), fc.option(stamp, { nil: undefined }), fc.option(stamp, { nil: undefined }), fc.boolean(), (payload, pts, dts, unbounded) => {
        const o = { ...(pts !== undefined ? { pts } : {}), ...(dts !== undefined ? { dts } : {}), unbounded };
        const pes = parsePes(buildPes(STREAM_ID_VIDEO, payload, o));
        expect(pes).toEqual({ streamId: STREAM_ID_VIDEO, pts: pts ?? null, dts: pts === undefined ? null : (dts ?? pts), dataAligned: true, payload });
      }),
    );
  });

  it('say when a bounded packet is cut short, and refuse a broken header', () => {
    const pes = buildPes(STREAM_ID_METADATA, Uint8Array.of(1, 2, 3), { pts: 900 });
    expect(parsePes(pes.subarray(0, pes.length - 1))).toBe('truncated');
    expect(parsePes(Uint8Array.of(0, 0, 2, 0xe0, 0, 0))).toBeNull();
    const flags01 = pes.slice();
    flags01[7] = 0x40; // PTS_DTS_flags '01' is forbidden
    expect(parsePes(flags01)).toBeNull();
    const marker = pes.slice();
    marker[13]! &= 0xfe; // a PTS marker bit cleared
    expect(parsePes(marker)).toBeNull();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (b) => {
        parsePes(Uint8Array.from([0, 0, 1, ...b]));
      }),
    );
  });
});

describe('metadata access-unit cells', () => {
  it('read back in order, with their fragment indication', () => {
    const cell = fc.record({
      serviceId: fc.integer({ min: 0, max: 255 }),
      sequence: fc.integer({ min: 0, max: 255 }),
      fragment: fc.constantFrom<CellFragment>('complete', 'first', 'middle', 'last'),
      randomAccess: fc.boolean(),
      data: fc.uint8Array({ maxLength: 300 }),
    });
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 5 }), (cells) => {
        const bytes = Uint8Array.from(cells.flatMap((c) => [...buildMetadataCell(c)]));
        expect(parseMetadataCells(bytes)).toEqual(cells);
      }),
    );
    const one = buildMetadataCell({ serviceId: 0, sequence: 1, fragment: 'complete', data: Uint8Array.of(9, 9) });
    expect([...one.subarray(0, 5)]).toEqual([0, 1, 0xdf, 0, 2]);
    expect(parseMetadataCells(one.subarray(0, 6))).toBeNull();
  });
});
