import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32Mpeg } from './crc32';
import { packetize, parseTsPacket, TS_PACKET_SIZE } from './ts-packet';

describe('transport packets', () => {
  it('carry any unit across packets and back: unit start first, continuity counting on, stuffing to fill', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0x1ffe }),
        fc.nat(15),
        fc.uint8Array({ minLength: 1, maxLength: 1000 }),
        fc.option(fc.integer({ min: 0, max: 2 ** 33 * 300 - 1 }), { nil: undefined }),
        fc.boolean(),
        (pid, cc, unit, pcr, randomAccess) => {
          const r = packetize(pid, cc, unit, { ...(pcr !== undefined ? { pcr } : {}), randomAccess });
          const parsed = r.packets.map((b) => {
            expect(b.length).toBe(TS_PACKET_SIZE);
            return parseTsPacket(b)!;
          });
          expect(parsed.map((p) => p.pid)).toEqual(parsed.map(() => pid));
          expect(parsed.map((p) => p.payloadStart)).toEqual(parsed.map((_, i) => i === 0));
          expect(parsed.map((p) => p.continuity)).toEqual(parsed.map((_, i) => (cc + i) & 15));
          expect(r.continuity).toBe((cc + parsed.length) & 15);
          expect([...parsed.flatMap((p) => [...p.payload])]).toEqual([...unit]);
          expect(parsed[0]!.pcr).toBe(pcr ?? null);
          expect(parsed[0]!.randomAccess).toBe(randomAccess);
          // No packet more than needed.
          const field = pcr !== undefined ? 8 : randomAccess ? 2 : 0; // length byte, flags, PCR
          expect(parsed.length).toBe(Math.ceil((unit.length + field) / 184));
        },
      ),
    );
  });

  it('refuses what cannot be a packet, and never throws on noise', () => {
    const good = packetize(0x100, 0, Uint8Array.of(1, 2, 3)).packets[0]!;
    expect(parseTsPacket(good.subarray(0, 187))).toBeNull();
    const noSync = good.slice();
    noSync[0] = 0x48;
    expect(parseTsPacket(noSync)).toBeNull();
    const reserved = good.slice();
    reserved[3] = reserved[3]! & 0xcf; // adaptation_field_control 00
    expect(parseTsPacket(reserved)).toBeNull();
    const tooLong = good.slice();
    tooLong[4] = 183; // with payload, the field may take at most 182
    expect(parseTsPacket(tooLong)).toBeNull();
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 188, maxLength: 188 }), (b) => {
        b[0] = 0x47;
        const p = parseTsPacket(b);
        if (p) expect(p.payload.byteOffset + p.payload.length).toBeLessThanOrEqual(b.byteOffset + 188);
      }),
    );
  });
});

describe('PSI CRC-32', () => {
  it('has the CRC-32/MPEG-2 check value', () => {
    expect(crc32Mpeg(Uint8Array.from([...'123456789'].map((c) => c.charCodeAt(0))))).toBe(0x0376e6e7);
  });
});
