/**
 * PES packets (ISO/IEC 13818-1 §2.4.3.6) and the metadata access-unit cells that synchronous
 * KLV carries inside them (§2.12.4, MISB ST 1402). Parsing returns null for what cannot be read.
 */

export const STREAM_ID_VIDEO = 0xe0;
export const STREAM_ID_PRIVATE_1 = 0xbd;
export const STREAM_ID_METADATA = 0xfc;

/** 90 kHz clock: the unit of PTS and DTS. */
export const PES_CLOCK_HZ = 90_000;

export type Pes = {
  readonly streamId: number;
  readonly pts: number | null;
  readonly dts: number | null;
  readonly dataAligned: boolean;
  readonly payload: Uint8Array;
};

/** Stream ids whose PES packets have no optional header (padding, private_stream_2, ECM/EMM, DSM-CC, H.222.1 type E, directory). */
const NO_HEADER = new Set([0xbc, 0xbe, 0xbf, 0xf0, 0xf1, 0xf2, 0xf8, 0xff]);

export function readTimestamp(b: Uint8Array, at: number): number | null {
  // '0010'/'0011'/'0001' + 3 bits, marker, 15 bits, marker, 15 bits, marker.
  if ((b[at]! & 1) !== 1 || (b[at + 2]! & 1) !== 1 || (b[at + 4]! & 1) !== 1) return null;
  return ((b[at]! >> 1) & 7) * 2 ** 30 + (b[at + 1]! << 22) + ((b[at + 2]! >> 1) << 15) + (b[at + 3]! << 7) + (b[at + 4]! >> 1);
}

/** A whole PES packet. A declared PES_packet_length longer than the bytes is 'truncated'. */
export function parsePes(b: Uint8Array): Pes | 'truncated' | null {
  if (b.length < 6) return 'truncated';
  if (b[0] !== 0 || b[1] !== 0 || b[2] !== 1) return null;
  const streamId = b[3]!;
  const declared = (b[4]! << 8) | b[5]!;
  // Zero means "unbounded", allowed for video in a transport stream: the packet ends where the next starts.
  const end = declared === 0 ? b.length : 6 + declared;
  if (end > b.length) return 'truncated';
  if (NO_HEADER.has(streamId)) return { streamId, pts: null, dts: null, dataAligned: false, payload: b.subarray(6, end) };
  if (end < 9) return null;
  if ((b[6]! & 0xc0) !== 0x80) return null;
  const flags = b[7]! >> 6;
  const start = 9 + b[8]!;
  if (flags === 1 || start > end || (flags >= 2 && b[8]! < (flags === 3 ? 10 : 5))) return null;
  const pts = flags >= 2 ? readTimestamp(b, 9) : null;
  const dts = flags === 3 ? readTimestamp(b, 14) : pts;
  if (flags >= 2 && (pts === null || dts === null)) return null;
  return { streamId, pts, dts, dataAligned: (b[6]! & 0x04) !== 0, payload: b.subarray(start, end) };
}

function writeTimestamp(prefix: number, t: number): number[] {
  const v = ((t % 2 ** 33) + 2 ** 33) % 2 ** 33;
  const hi = Math.floor(v / 2 ** 30);
  const mid = Math.floor(v / 2 ** 15) & 0x7fff;
  const lo = v & 0x7fff;
  return [(prefix << 4) | (hi << 1) | 1, mid >> 7, ((mid & 0x7f) << 1) | 1, lo >> 7, ((lo & 0x7f) << 1) | 1];
}

export type PesOptions = {
  readonly pts?: number;
  /** Only written when it differs from the PTS. */
  readonly dts?: number;
  /** Leave PES_packet_length 0 (video only), or fill it in. */
  readonly unbounded?: boolean;
};

export function buildPes(streamId: number, payload: Uint8Array, o: PesOptions = {}): Uint8Array {
  const withDts = o.pts !== undefined && o.dts !== undefined && o.dts !== o.pts;
  const stamps = o.pts === undefined ? [] : withDts ? [...writeTimestamp(3, o.pts), ...writeTimestamp(1, o.dts!)] : writeTimestamp(2, o.pts);
  const length = 3 + stamps.length + payload.length;
  if (!o.unbounded && length > 0xffff) throw new RangeError(`PES payload of ${payload.length} bytes needs an unbounded length`);
  const declared = o.unbounded ? 0 : length;
  // '10', not scrambled, data_alignment_indicator set: every unit starts a picture or a KLV packet.
  const head = [0, 0, 1, streamId, declared >> 8, declared & 0xff, 0x84, o.pts === undefined ? 0 : withDts ? 0xc0 : 0x80, stamps.length, ...stamps];
  const out = new Uint8Array(head.length + payload.length);
  out.set(head);
  out.set(payload, head.length);
  return out;
}

/** cell_fragment_indication: the whole access unit, or its first, middle or last piece. */
export type CellFragment = 'complete' | 'first' | 'middle' | 'last';
const FRAGMENTS: readonly CellFragment[] = ['middle', 'last', 'first', 'complete'];

export type MetadataCell = { readonly serviceId: number; readonly sequence: number; readonly fragment: CellFragment; readonly randomAccess: boolean; readonly data: Uint8Array };

/** The metadata access-unit cells filling a synchronous metadata PES payload; null if one runs past the end. */
export function parseMetadataCells(b: Uint8Array): MetadataCell[] | null {
  const cells: MetadataCell[] = [];
  for (let at = 0; at < b.length; ) {
    if (at + 5 > b.length) return null;
    const length = (b[at + 3]! << 8) | b[at + 4]!;
    if (at + 5 + length > b.length) return null;
    cells.push({ serviceId: b[at]!, sequence: b[at + 1]!, fragment: FRAGMENTS[b[at + 2]! >> 6]!, randomAccess: (b[at + 2]! & 0x10) !== 0, data: b.subarray(at + 5, at + 5 + length) });
    at += 5 + length;
  }
  return cells;
}

export function buildMetadataCell(cell: Omit<MetadataCell, 'randomAccess'> & { randomAccess?: boolean }): Uint8Array {
  if (cell.data.length > 0xffff) throw new RangeError('a metadata cell holds at most 65535 bytes');
  // decoder_config_flag 0, reserved '1111'.
  const flags = (FRAGMENTS.indexOf(cell.fragment) << 6) | ((cell.randomAccess ?? true) ? 0x10 : 0) | 0x0f;
  return Uint8Array.from([cell.serviceId, cell.sequence & 0xff, flags, cell.data.length >> 8, cell.data.length & 0xff, ...cell.data]);
}
