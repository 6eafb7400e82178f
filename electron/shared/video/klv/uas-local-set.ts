import { concatBytes } from '../bytes';
import { berLength, berOid, readBerLength, readBerOid } from './ber';
import { uasChecksum } from './checksum';
import { UAS_TAG_BY_NUMBER, UAS_TAGS, type UasTags } from './uas-tags';
import { decodeItemValue, encodeItemValue, type UasItemSkip } from './uas-values';

/** The UAS Datalink Local Set's 16-byte universal key (ST 0601). */
export const UAS_LS_KEY = Uint8Array.of(0x06, 0x0e, 0x2b, 0x34, 0x02, 0x0b, 0x01, 0x01, 0x0e, 0x01, 0x03, 0x01, 0x01, 0x00, 0x00, 0x00);

/** Every SMPTE universal label starts with these four bytes; a KLV stream resyncs on them. */
export const SMPTE_UL_PREFIX = UAS_LS_KEY.subarray(0, 4);

/** Byte 8 of a universal label is the registry version, which SMPTE ST 336 says to ignore when comparing keys. */
const KEY_VERSION_BYTE = 7;

/**
 * Why a whole packet was refused. Its items are not trusted then, not even the timestamp.
 * - bad-key: the bytes do not start with a SMPTE universal label;
 * - other-key: a universal label, but not the UAS Datalink LS (another MISB set, not read here);
 * - bad-length / truncated: the set's BER length is malformed, or more than the bytes at hand;
 * - no-checksum: the set does not end with a checksum item (tag 1, two bytes), which ST 0601 requires;
 * - checksum: the checksum does not match;
 * - bad-item: an item's tag or length runs past the set, so the items cannot be walked.
 */
export type UasPacketError = 'bad-key' | 'other-key' | 'bad-length' | 'truncated' | 'no-checksum' | 'checksum' | 'bad-item';

export type SkippedTag = { readonly tag: number; readonly reason: UasItemSkip };

export type UasPacket = {
  readonly ok: true;
  /** Tag 2; null when the packet has none (ST 0601 requires it, but the position is still worth having). */
  readonly timestampUs: number | null;
  readonly tags: UasTags;
  /** Items not decoded, each with the reason; the rest of the packet stands. */
  readonly skippedTags: readonly SkippedTag[];
  /** Bytes the packet occupied (key, length and value); anything after it is not read. */
  readonly length: number;
};

export type UasDecodeResult = UasPacket | { readonly ok: false; readonly reason: UasPacketError };

function startsWith(b: Uint8Array, prefix: Uint8Array): boolean {
  for (let i = 0; i < prefix.length; i++) if (b[i] !== undefined && b[i] !== prefix[i]) return false;
  return true;
}

/** One UAS Datalink LS packet from the start of `b`. Never throws, whatever the bytes. */
export function decodeUasLocalSet(b: Uint8Array): UasDecodeResult {
  if (!startsWith(b, SMPTE_UL_PREFIX)) return { ok: false, reason: 'bad-key' };
  if (b.length < 16) return { ok: false, reason: 'truncated' };
  for (let i = 0; i < 16; i++) if (i !== KEY_VERSION_BYTE && b[i] !== UAS_LS_KEY[i]) return { ok: false, reason: 'other-key' };
  const length = readBerLength(b, 16);
  if ('error' in length) return { ok: false, reason: length.error };
  const start = length.next;
  const end = start + length.value;
  if (end > b.length) return { ok: false, reason: 'truncated' };
  // The checksum is the last item, and covers everything before its own two value bytes.
  if (end - start < 4 || b[end - 4] !== 1 || b[end - 3] !== 2) return { ok: false, reason: 'no-checksum' };
  if (uasChecksum(b, 0, end - 2) !== ((b[end - 2]! << 8) | b[end - 1]!)) return { ok: false, reason: 'checksum' };

  const tags: Record<string, number | string> = {};
  const skippedTags: SkippedTag[] = [];
  const seen = new Set<number>([1]);
  for (let at = start; at < end - 4; ) {
    const tag = readBerOid(b, at);
    if ('error' in tag) return { ok: false, reason: 'bad-item' };
    const len = readBerLength(b, tag.next);
    if ('error' in len || len.next + len.value > end - 4) return { ok: false, reason: 'bad-item' };
    const value = b.subarray(len.next, len.next + len.value);
    at = len.next + len.value;
    const def = UAS_TAG_BY_NUMBER.get(tag.value);
    if (seen.has(tag.value)) {
      skippedTags.push({ tag: tag.value, reason: 'duplicate' });
      continue;
    }
    seen.add(tag.value);
    if (!def) {
      skippedTags.push({ tag: tag.value, reason: 'unknown-tag' });
      continue;
    }
    const decoded = decodeItemValue(def.codec, value);
    if ('skip' in decoded) skippedTags.push({ tag: tag.value, reason: decoded.skip });
    else tags[def.name] = decoded.value;
  }
  const timestamp = tags.precisionTimeStampUs;
  return { ok: true, timestampUs: typeof timestamp === 'number' ? timestamp : null, tags: tags as UasTags, skippedTags, length: end };
}

/** An item as raw bytes, for fixtures that need what the typed values cannot say (unknown tags, reserved values). */
export type RawItem = { readonly tag: number; readonly value: Uint8Array };

function item(tag: number, value: Uint8Array): Uint8Array {
  return concatBytes([berOid(tag), berLength(value.length), value]);
}

/**
 * Values → one UAS Datalink LS packet with a correct checksum: the timestamp first, then the other
 * items by tag number, then `extraItems` as given, then the checksum, as ST 0601 orders them.
 * For test fixtures and round trips; a value the standard cannot carry is a RangeError.
 */
export function encodeUasLocalSet(tags: UasTags, extraItems: readonly RawItem[] = []): Uint8Array {
  const items: Uint8Array[] = [];
  for (const def of UAS_TAGS) {
    const value = tags[def.name];
    if (value !== undefined) items.push(item(def.tag, encodeItemValue(def.codec, value)));
  }
  for (const extra of extraItems) items.push(item(extra.tag, extra.value));
  items.push(Uint8Array.of(1, 2));
  const body = concatBytes(items);
  const packet = concatBytes([UAS_LS_KEY, berLength(body.length + 2), body, new Uint8Array(2)]);
  const sum = uasChecksum(packet, 0, packet.length - 2);
  packet[packet.length - 2] = sum >> 8;
  packet[packet.length - 1] = sum & 0xff;
  return packet;
}
