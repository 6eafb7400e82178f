import { crc32Mpeg } from './crc32';

/**
 * Program-specific information (ISO/IEC 13818-1 §2.4.4): the program association table (PID 0)
 * and program map tables, as long sections with their CRC-32. Parsers return null for anything
 * malformed — a section that fails its CRC is never half-read.
 */

export type Descriptor = { readonly tag: number; readonly data: Uint8Array };
export type PatEntry = { readonly program: number; readonly pid: number };
export type PmtStream = { readonly streamType: number; readonly pid: number; readonly descriptors: readonly Descriptor[] };
export type Pmt = { readonly program: number; readonly pcrPid: number; readonly descriptors: readonly Descriptor[]; readonly streams: readonly PmtStream[] };

export const TABLE_PAT = 0x00;
export const TABLE_PMT = 0x02;

/** Bytes a section occupies (its 3-byte header plus section_length), once its header is in. */
export function sectionSize(b: Uint8Array, at: number): number | null {
  if (b.length - at < 3) return null;
  return 3 + (((b[at + 1]! & 0x0f) << 8) | b[at + 2]!);
}

type LongSection = { readonly tableId: number; readonly idExtension: number; readonly body: Uint8Array };

/** A complete long-form section: syntax indicator set, current, CRC correct. */
function readLongSection(s: Uint8Array): LongSection | 'crc' | null {
  const size = sectionSize(s, 0);
  if (size === null || size !== s.length || size < 12 || (s[1]! & 0x80) === 0) return null;
  if (crc32Mpeg(s, 0, size) !== 0) return 'crc'; // the CRC over a section including its own CRC is zero
  if ((s[5]! & 1) === 0) return null; // current_next_indicator 0: a table announced for later
  return { tableId: s[0]!, idExtension: (s[3]! << 8) | s[4]!, body: s.subarray(8, size - 4) };
}

function readDescriptors(b: Uint8Array): Descriptor[] | null {
  const out: Descriptor[] = [];
  for (let at = 0; at < b.length; ) {
    if (at + 2 > b.length || at + 2 + b[at + 1]! > b.length) return null;
    out.push({ tag: b[at]!, data: b.subarray(at + 2, at + 2 + b[at + 1]!) });
    at += 2 + b[at + 1]!;
  }
  return out;
}

export type ParsedSection = { readonly kind: 'pat'; readonly programs: readonly PatEntry[] } | { readonly kind: 'pmt'; readonly pmt: Pmt } | { readonly kind: 'other' };

/** One complete section → a PAT, a PMT, another table (ignored), or why it was refused. */
export function parseSection(s: Uint8Array): ParsedSection | 'crc' | 'malformed' {
  if (s[0] !== TABLE_PAT && s[0] !== TABLE_PMT) return { kind: 'other' };
  const section = readLongSection(s);
  if (section === 'crc') return 'crc';
  if (section === null) return 'malformed';
  const b = section.body;
  if (section.tableId === TABLE_PAT) {
    if (b.length % 4 !== 0) return 'malformed';
    const programs: PatEntry[] = [];
    for (let at = 0; at < b.length; at += 4) programs.push({ program: (b[at]! << 8) | b[at + 1]!, pid: ((b[at + 2]! & 0x1f) << 8) | b[at + 3]! });
    return { kind: 'pat', programs };
  }
  if (b.length < 4) return 'malformed';
  const infoLength = ((b[2]! & 0x0f) << 8) | b[3]!;
  if (4 + infoLength > b.length) return 'malformed';
  const descriptors = readDescriptors(b.subarray(4, 4 + infoLength));
  if (!descriptors) return 'malformed';
  const streams: PmtStream[] = [];
  for (let at = 4 + infoLength; at < b.length; ) {
    if (at + 5 > b.length) return 'malformed';
    const esLength = ((b[at + 3]! & 0x0f) << 8) | b[at + 4]!;
    const esDescriptors = at + 5 + esLength <= b.length ? readDescriptors(b.subarray(at + 5, at + 5 + esLength)) : null;
    if (!esDescriptors) return 'malformed';
    streams.push({ streamType: b[at]!, pid: ((b[at + 1]! & 0x1f) << 8) | b[at + 2]!, descriptors: esDescriptors });
    at += 5 + esLength;
  }
  return { kind: 'pmt', pmt: { program: section.idExtension, pcrPid: ((b[0]! & 0x1f) << 8) | b[1]!, descriptors, streams } };
}

function descriptorBytes(list: readonly Descriptor[]): number[] {
  return list.flatMap((d) => [d.tag, d.data.length, ...d.data]);
}

/** A long section with version 0, current, one section of one, and its CRC. */
function longSection(tableId: number, idExtension: number, body: readonly number[]): Uint8Array {
  const length = 5 + body.length + 4;
  const s = Uint8Array.from([tableId, 0xb0 | (length >> 8), length & 0xff, idExtension >> 8, idExtension & 0xff, 0xc1, 0, 0, ...body, 0, 0, 0, 0]);
  const crc = crc32Mpeg(s, 0, s.length - 4);
  s.set([crc >>> 24, (crc >>> 16) & 0xff, (crc >>> 8) & 0xff, crc & 0xff], s.length - 4);
  return s;
}

export function buildPat(transportStreamId: number, programs: readonly PatEntry[]): Uint8Array {
  return longSection(TABLE_PAT, transportStreamId, programs.flatMap((p) => [p.program >> 8, p.program & 0xff, 0xe0 | (p.pid >> 8), p.pid & 0xff]));
}

export function buildPmt(pmt: Pmt): Uint8Array {
  const info = descriptorBytes(pmt.descriptors);
  const body = [0xe0 | (pmt.pcrPid >> 8), pmt.pcrPid & 0xff, 0xf0 | (info.length >> 8), info.length & 0xff, ...info];
  for (const s of pmt.streams) {
    const es = descriptorBytes(s.descriptors);
    body.push(s.streamType, 0xe0 | (s.pid >> 8), s.pid & 0xff, 0xf0 | (es.length >> 8), es.length & 0xff, ...es);
  }
  return longSection(TABLE_PMT, pmt.program, body);
}
