import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitKlv, type KlvUnit } from './klv-units';
import { encodeUasLocalSet, SMPTE_UL_PREFIX } from './uas-local-set';

const packetArb = fc
  .record({ heading: fc.double({ min: 0, max: 360, noNaN: true }), ts: fc.integer({ min: 0, max: 2 ** 52 }), name: fc.string({ maxLength: 100 }) })
  .map(({ heading, ts, name }) => encodeUasLocalSet({ precisionTimeStampUs: ts, platformHeadingDeg: heading, ...(name ? { missionId: name } : {}) }));

/** Bytes that cannot contain a universal label's first byte, so they cannot hide one. */
const garbageArb = fc.uint8Array({ minLength: 1, maxLength: 40 }).map((g) => g.map((b) => (b === 0x06 ? 0x07 : b)));

const packets = (units: KlvUnit[]): number[][] => units.flatMap((u) => (u.kind === 'packet' ? [[...u.bytes]] : []));

describe('KLV framing', () => {
  it('finds every packet between runs of garbage and says how many bytes it skipped', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.option(garbageArb, { nil: undefined }), packetArb), { maxLength: 6 }), fc.option(garbageArb, { nil: undefined }), (parts, tail) => {
        const bytes = Uint8Array.from([...parts.flatMap(([g, p]) => [...(g ?? []), ...p]), ...(tail ?? [])]);
        const units = splitKlv(bytes);
        expect(packets(units)).toEqual(parts.map(([, p]) => [...p]));
        const skipped = units.flatMap((u) => (u.kind === 'skip' ? [u] : []));
        expect(skipped.every((s) => s.reason === 'garbage')).toBe(true);
        expect(skipped.reduce((n, s) => n + s.bytes, 0)).toBe([...parts.map(([g]) => g), tail].reduce((n, g) => n + (g?.length ?? 0), 0));
      }),
    );
  });

  it('reports a packet cut short, or with a broken length, and keeps the packets after it', () => {
    const [a, b] = [encodeUasLocalSet({ missionId: 'A' }), encodeUasLocalSet({ missionId: 'B' })];
    expect(splitKlv(a.subarray(0, a.length - 3))).toEqual([{ kind: 'skip', reason: 'truncated', bytes: a.length - 3 }]);
    expect(splitKlv(Uint8Array.from([...a, ...SMPTE_UL_PREFIX.subarray(0, 2)]))).toEqual([{ kind: 'packet', bytes: a }, { kind: 'skip', reason: 'truncated', bytes: 2 }]);
    const longer = a.slice();
    longer[16] = 0x7f; // claims more than there is: the next key is found inside the claimed span
    expect(splitKlv(Uint8Array.from([...longer, ...b])).map((u) => u.kind)).toEqual(['skip', 'packet']);
    const indefinite = a.slice();
    indefinite[16] = 0x80;
    expect(splitKlv(Uint8Array.from([...indefinite, ...b]))).toEqual([{ kind: 'skip', reason: 'bad-length', bytes: a.length }, { kind: 'packet', bytes: b }]);
  });

  it('never throws, and its pieces account for every byte', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.uint8Array({ maxLength: 30 }), packetArb, fc.constant(SMPTE_UL_PREFIX)), { maxLength: 8 }), (chunks) => {
        const bytes = Uint8Array.from(chunks.flatMap((c) => [...c]));
        const units = splitKlv(bytes);
        expect(units.reduce((n, u) => n + (u.kind === 'packet' ? u.bytes.length : u.bytes), 0)).toBe(bytes.length);
      }),
    );
  });
});
