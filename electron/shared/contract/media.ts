// The media channel between main and a window: which camera a tile wants (validated in main),
// what state its stream is in, and the pictures themselves as binary frames. Camera URLs and
// credentials never appear here: a window names a camera by id, main knows how to reach it.
import { z } from 'zod';

export const VideoFailure = z.enum([
  'unknown_camera', // no such video point in the catalogue
  'no_stream_url', // the catalogue has no address for this stream
  'bad_url',
  'auth', // wrong or missing user name / password
  'not_found', // the camera has no such stream
  'unreachable', // nothing answers at that address
  'unsupported_codec',
  'protocol', // the camera speaks something we cannot parse
  'no_data', // connected, but no pictures
  'server_error',
  'closed', // the camera ended the connection
  'credentials_locked', // its saved password cannot be opened on this workstation (key lost or row altered)
]);
export type VideoFailure = z.infer<typeof VideoFailure>;

export const StreamQuality = z.enum(['main', 'sub']);
export type StreamQuality = z.infer<typeof StreamQuality>;

const slot = z.number().int().min(0).max(4095);

export const MediaClientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('watch'), slot, cameraId: z.string().min(1).max(100), quality: StreamQuality }).strict(),
  z.object({ type: z.literal('unwatch'), slot }).strict(),
  /** This window cannot decode the stream's codec: main decodes it and sends pictures instead. */
  z.object({ type: z.literal('decodeInMain'), stream: z.number().int().min(1).max(0xffff) }).strict(),
]);
export type MediaClientMessage = z.infer<typeof MediaClientMessage>;

export const TileStreamState = z.enum(['connecting', 'live', 'reconnecting', 'failed']);
export type TileStreamState = z.infer<typeof TileStreamState>;

export const StreamFormatWire = z.object({
  codec: z.enum(['h264', 'h265']),
  codecString: z.string().max(100),
  profile: z.string().max(60),
  level: z.string().max(20),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  frameRate: z.number().positive().nullable(),
}).strict();

export const StreamStats = z.object({
  frameRate: z.number().nonnegative(),
  bitrateKbps: z.number().nonnegative(),
  keyframeIntervalS: z.number().nonnegative().nullable(),
  lostPackets: z.number().int().nonnegative(),
  droppedPictures: z.number().int().nonnegative(),
}).strict();
export type StreamStats = z.infer<typeof StreamStats>;

export const MediaServerMessage = z.discriminatedUnion('type', [
  /** The tile's stream; binary frames carry this id (one stream may feed several tiles). */
  z.object({ type: z.literal('bound'), slot, stream: z.number().int().min(1).max(0xffff) }).strict(),
  z.object({
    type: z.literal('state'),
    stream: z.number().int().min(1).max(0xffff),
    state: TileStreamState,
    reason: VideoFailure.nullable(),
    detail: z.string().max(300).nullable(),
    retryInMs: z.number().int().nonnegative().nullable(),
  }).strict(),
  z.object({ type: z.literal('format'), stream: z.number().int().min(1).max(0xffff), format: StreamFormatWire }).strict(),
  z.object({ type: z.literal('stats'), stream: z.number().int().min(1).max(0xffff), stats: StreamStats }).strict(),
  z.object({ type: z.literal('refused'), slot, reason: z.string().max(200) }).strict(),
  /** Answer to decodeInMain: main decodes this stream now, or cannot (and why). */
  z.object({ type: z.literal('decoding'), stream: z.number().int().min(1).max(0xffff), inMain: z.boolean(), reason: z.string().max(200).nullable() }).strict(),
]);
export type MediaServerMessage = z.infer<typeof MediaServerMessage>;

/**
 * A picture on the wire: a 20-byte header, then the access unit as an Annex B byte stream.
 *   0 u8  'V' (0x56)      1 u8 flags (bit 0: keyframe)      2 u16 stream id (big-endian)
 *   4 f64 picture time in microseconds (stream clock)   12 f64 when main received it (ms, Unix epoch)
 */
export const FRAME_HEADER_BYTES = 20;
const FRAME_MAGIC = 0x56;

export type MediaFrame = { stream: number; keyframe: boolean; timestampUs: number; receivedAtMs: number; data: Uint8Array };

export function encodeFrame(f: MediaFrame): Uint8Array {
  const out = new Uint8Array(FRAME_HEADER_BYTES + f.data.length);
  const view = new DataView(out.buffer);
  view.setUint8(0, FRAME_MAGIC);
  view.setUint8(1, f.keyframe ? 1 : 0);
  view.setUint16(2, f.stream);
  view.setFloat64(4, f.timestampUs);
  view.setFloat64(12, f.receivedAtMs);
  out.set(f.data, FRAME_HEADER_BYTES);
  return out;
}

/**
 * A picture main decoded (software decoding for codecs the window lacks): a 24-byte header, then
 * the I420 planes, Y then U then V, without padding.
 *   0 u8  'R' (0x52)   1 u8 pixel format (1: I420)   2 u16 stream id
 *   4 f64 picture time (µs)   12 f64 when main received the coded picture (ms, Unix epoch)
 *  20 u16 width   22 u16 height
 */
export const RAW_FRAME_HEADER_BYTES = 24;
const RAW_MAGIC = 0x52;
const I420 = 1;

export type RawFrame = { stream: number; timestampUs: number; receivedAtMs: number; width: number; height: number; data: Uint8Array };

export function i420Bytes(width: number, height: number): number {
  const cw = Math.ceil(width / 2);
  const ch = Math.ceil(height / 2);
  return width * height + 2 * cw * ch;
}

export function encodeRawFrame(f: RawFrame): Uint8Array {
  const out = new Uint8Array(RAW_FRAME_HEADER_BYTES + f.data.length);
  const view = new DataView(out.buffer);
  view.setUint8(0, RAW_MAGIC);
  view.setUint8(1, I420);
  view.setUint16(2, f.stream);
  view.setFloat64(4, f.timestampUs);
  view.setFloat64(12, f.receivedAtMs);
  view.setUint16(20, f.width);
  view.setUint16(22, f.height);
  out.set(f.data, RAW_FRAME_HEADER_BYTES);
  return out;
}

/** Null unless the header is sound and the planes are exactly as large as the size says. */
export function decodeRawFrame(buffer: ArrayBuffer | Uint8Array): RawFrame | null {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  if (bytes.length <= RAW_FRAME_HEADER_BYTES || bytes[0] !== RAW_MAGIC || bytes[1] !== I420) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const stream = view.getUint16(2);
  const width = view.getUint16(20);
  const height = view.getUint16(22);
  const timestampUs = view.getFloat64(4);
  const receivedAtMs = view.getFloat64(12);
  if (stream === 0 || width === 0 || height === 0 || !Number.isFinite(timestampUs) || !Number.isFinite(receivedAtMs)) return null;
  if (bytes.length - RAW_FRAME_HEADER_BYTES !== i420Bytes(width, height)) return null;
  return { stream, timestampUs, receivedAtMs, width, height, data: bytes.subarray(RAW_FRAME_HEADER_BYTES) };
}

/** Null for anything that is not a frame this side would have sent. */
export function decodeFrame(buffer: ArrayBuffer | Uint8Array): MediaFrame | null {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  if (bytes.length <= FRAME_HEADER_BYTES || bytes[0] !== FRAME_MAGIC) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const stream = view.getUint16(2);
  const timestampUs = view.getFloat64(4);
  const receivedAtMs = view.getFloat64(12);
  if (stream === 0 || !Number.isFinite(timestampUs) || !Number.isFinite(receivedAtMs)) return null;
  return { stream, keyframe: (view.getUint8(1) & 1) === 1, timestampUs, receivedAtMs, data: bytes.subarray(FRAME_HEADER_BYTES) };
}
