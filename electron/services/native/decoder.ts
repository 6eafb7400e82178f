import type { VideoCodec } from '../../shared/video/sdp';
import { loadNative } from './addon';

/**
 * Software decoding of H.264 and H.265 with libavcodec in the native module, for streams a
 * window cannot decode itself (Chromium has no H.265 without a hardware decoder). Decoding runs
 * on libuv's worker pool: one stream's pictures in order, different streams in parallel.
 */

/** One decoded picture: Y, then U, then V, each plane tightly packed (no row padding). */
export interface DecodedFrame {
  width: number;
  height: number;
  format: 'I420';
  /** The timestamp given to `decode` with the access unit this picture came from. */
  timestampUs: number;
  keyframe: boolean;
  /** Full-range (JPEG) samples rather than the usual limited range (16–235). */
  fullRange: boolean;
  data: Uint8Array;
}

export interface DecoderOptions {
  codec: VideoCodec;
  /**
   * libavcodec's thread count for this stream (0: one per core). More than one uses frame
   * threading, which holds back threads − 1 pictures until later input or `flush()`.
   */
  threads?: number;
}

interface NativeDecoder {
  decode(accessUnit: Uint8Array, timestampUs: number): Promise<DecodedFrame[]>;
  flush(): Promise<DecodedFrame[]>;
  close(): void;
}

type NativeDecoderClass = new (options: DecoderOptions) => NativeDecoder;

/** Largest access unit the decoder accepts (the native module refuses more). */
export const MAX_ACCESS_UNIT_BYTES = 16 * 1024 * 1024;

export class SoftwareDecoder {
  private readonly native: NativeDecoder;
  private waiting = 0;

  /** `root` is the repository or app root the native module is looked up from. */
  constructor(root: string, options: DecoderOptions) {
    const Decoder = (loadNative(root) as unknown as { Decoder: NativeDecoderClass }).Decoder;
    this.native = new Decoder(options);
  }

  /**
   * Decodes one access unit (Annex B, start codes included). Resolves with the pictures that
   * became ready — none, one, or several once reordering or frame threads release them —
   * and rejects with libavcodec's message when the input is refused; the decoder stays usable
   * and recovers at the next keyframe.
   */
  async decode(accessUnit: Uint8Array, timestampUs: number): Promise<DecodedFrame[]> {
    this.waiting++;
    try {
      return await this.native.decode(accessUnit, timestampUs);
    } finally {
      this.waiting--;
    }
  }

  /**
   * Access units handed to `decode` and not yet settled. Calls queue without limit, so a feeder
   * faster than the decoder should skip to the next keyframe when this grows (as the player
   * does with WebCodecs).
   */
  get pending(): number {
    return this.waiting;
  }

  /** Returns the pictures still held back, then accepts input again (e.g. after a seek or gap). */
  async flush(): Promise<DecodedFrame[]> {
    return this.native.flush();
  }

  /** Frees the decoder; idempotent. Queued calls reject, later calls reject. */
  close(): void {
    this.native.close();
  }
}

/**
 * The software decoder for main's video service, or null when this installation has no usable
 * native module (then windows that lack a codec say so). Checked once, at start.
 */
export function softwareDecoderFactory(root: string, onUnavailable: (why: string) => void): ((codec: VideoCodec) => SoftwareDecoder) | null {
  try {
    new SoftwareDecoder(root, { codec: 'h264', threads: 1 }).close();
  } catch (err) {
    onUnavailable(err instanceof Error ? err.message : String(err));
    return null;
  }
  return (codec) => new SoftwareDecoder(root, { codec, threads: 1 });
}
