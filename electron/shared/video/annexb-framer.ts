import type { AccessUnit } from './access-unit';
import type { VideoCodec } from './sdp';

/**
 * An Annex B byte stream (what `ffmpeg -c copy -f h264|hevc` writes for RTMP, SRT and MPEG-TS
 * sources) → access units. A picture ends where the next one's first slice (or its access unit
 * delimiter / parameter sets) begins, so each unit is emitted when the next starts: one picture
 * of delay, the price of a stream without packet boundaries. Garbage between start codes is
 * dropped NAL by NAL; the framer never throws.
 */

const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

type Kind = { vcl: boolean; firstSlice: boolean; keyframe: boolean; startsUnit: boolean };

function classify(codec: VideoCodec, nal: Uint8Array): Kind | null {
  if (codec === 'h264') {
    if (nal.length < 1 || (nal[0]! & 0x80) !== 0) return null;
    const type = nal[0]! & 0x1f;
    const vcl = type >= 1 && type <= 5;
    // first_mb_in_slice is ue(v): 0 is the single bit 1, so the first slice of a picture has the top bit set.
    return { vcl, firstSlice: vcl && nal.length > 1 && (nal[1]! & 0x80) !== 0, keyframe: type === 5, startsUnit: type === 9 || type === 7 || type === 8 || type === 6 };
  }
  if (nal.length < 2 || (nal[0]! & 0x80) !== 0) return null;
  const type = (nal[0]! >> 1) & 0x3f;
  const vcl = type <= 31;
  return { vcl, firstSlice: vcl && nal.length > 2 && (nal[2]! & 0x80) !== 0, keyframe: type >= 16 && type <= 21, startsUnit: type === 35 || (type >= 32 && type <= 34) || type === 39 };
}

export class AnnexBFramer {
  private buffer = new Uint8Array(0);
  private nalus: Uint8Array[] = [];
  private hasPicture = false;
  private keyframe = false;
  private timestamp = 0;
  /** NAL units that could not be read (forbidden bit, too short). */
  malformed = 0;

  constructor(readonly codec: VideoCodec) {}

  /** Feeds bytes; `timestamp` (90 kHz) is stamped on pictures that start in this chunk. */
  push(chunk: Uint8Array, timestamp: number): AccessUnit[] {
    const joined = new Uint8Array(this.buffer.length + chunk.length);
    joined.set(this.buffer);
    joined.set(chunk, this.buffer.length);
    const out: AccessUnit[] = [];
    // Complete NAL units are those followed by another start code; the tail waits for more.
    const starts: number[] = [];
    for (let i = 0; i + 2 < joined.length; i++) {
      if (joined[i] === 0 && joined[i + 1] === 0 && joined[i + 2] === 1) {
        starts.push(i + 3);
        i += 2;
      }
    }
    if (starts.length === 0) {
      this.buffer = joined.length > MAX_BUFFERED_BYTES ? new Uint8Array(0) : joined;
      return out;
    }
    for (let k = 0; k + 1 < starts.length; k++) {
      let end = starts[k + 1]! - 3;
      while (end > starts[k]! && joined[end - 1] === 0) end--; // trailing zeros / 4-byte start code
      this.take(joined.slice(starts[k]!, end), timestamp, out);
    }
    this.buffer = joined.slice(starts[starts.length - 1]! - 3);
    if (this.buffer.length > MAX_BUFFERED_BYTES) this.buffer = new Uint8Array(0);
    return out;
  }

  /** The last picture, at the end of the stream. */
  flush(): AccessUnit[] {
    const out: AccessUnit[] = [];
    if (this.buffer.length > 3) this.take(this.buffer.slice(3), this.timestamp, out);
    this.buffer = new Uint8Array(0);
    this.finish(out);
    return out;
  }

  private take(nal: Uint8Array, timestamp: number, out: AccessUnit[]): void {
    if (nal.length === 0) return;
    const kind = classify(this.codec, nal);
    if (!kind) {
      this.malformed++;
      return;
    }
    if (this.hasPicture && (kind.startsUnit || kind.firstSlice)) this.finish(out);
    if (this.nalus.length === 0) this.timestamp = timestamp;
    this.nalus.push(nal);
    if (kind.vcl) this.hasPicture = true;
    if (kind.keyframe) this.keyframe = true;
  }

  private finish(out: AccessUnit[]): void {
    if (this.hasPicture) out.push({ codec: this.codec, timestamp: this.timestamp, keyframe: this.keyframe, nalus: this.nalus });
    this.nalus = [];
    this.hasPicture = false;
    this.keyframe = false;
  }
}
