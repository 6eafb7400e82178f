/**
 * MPEG-2 transport stream packets (ISO/IEC 13818-1 §2.4.3): the 4-byte header, the adaptation
 * field (discontinuity, random access, PCR, stuffing) and the payload. Parsing refuses what
 * cannot be a packet instead of guessing; building is the inverse, used by the fixture muxer.
 */

export const TS_PACKET_SIZE = 188;
export const SYNC_BYTE = 0x47;
const PAYLOAD_SIZE = 184;

export type TsPacket = {
  readonly pid: number;
  readonly payloadStart: boolean;
  readonly transportError: boolean;
  /** transport_scrambling_control; non-zero payloads cannot be read. */
  readonly scrambling: number;
  readonly continuity: number;
  readonly hasPayload: boolean;
  /** The adaptation field's discontinuity_indicator: a continuity counter jump here is expected. */
  readonly discontinuity: boolean;
  readonly randomAccess: boolean;
  /** 27 MHz program clock reference, when this packet carries one. */
  readonly pcr: number | null;
  readonly payload: Uint8Array;
};

/** One 188-byte packet starting at `at`; null when its adaptation field cannot be right. */
export function parseTsPacket(b: Uint8Array, at = 0): TsPacket | null {
  if (b.length - at < TS_PACKET_SIZE || b[at] !== SYNC_BYTE) return null;
  const h1 = b[at + 1]!;
  const control = (b[at + 3]! >> 4) & 3;
  if (control === 0) return null; // reserved
  let offset = at + 4;
  let discontinuity = false;
  let randomAccess = false;
  let pcr: number | null = null;
  if (control & 2) {
    const length = b[at + 4]!;
    // Without payload the field fills the packet (183); with payload it leaves room for some.
    if ((control === 2 && length !== 183) || (control === 3 && length > 182)) return null;
    if (length > 0) {
      const flags = b[at + 5]!;
      discontinuity = (flags & 0x80) !== 0;
      randomAccess = (flags & 0x40) !== 0;
      if (flags & 0x10) {
        if (length < 7) return null;
        const p = at + 6;
        const base = b[p]! * 2 ** 25 + b[p + 1]! * 2 ** 17 + b[p + 2]! * 2 ** 9 + b[p + 3]! * 2 + (b[p + 4]! >> 7);
        pcr = base * 300 + (((b[p + 4]! & 1) << 8) | b[p + 5]!);
      }
    }
    offset += 1 + length;
  }
  return {
    pid: ((h1 & 0x1f) << 8) | b[at + 2]!,
    payloadStart: (h1 & 0x40) !== 0,
    transportError: (h1 & 0x80) !== 0,
    scrambling: b[at + 3]! >> 6,
    continuity: b[at + 3]! & 0x0f,
    hasPayload: (control & 1) !== 0,
    discontinuity,
    randomAccess,
    pcr,
    payload: control & 1 ? b.subarray(offset, at + TS_PACKET_SIZE) : b.subarray(at + TS_PACKET_SIZE, at + TS_PACKET_SIZE),
  };
}

export type PacketizeOptions = {
  /** Program clock reference (27 MHz) for the first packet. */
  readonly pcr?: number;
  /** random_access_indicator on the first packet (a keyframe starts here). */
  readonly randomAccess?: boolean;
};

/**
 * One PES packet or PSI section (already prefixed with its pointer field) → transport packets
 * on `pid`, the first flagged as a unit start, the last padded with adaptation-field stuffing.
 * Returns the packets and the continuity counter to use next.
 */
export function packetize(pid: number, continuity: number, unit: Uint8Array, o: PacketizeOptions = {}): { packets: Uint8Array[]; continuity: number } {
  if (unit.length === 0) throw new RangeError('no PES packet or section is empty');
  const packets: Uint8Array[] = [];
  let at = 0;
  let cc = continuity & 0x0f;
  do {
    const first = at === 0;
    const fields: number[] = [];
    if (first && (o.pcr !== undefined || o.randomAccess)) {
      fields.push((o.randomAccess ? 0x40 : 0) | (o.pcr !== undefined ? 0x10 : 0));
      if (o.pcr !== undefined) {
        const base = Math.floor(o.pcr / 300) % 2 ** 33;
        const ext = o.pcr % 300;
        fields.push(Math.floor(base / 2 ** 25) & 0xff, Math.floor(base / 2 ** 17) & 0xff, Math.floor(base / 2 ** 9) & 0xff, Math.floor(base / 2) & 0xff, ((base % 2) << 7) | 0x7e | (ext >> 8), ext & 0xff);
      }
    }
    // The adaptation field, when there is one: its length byte, then `fields`.
    let withField = fields.length > 0;
    const room = PAYLOAD_SIZE - (withField ? 1 + fields.length : 0);
    const take = Math.min(room, unit.length - at);
    let deficit = room - take;
    if (deficit > 0) {
      // Stuffing: a bare length byte fills one byte; beyond that, a flags byte and 0xFF bytes.
      if (!withField) {
        withField = true;
        deficit--;
        if (deficit > 0) {
          fields.push(0);
          deficit--;
        }
      }
      for (; deficit > 0; deficit--) fields.push(0xff);
    }
    const packet = new Uint8Array(TS_PACKET_SIZE);
    packet[0] = SYNC_BYTE;
    packet[1] = (first ? 0x40 : 0) | ((pid >> 8) & 0x1f);
    packet[2] = pid & 0xff;
    packet[3] = (withField ? 0x30 : 0x10) | cc;
    let offset = 4;
    if (withField) {
      packet[4] = fields.length;
      packet.set(fields, 5);
      offset = 5 + fields.length;
    }
    packet.set(unit.subarray(at, at + take), offset);
    packets.push(packet);
    at += take;
    cc = (cc + 1) & 0x0f;
  } while (at < unit.length);
  return { packets, continuity: cc };
}
