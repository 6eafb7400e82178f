// Software decoding in main, for windows whose decoder lacks a stream's codec (H.265 in
// Chromium without hardware). One pipe per camera stream, however many windows need it: it
// watches the stream like any tile, decodes each picture once and fans the frames out.
import type { StreamStats } from '../../shared/contract/media';
import type { StreamFormat } from '../../shared/video/stream-format';
import type { VideoCodec } from '../../shared/video/sdp';
import type { Picture, StreamStatus, StreamViewer } from './camera-stream';

export type DecodedPicture = { width: number; height: number; timestampUs: number; data: Uint8Array };

export interface SoftwareDecoder {
  decode(annexB: Uint8Array, timestampUs: number): Promise<DecodedPicture[]>;
  close(): void;
}

/** Makes a decoder for a codec; throws when this build has none for it. */
export type SoftwareDecoderFactory = (codec: VideoCodec) => SoftwareDecoder;

export interface DecodedViewer {
  status(s: StreamStatus): void;
  format(f: StreamFormat): void;
  stats(s: StreamStats): void;
  decoded(p: DecodedPicture & { receivedAtMs: number }): void;
}

/** Pictures waiting for the decoder beyond which the pipe skips to the next keyframe. */
const MAX_QUEUE = 6;

export class DecodePipe implements StreamViewer {
  private readonly viewers = new Set<DecodedViewer>();
  private decoder: SoftwareDecoder | null = null;
  private codec: VideoCodec | null = null;
  private queue: Picture[] = [];
  private busy = false;
  private awaitingKeyframe = true;
  private closed = false;
  private lastStatus: StreamStatus | null = null;
  private lastFormat: StreamFormat | null = null;
  errors = 0;
  skipped = 0;

  constructor(
    private readonly makeDecoder: SoftwareDecoderFactory,
    private readonly onProblem: (message: string) => void,
  ) {}

  get viewerCount(): number {
    return this.viewers.size;
  }

  add(v: DecodedViewer): void {
    this.viewers.add(v);
    if (this.lastStatus) v.status(this.lastStatus);
    if (this.lastFormat) v.format(this.lastFormat);
  }

  remove(v: DecodedViewer): void {
    this.viewers.delete(v);
  }

  status(s: StreamStatus): void {
    this.lastStatus = s;
    for (const v of this.viewers) v.status(s);
  }

  stats(s: StreamStats): void {
    for (const v of this.viewers) v.stats(s);
  }

  format(f: StreamFormat): void {
    this.lastFormat = f;
    if (f.codec !== this.codec) {
      this.decoder?.close();
      this.decoder = null;
      this.codec = f.codec;
      try {
        this.decoder = this.makeDecoder(f.codec);
      } catch (err) {
        this.onProblem(`no software decoder for ${f.codec}: ${err instanceof Error ? err.message : String(err)}`);
      }
      this.queue = [];
      this.awaitingKeyframe = true;
    }
    for (const v of this.viewers) v.format(f);
  }

  picture(p: Picture): void {
    if (this.closed || !this.decoder) return;
    if (this.awaitingKeyframe && !p.keyframe) return;
    if (this.queue.length >= MAX_QUEUE) {
      // Decoding cannot keep up: drop what waits and start again at a keyframe, so delay stays bounded.
      this.skipped += this.queue.length;
      this.queue = [];
      this.awaitingKeyframe = !p.keyframe;
      if (!p.keyframe) return;
    }
    this.awaitingKeyframe = false;
    this.queue.push(p);
    void this.pump();
  }

  close(): void {
    this.closed = true;
    this.queue = [];
    this.viewers.clear();
    if (!this.busy) this.decoder?.close();
  }

  private async pump(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      while (!this.closed && this.queue.length > 0 && this.decoder) {
        const p = this.queue.shift()!;
        const decoder = this.decoder;
        let frames: DecodedPicture[];
        try {
          frames = await decoder.decode(p.data, p.timestampUs);
        } catch (err) {
          this.errors++;
          this.awaitingKeyframe = true;
          this.queue = [];
          this.onProblem(`software decoding failed: ${err instanceof Error ? err.message : String(err)}`);
          continue;
        }
        for (const f of frames) for (const v of this.viewers) v.decoded({ ...f, receivedAtMs: p.receivedAtMs });
      }
    } finally {
      this.busy = false;
      if (this.closed) this.decoder?.close();
    }
  }
}
