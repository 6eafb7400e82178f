import type { Descriptor, PmtStream } from './psi';

/**
 * How a PMT announces KLV metadata (MISB ST 1402; ISO/IEC 13818-1 §2.6.58–2.6.61):
 * - synchronous: stream_type 0x15 (metadata in PES) with a metadata_descriptor whose
 *   metadata_format is 0xFF and metadata_format_identifier 'KLVA'; the program loop has a
 *   matching metadata_pointer_descriptor;
 * - asynchronous: stream_type 0x06 (private data in PES) with a registration_descriptor 'KLVA'.
 * A stream_type 0x15 announced with the registration_descriptor instead of the metadata_descriptor
 * is taken as synchronous too: ffmpeg 5.1's muxer writes it that way.
 */

export const STREAM_TYPE_H264 = 0x1b;
export const STREAM_TYPE_H265 = 0x24;
export const STREAM_TYPE_METADATA_PES = 0x15;
export const STREAM_TYPE_PRIVATE_PES = 0x06;

const TAG_REGISTRATION = 0x05;
const TAG_METADATA_POINTER = 0x25;
const TAG_METADATA = 0x26;
const KLVA = [0x4b, 0x4c, 0x56, 0x41];
/** ST 1402's metadata_application_format: 0x0100, in the user-defined range. */
const APPLICATION_FORMAT = [0x01, 0x00];

export type KlvCarriage = 'sync' | 'async';

function isKlva(b: Uint8Array, at: number): boolean {
  return KLVA.every((c, i) => b[at + i] === c);
}

/** metadata_format 0xFF + 'KLVA', after the application format (and its identifier when 0xFFFF). */
function metadataDescriptorIsKlv(d: Uint8Array): boolean {
  if (d.length < 3) return false;
  const at = d[0] === 0xff && d[1] === 0xff ? 6 : 2;
  return d[at] === 0xff && isKlva(d, at + 1);
}

export function klvCarriageOf(s: PmtStream): KlvCarriage | null {
  const registered = s.descriptors.some((d) => d.tag === TAG_REGISTRATION && d.data.length >= 4 && isKlva(d.data, 0));
  if (s.streamType === STREAM_TYPE_METADATA_PES && (registered || s.descriptors.some((d) => d.tag === TAG_METADATA && metadataDescriptorIsKlv(d.data)))) return 'sync';
  if (s.streamType === STREAM_TYPE_PRIVATE_PES && registered) return 'async';
  return null;
}

export const klvRegistrationDescriptor = (): Descriptor => ({ tag: TAG_REGISTRATION, data: Uint8Array.from(KLVA) });

/** Program loop: where the metadata of service `serviceId` is (in this program, this stream). */
export function metadataPointerDescriptor(serviceId: number, program: number): Descriptor {
  // metadata_locator_record_flag 0, MPEG_carriage_flags 0 (same transport stream), reserved 11111.
  return { tag: TAG_METADATA_POINTER, data: Uint8Array.from([...APPLICATION_FORMAT, 0xff, ...KLVA, serviceId, 0x1f, program >> 8, program & 0xff]) };
}

/** Elementary stream loop: this stream carries the metadata of service `serviceId`. */
export function metadataDescriptor(serviceId: number): Descriptor {
  // decoder_config_flags 000 (no decoder configuration), DSM-CC_flag 0, reserved 1111.
  return { tag: TAG_METADATA, data: Uint8Array.from([...APPLICATION_FORMAT, 0xff, ...KLVA, serviceId, 0x0f]) };
}
