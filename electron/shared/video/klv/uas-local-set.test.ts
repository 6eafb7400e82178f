import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8 } from '../bytes';
import { uasChecksum } from './checksum';
import { decodeUasLocalSet, encodeUasLocalSet, UAS_LS_KEY, type UasDecodeResult, type UasPacket } from './uas-local-set';
import { UAS_TAG_BY_NUMBER, UAS_TAGS, type UasTagDef, type UasTagName, type UasTags } from './uas-tags';

const hex = (s: string): Uint8Array => Uint8Array.from(s.match(/[0-9a-f]{2}/gi)!.map((h) => parseInt(h, 16)));

function ok(r: UasDecodeResult): UasPacket {
  if (!r.ok) throw new Error(`refused: ${r.reason}`);
  return r;
}

/** Half the step between adjacent integers of a mapped item: how far a decoded value may sit from the true one. */
function halfStep(def: UasTagDef): number {
  const c = def.codec;
  if (c.kind === 'unsigned') return (c.max - c.min) / (2 ** (8 * c.bytes) - 1) / 2;
  if (c.kind === 'signed') return c.limit / (2 ** (8 * c.bytes - 1) - 1) / 2;
  return 0;
}

/** The items after the key and the set's length, before the checksum. */
function itemsOf(packet: Uint8Array): Uint8Array {
  const lengthBytes = packet[16]! < 0x80 ? 1 : 1 + (packet[16]! & 0x7f);
  return packet.subarray(16 + lengthBytes, packet.length - 4);
}

/**
 * MISB ST 0601's worked example for each tag: the example value and its "Example LS Packet"
 * (tag, length, value). The values are those of ST 0601.8 (23 October 2014) and unchanged in the
 * later revisions for these tags, except Slant Range, whose example value later revisions give to
 * full precision (68590.98329874477 m, printed as 68590.98 in .8) — the bytes are the same.
 */
const STANDARD_EXAMPLES: readonly [tag: number, value: number | string, item: string][] = [
  [2, 1224807209913000, '02 08 00 04 59 F4 A6 AA 4A A8'], // Oct. 24, 2008. 00:13:29.913
  [3, 'MISSION01', '03 09 4D 49 53 53 49 4F 4E 30 31'],
  [4, 'AF-101', '04 06 41 46 2D 31 30 31'],
  [5, 159.9744, '05 02 71 C2'],
  [6, -0.4315251, '06 02 FD 3D'],
  [7, 3.405814, '07 02 08 B8'],
  [10, 'MQ1-B', '0A 05 4D 51 31 2D 42'],
  [11, 'EO', '0B 02 45 4F'],
  [12, 'WGS-84', '0C 06 57 47 53 2D 38 34'],
  [13, 60.1768229669783, '0D 04 55 95 B6 6D'],
  [14, 128.426759042045, '0E 04 5B 53 60 C4'],
  [15, 14190.72, '0F 02 C2 21'],
  [16, 144.5713, '10 02 CD 9C'],
  [17, 152.6436, '11 02 D9 17'],
  [18, 160.719211474396, '12 04 72 4A 0A 20'],
  [19, -168.792324833941, '13 04 87 F8 4B 86'],
  [20, 176.865437690572, '14 04 7D C5 5E CE'],
  [21, 68590.98329874477, '15 04 03 83 09 26'],
  [22, 722.8199, '16 02 12 81'],
  [23, -10.5423886331461, '17 04 F1 01 A2 29'],
  [24, 29.157890122923, '18 04 14 BC 08 2B'],
  [25, 3216.037, '19 02 34 F3'],
  [65, 13, '41 01 0D'],
];

describe('ST 0601 worked examples', () => {
  it.each(STANDARD_EXAMPLES)('tag %i: %s ⇄ %s', (tag, value, item) => {
    const def = UAS_TAG_BY_NUMBER.get(tag)!;
    const bytes = hex(item);
    // Decoding the standard's bytes gives its value, to within half the item's resolution.
    const decoded = ok(decodeUasLocalSet(encodeUasLocalSet({}, [{ tag, value: bytes.subarray(2) }])));
    expect(decoded.skippedTags).toEqual([]);
    const got = decoded.tags[def.name];
    if (typeof value === 'string' || def.codec.kind === 'microseconds' || def.codec.kind === 'count') expect(got).toBe(value);
    else expect(Math.abs((got as number) - value)).toBeLessThanOrEqual(halfStep(def));
    // Encoding the standard's value gives its bytes exactly.
    expect([...itemsOf(encodeUasLocalSet({ [def.name]: value }))]).toEqual([...bytes]);
  });

  it('reads the example timestamp as the packet timestamp', () => {
    expect(ok(decodeUasLocalSet(encodeUasLocalSet({ precisionTimeStampUs: 1224807209913000 }))).timestampUs).toBe(1224807209913000);
    expect(new Date(1224807209913000 / 1000).toISOString()).toBe('2008-10-24T00:13:29.913Z');
  });
});

/** Any value each item can carry, on its own scale. */
function valueArb(def: UasTagDef): fc.Arbitrary<number | string> {
  const c = def.codec;
  switch (c.kind) {
    case 'unsigned':
      return fc.double({ min: c.min, max: c.max, noNaN: true });
    case 'signed':
      return fc.double({ min: -c.limit, max: c.limit, noNaN: true });
    case 'microseconds':
      return fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
    case 'count':
      return fc.integer({ min: 0, max: 255 });
    case 'text':
      return fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).filter((t) => utf8(t).length <= 127);
  }
}

const tagsArb: fc.Arbitrary<UasTags> = fc.record(Object.fromEntries(UAS_TAGS.map((d) => [d.name, valueArb(d)])) as Record<UasTagName, fc.Arbitrary<number | string>>, {
  requiredKeys: [],
}) as fc.Arbitrary<UasTags>;

describe('UAS Datalink LS encoder and decoder', () => {
  it('round-trip any values to within half a step of each mapping, texts and counts exactly', () => {
    fc.assert(
      fc.property(tagsArb, (tags) => {
        const packet = ok(decodeUasLocalSet(encodeUasLocalSet(tags)));
        expect(packet.skippedTags).toEqual([]);
        expect(Object.keys(packet.tags).sort()).toEqual(Object.keys(tags).sort());
        expect(packet.timestampUs).toBe(tags.precisionTimeStampUs ?? null);
        for (const def of UAS_TAGS) {
          const want = tags[def.name];
          const got = packet.tags[def.name];
          if (typeof want === 'number' && halfStep(def) > 0) expect(Math.abs((got as number) - want)).toBeLessThanOrEqual(halfStep(def) * 1.000001);
          else expect(got).toBe(want);
        }
      }),
    );
  });

  it('maps every integer to a value that encodes back to the same integer', () => {
    const numeric = UAS_TAGS.filter((d) => d.codec.kind === 'unsigned' || d.codec.kind === 'signed');
    fc.assert(
      fc.property(fc.constantFrom(...numeric), fc.uint8Array({ minLength: 4, maxLength: 4 }), (def, raw) => {
        const size = (def.codec as { bytes: number }).bytes;
        const value = raw.subarray(0, size);
        if (def.codec.kind === 'signed' && value[0] === 0x80 && value.subarray(1).every((b) => b === 0)) return; // the reserved value
        const packet = encodeUasLocalSet({}, [{ tag: def.tag, value }]);
        const again = encodeUasLocalSet(ok(decodeUasLocalSet(packet)).tags);
        expect([...again]).toEqual([...packet]);
      }),
    );
  });

  it('writes the key, a BER length (long form past 127 bytes), items by tag with the timestamp first, the checksum last', () => {
    const packet = encodeUasLocalSet({ platformHeadingDeg: 10, precisionTimeStampUs: 1, missionId: 'X'.repeat(120) });
    expect([...packet.subarray(0, 16)]).toEqual([...UAS_LS_KEY]);
    expect(packet[16]).toBe(0x81);
    expect(packet[17]).toBe(packet.length - 18);
    expect(packet[18]).toBe(2); // tag 2 first
    expect([...packet.subarray(packet.length - 4, packet.length - 2)]).toEqual([1, 2]);
    expect(uasChecksum(packet, 0, packet.length - 2)).toBe((packet[packet.length - 2]! << 8) | packet[packet.length - 1]!);
  });

  it('refuses values the standard cannot carry', () => {
    expect(() => encodeUasLocalSet({ platformPitchDeg: 20.5 })).toThrow(RangeError);
    expect(() => encodeUasLocalSet({ sensorTrueAltitudeM: -901 })).toThrow(RangeError);
    expect(() => encodeUasLocalSet({ missionId: '' })).toThrow(RangeError);
    expect(() => encodeUasLocalSet({ platformHeadingDeg: Number.NaN })).toThrow(RangeError);
  });
});

/** A packet with `items` (raw) and a correct checksum, however odd the items. */
function packetWith(itemBytes: Uint8Array, key: Uint8Array = UAS_LS_KEY): Uint8Array {
  const body = Uint8Array.from([...itemBytes, 1, 2]);
  const packet = Uint8Array.from([...key, 0x81, body.length + 2, ...body, 0, 0]);
  const sum = uasChecksum(packet, 0, packet.length - 2);
  packet[packet.length - 2] = sum >> 8;
  packet[packet.length - 1] = sum & 0xff;
  return packet;
}

describe('items set aside, the rest of the packet kept', () => {
  it("reports each signed item's reserved value as out of range, per tag", () => {
    const reserved = ([[6, '8000'], [7, '8000'], [13, '80000000'], [14, '80000000'], [19, '80000000'], [23, '80000000'], [24, '80000000']] as const).map(([tag, v]) => ({ tag, value: hex(v) }));
    const packet = ok(decodeUasLocalSet(encodeUasLocalSet({ precisionTimeStampUs: 5, platformHeadingDeg: 90 }, reserved)));
    expect(Object.keys(packet.tags)).toEqual(['precisionTimeStampUs', 'platformHeadingDeg']);
    expect(packet.tags.platformHeadingDeg).toBeCloseTo(90, 2);
    expect(packet.skippedTags).toEqual(reserved.map((r) => ({ tag: r.tag, reason: 'out-of-range' })));
    // One below the reserved value is the end of the range, not an error.
    expect(ok(decodeUasLocalSet(encodeUasLocalSet({}, [{ tag: 6, value: hex('8001') }]))).tags.platformPitchDeg).toBe(-20);
  });

  it('skips unknown tags (one- and two-byte BER-OID), wrong lengths, empty items, bad UTF-8 and repeats', () => {
    const items = hex(
      [
        '05 02 71 C2', // heading, kept
        '48 03 01 02 03', // tag 72: not read here
        '81 0F 01 00', // tag 143, BER-OID over two bytes
        '06 03 00 00 00', // pitch with three bytes
        '0D 00', // sensor latitude, empty
        '03 02 C3 28', // mission id, not UTF-8
        '05 02 00 00', // heading again
        '0A 03 E5 80 BC', // platform designation: 值
      ].join(' '),
    );
    const packet = ok(decodeUasLocalSet(packetWith(items)));
    expect(packet.tags.platformHeadingDeg).toBeCloseTo(159.9744, 3);
    expect(packet.tags.platformDesignation).toBe('值');
    expect(packet.timestampUs).toBeNull();
    expect(packet.skippedTags).toEqual([
      { tag: 72, reason: 'unknown-tag' },
      { tag: 143, reason: 'unknown-tag' },
      { tag: 6, reason: 'bad-length' },
      { tag: 13, reason: 'empty' },
      { tag: 3, reason: 'bad-text' },
      { tag: 5, reason: 'duplicate' },
    ]);
  });

  it('gives up on a timestamp that a number cannot hold to the microsecond', () => {
    const packet = ok(decodeUasLocalSet(encodeUasLocalSet({}, [{ tag: 2, value: hex('0020000000000000') }])));
    expect(packet.skippedTags).toEqual([{ tag: 2, reason: 'out-of-range' }]);
    expect(packet.timestampUs).toBeNull();
  });
});

describe('packets refused whole', () => {
  const good = encodeUasLocalSet({ precisionTimeStampUs: 1224807209913000, sensorLatitudeDeg: 31.23, sensorLongitudeDeg: 121.47, platformHeadingDeg: 45 });

  it('by reason', () => {
    expect(decodeUasLocalSet(Uint8Array.of(0x30, 0x82, 1, 2))).toEqual({ ok: false, reason: 'bad-key' });
    expect(decodeUasLocalSet(new Uint8Array(0))).toEqual({ ok: false, reason: 'truncated' });
    const security = hex('06 0E 2B 34 02 03 01 01 0E 01 03 03 02 00 00 00'); // ST 0102 Security LS
    expect(decodeUasLocalSet(packetWith(hex('05 02 71 C2'), security))).toEqual({ ok: false, reason: 'other-key' });
    expect(decodeUasLocalSet(Uint8Array.from([...UAS_LS_KEY, 0x80, 1, 2, 0, 0]))).toEqual({ ok: false, reason: 'bad-length' });
    expect(decodeUasLocalSet(good.subarray(0, good.length - 1))).toEqual({ ok: false, reason: 'truncated' });
    expect(decodeUasLocalSet(Uint8Array.from([...UAS_LS_KEY, 4, 5, 2, 0x71, 0xc2]))).toEqual({ ok: false, reason: 'no-checksum' });
    const flipped = good.slice();
    flipped[25]! ^= 0x10;
    expect(decodeUasLocalSet(flipped)).toEqual({ ok: false, reason: 'checksum' });
    expect(decodeUasLocalSet(packetWith(hex('05 07 71 C2')))).toEqual({ ok: false, reason: 'bad-item' }); // runs into the checksum
  });

  it('ignores the key\'s registry-version byte, as SMPTE ST 336 asks', () => {
    const key = UAS_LS_KEY.slice();
    key[7] = 0x02;
    expect(ok(decodeUasLocalSet(packetWith(hex('05 02 71 C2'), key))).tags.platformHeadingDeg).toBeCloseTo(159.9744, 3);
  });

  it('reads a four-byte long-form length, and ignores bytes after the packet', () => {
    expect(good[16]).toBeLessThan(0x80);
    const body = good.subarray(17); // after the key and its one-byte short-form length
    const long = Uint8Array.from([...UAS_LS_KEY, 0x84, 0, 0, 0, body.length, ...body]);
    const sum = uasChecksum(long, 0, long.length - 2);
    long[long.length - 2] = sum >> 8;
    long[long.length - 1] = sum & 0xff;
    const packet = ok(decodeUasLocalSet(Uint8Array.from([...long, 0xde, 0xad])));
    expect(packet.length).toBe(long.length);
    expect(packet.tags).toEqual(ok(decodeUasLocalSet(good)).tags);
  });

  it('refuses any single corrupted byte and any cut, never passing a changed value as good', () => {
    fc.assert(
      fc.property(tagsArb, fc.nat(), fc.integer({ min: 1, max: 255 }), (tags, where, flip) => {
        const packet = encodeUasLocalSet(tags);
        const bad = packet.slice();
        bad[where % bad.length]! ^= flip;
        expect(decodeUasLocalSet(bad).ok).toBe(false);
        expect(decodeUasLocalSet(packet.subarray(0, where % packet.length)).ok).toBe(false);
      }),
    );
  });

  it('never throws on random bytes, with or without the key in front', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (bytes, keyed) => {
        const input = keyed ? Uint8Array.from([...UAS_LS_KEY, ...bytes]) : bytes;
        const r = decodeUasLocalSet(input);
        if (r.ok) expect(r.length).toBeLessThanOrEqual(input.length);
      }),
      { numRuns: 2000 },
    );
  });
});
