// Decodes one camera stream in this window with WebCodecs and draws every picture on each canvas
// showing it. Tuned for latency: no buffering beyond the decoder's own, and when decoding falls
// behind it skips to the next keyframe instead of letting the delay grow.
import type { MediaFrame, RawFrame, StreamStats, TileStreamState, VideoFailure } from '../../../electron/shared/contract/media';
import type { StreamFormat } from '../../../electron/shared/video/stream-format';

export type PlayerView = {
  state: TileStreamState;
  reason: VideoFailure | null;
  detail: string | null;
  retryInMs: number | null;
  format: StreamFormat | null;
  stats: StreamStats | null;
  /** This window cannot decode the stream's codec (H.265 without a hardware decoder), nor can main. */
  unsupported: boolean;
  /** Main decodes this stream for the window (software decoder) because the window cannot. */
  decodedInMain: boolean;
  /** From main receiving a picture to it being drawn here, over the last pictures. */
  latencyMs: { p50: number; p95: number } | null;
  framesDrawn: number;
  /** Pictures skipped to keep the delay bounded (this window could not keep up). */
  skipped: number;
};

/** Pictures queued in the decoder beyond which we stop feeding it until the next keyframe. */
const MAX_DECODE_QUEUE = 4;
/**
 * When a page is too busy for all its tiles, pictures wait in it. A decoded picture older than
 * this, with a newer one already in the decoder, is not drawn (drawing is the page's dear part,
 * and every picture is still decoded, so references stay whole)…
 */
const STALE_DRAW_MS = 100;
/** …and a coded picture this old means decoding itself is behind: skip to the next keyframe. */
const MAX_PICTURE_AGE_MS = 1000;
const LATENCY_SAMPLES = 120;

export class StreamPlayer {
  private decoder: VideoDecoder | null = null;
  private configuredFor = '';
  private awaitingKeyframe = true;
  private readonly canvases = new Set<HTMLCanvasElement>();
  private readonly listeners = new Set<(v: PlayerView) => void>();
  private readonly receivedAt = new Map<number, number>();
  private readonly latencies: number[] = [];
  private notifyScheduled = false;
  /** Pictures main received before this player existed are the kept GOP replayed for a quick start, not latency. */
  private readonly since = Date.now();
  view: PlayerView = { state: 'connecting', reason: null, detail: null, retryInMs: null, format: null, stats: null, unsupported: false, decodedInMain: false, latencyMs: null, framesDrawn: 0, skipped: 0 };
  private askedMain = false;

  /** `askMainToDecode` is called once if this window cannot decode the stream. */
  constructor(private readonly askMainToDecode: () => void = () => undefined) {}

  attach(canvas: HTMLCanvasElement): void {
    this.canvases.add(canvas);
  }

  detach(canvas: HTMLCanvasElement): void {
    this.canvases.delete(canvas);
  }

  subscribe(listener: (v: PlayerView) => void): () => void {
    this.listeners.add(listener);
    listener(this.view);
    return () => this.listeners.delete(listener);
  }

  setState(s: Pick<PlayerView, 'state' | 'reason' | 'detail' | 'retryInMs'>): void {
    this.update(s);
  }

  setStats(stats: StreamStats): void {
    this.update({ stats, latencyMs: this.latencySummary() });
  }

  setFormat(format: StreamFormat): void {
    this.update({ format });
    void this.configure(format);
  }

  frame(f: MediaFrame): void {
    const decoder = this.decoder;
    if (!decoder || decoder.state !== 'configured') return;
    if (this.awaitingKeyframe && !f.keyframe) return;
    if (!f.keyframe && (decoder.decodeQueueSize > MAX_DECODE_QUEUE || this.late(f.receivedAtMs, MAX_PICTURE_AGE_MS))) {
      this.awaitingKeyframe = true;
      this.view = { ...this.view, skipped: this.view.skipped + 1 };
      return;
    }
    this.awaitingKeyframe = false;
    this.remember(f.timestampUs, f.receivedAtMs);
    try {
      decoder.decode(new EncodedVideoChunk({ type: f.keyframe ? 'key' : 'delta', timestamp: f.timestampUs, data: f.data }));
    } catch {
      this.awaitingKeyframe = true;
    }
  }

  /** Main's answer to the request to decode: yes (pictures follow as raw frames), or it cannot either. */
  setDecodedInMain(inMain: boolean): void {
    this.update(inMain ? { decodedInMain: true, unsupported: false } : { decodedInMain: false, unsupported: true });
  }

  /** A picture main decoded: drawn as it is; no decoder here. */
  rawFrame(f: RawFrame): void {
    // Decoded pictures stand alone: a stale one is simply not drawn.
    if (this.late(f.receivedAtMs, STALE_DRAW_MS)) {
      this.view = { ...this.view, skipped: this.view.skipped + 1 };
      return;
    }
    let frame: VideoFrame;
    try {
      frame = new VideoFrame(f.data, { format: 'I420', codedWidth: f.width, codedHeight: f.height, timestamp: f.timestampUs });
    } catch {
      return;
    }
    this.remember(f.timestampUs, f.receivedAtMs);
    this.draw(frame);
  }

  close(): void {
    if (this.decoder && this.decoder.state !== 'closed') this.decoder.close();
    this.decoder = null;
    this.listeners.clear();
    this.canvases.clear();
  }

  /** When main received the picture with this timestamp, for the latency of its drawing (the last 64 kept). */
  private remember(timestampUs: number, receivedAtMs: number): void {
    this.receivedAt.set(timestampUs, receivedAtMs);
    if (this.receivedAt.size > 64) this.receivedAt.delete(this.receivedAt.keys().next().value!);
  }

  /** The kept GOP replayed at the start is old on purpose: only pictures received since count as late. */
  private late(receivedAtMs: number, limitMs: number): boolean {
    return receivedAtMs >= this.since && Date.now() - receivedAtMs > limitMs;
  }

  private async configure(format: StreamFormat): Promise<void> {
    const config: VideoDecoderConfig = { codec: format.codecString, optimizeForLatency: true, codedWidth: format.width, codedHeight: format.height };
    const key = `${format.codecString} ${format.width}x${format.height}`;
    if (key === this.configuredFor && this.decoder?.state === 'configured') return;
    this.configuredFor = key;
    const supported = typeof VideoDecoder !== 'undefined' && (await VideoDecoder.isConfigSupported(config).then((r) => r.supported === true, () => false));
    if (key !== this.configuredFor) return; // a newer format arrived meanwhile
    if (!supported) {
      if (this.view.decodedInMain) return;
      if (!this.askedMain) {
        this.askedMain = true;
        this.askMainToDecode();
      }
      return;
    }
    if (!this.decoder || this.decoder.state === 'closed') {
      this.decoder = new VideoDecoder({
        output: (frame) => this.draw(frame),
        error: () => {
          // The decoder closes itself on error: start again at the next keyframe.
          this.decoder = null;
          this.configuredFor = '';
          if (this.view.format) void this.configure(this.view.format);
        },
      });
    }
    // A resolution change mid-stream lands here too: reconfigure and wait for its keyframe.
    this.decoder.configure(config);
    this.awaitingKeyframe = true;
    this.update({ unsupported: false });
  }

  private draw(frame: VideoFrame): void {
    const at = this.receivedAt.get(frame.timestamp);
    if (at !== undefined && at >= this.since && Date.now() - at > STALE_DRAW_MS && (this.decoder?.decodeQueueSize ?? 0) > 0) {
      frame.close();
      this.view = { ...this.view, skipped: this.view.skipped + 1 };
      return;
    }
    try {
      for (const canvas of this.canvases) {
        if (canvas.width !== frame.displayWidth || canvas.height !== frame.displayHeight) {
          canvas.width = frame.displayWidth;
          canvas.height = frame.displayHeight;
        }
        canvas.getContext('2d')?.drawImage(frame, 0, 0);
      }
      if (at !== undefined && at >= this.since) {
        this.latencies.push(Date.now() - at);
        if (this.latencies.length > LATENCY_SAMPLES) this.latencies.shift();
      }
    } finally {
      frame.close();
    }
    this.view = { ...this.view, framesDrawn: this.view.framesDrawn + 1 };
    // The overlay does not need to re-render for every picture; a few times a second is enough.
    if (this.view.framesDrawn % 25 === 1) this.notify();
  }

  private latencySummary(): PlayerView['latencyMs'] {
    if (this.latencies.length === 0) return null;
    const sorted = [...this.latencies].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
    return { p50: at(0.5), p95: at(0.95) };
  }

  private update(patch: Partial<PlayerView>): void {
    this.view = { ...this.view, ...patch };
    this.notify();
  }

  private notify(): void {
    if (this.notifyScheduled) return;
    this.notifyScheduled = true;
    queueMicrotask(() => {
      this.notifyScheduled = false;
      for (const l of this.listeners) l(this.view);
    });
  }
}
