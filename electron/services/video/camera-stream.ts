// One camera stream pulled once and fanned out to every tile that shows it, in every window.
// Keeps the pictures since the latest keyframe so a new tile starts at once; reconnects with
// backoff and jitter and tells every tile why it is waiting; closes a short while after the last
// tile leaves, so flicking between layouts does not reconnect the camera each time.
import { toAnnexB, type AccessUnit } from '../../shared/video/access-unit';
import { BitstreamError } from '../../shared/video/bit-reader';
import { parseSps, spsOf } from '../../shared/video/access-unit-format';
import { LowDelayPolicy } from '../../shared/video/h264-low-delay';
import type { StreamFormat } from '../../shared/video/stream-format';
import type { StreamStats, TileStreamState, VideoFailure } from '../../shared/contract/media';
import type { Credentials } from '../../shared/video/rtsp-auth';
import type { VideoCodec } from '../../shared/video/sdp';
import { openSource, type StreamClient } from './stream-client';
import { RtspError } from './rtsp-error';

export type Picture = { keyframe: boolean; timestampUs: number; receivedAtMs: number; data: Uint8Array };

export type StreamStatus = { state: TileStreamState; reason: VideoFailure | null; detail: string | null; retryInMs: number | null };

export interface StreamViewer {
  status(s: StreamStatus): void;
  format(f: StreamFormat): void;
  picture(p: Picture): void;
  stats(s: StreamStats): void;
}

export interface CameraStreamOptions {
  url: string;
  credentials?: Credentials;
  /** The catalogue's codec: spares remuxed sources a probe. */
  codec?: VideoCodec | 'unknown';
  /** How long the stream stays open after its last viewer leaves. */
  graceMs?: number;
  backoff?: { firstMs: number; maxMs: number };
  stallTimeoutMs?: number;
  /** A source main already reads (a drone's feed): its pictures instead of opening `url`. */
  open?: (onUnit: (u: AccessUnit) => void) => StreamClient;
  /** Called once the stream has closed for good (no viewers, grace over). */
  onIdle(): void;
  onProblem?(e: RtspError): void;
  random?: () => number;
}

/** A GOP longer than this (pictures) is not kept whole: a viewer then waits for the next keyframe. */
const MAX_GOP_PICTURES = 300;
const STATS_EVERY_MS = 1000;

export class CameraStream {
  private readonly viewers = new Set<StreamViewer>();
  private client: StreamClient | null = null;
  private status: StreamStatus = { state: 'connecting', reason: null, detail: null, retryInMs: null };
  private format: StreamFormat | null = null;
  private formatKey = '';
  private gop: Picture[] = [];
  private attempt = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private graceTimer: NodeJS.Timeout | null = null;
  private statsTimer: NodeJS.Timeout | null = null;
  private liveSince = 0;
  private stopped = false;
  private window = { pictures: 0, bytes: 0, since: Date.now() };
  private lastKeyframeUs: number | null = null;
  private keyframeIntervalS: number | null = null;
  private lost = 0;
  private dropped = 0;
  /** Rewrites H.264 parameter sets so decoders show each picture at once (see h264-low-delay.ts). */
  private readonly lowDelay = new LowDelayPolicy();

  constructor(private readonly o: CameraStreamOptions) {
    this.connect();
    this.statsTimer = setInterval(() => this.publishStats(), STATS_EVERY_MS);
  }

  /** The latest meter readings (diagnostics view); null before the first second has passed. */
  lastStats: StreamStats | null = null;

  get state(): StreamStatus['state'] {
    return this.status.state;
  }

  get viewerCount(): number {
    return this.viewers.size;
  }

  add(viewer: StreamViewer): void {
    if (this.graceTimer) {
      clearTimeout(this.graceTimer);
      this.graceTimer = null;
    }
    this.viewers.add(viewer);
    viewer.status(this.status);
    if (this.format) viewer.format(this.format);
    for (const p of this.gop) viewer.picture(p);
  }

  remove(viewer: StreamViewer): void {
    if (!this.viewers.delete(viewer) || this.viewers.size > 0 || this.stopped) return;
    this.graceTimer = setTimeout(() => this.stop(), this.o.graceMs ?? 10_000);
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    for (const t of [this.retryTimer, this.graceTimer]) if (t) clearTimeout(t);
    if (this.statsTimer) clearInterval(this.statsTimer);
    this.client?.close();
    this.client = null;
    this.gop = [];
    this.o.onIdle();
  }

  private setStatus(s: StreamStatus): void {
    this.status = s;
    for (const v of this.viewers) v.status(s);
  }

  private connect(): void {
    if (this.stopped) return;
    let client: StreamClient;
    try {
      client = this.o.open ? this.o.open((u) => this.onUnit(u)) : openSource({ url: this.o.url, ...(this.o.credentials ? { credentials: this.o.credentials } : {}), ...(this.o.codec ? { codec: this.o.codec } : {}), ...(this.o.stallTimeoutMs ? { stallTimeoutMs: this.o.stallTimeoutMs } : {}), onUnit: (u) => this.onUnit(u) });
    } catch (err) {
      this.retry(err instanceof RtspError ? err : new RtspError('bad_url', String(err)));
      return;
    }
    this.client = client;
    client.play().then(
      () => {
        if (this.client !== client) return;
        this.liveSince = Date.now();
        this.setStatus({ state: 'live', reason: null, detail: null, retryInMs: null });
      },
      () => undefined, // reported through `closed` below
    );
    void client.closed.then((e) => {
      if (this.client !== client || this.stopped) return;
      this.client = null;
      this.collectStats(client);
      this.retry(e ?? new RtspError('closed', 'closed'));
    });
  }

  /**
   * Wrong passwords, missing streams and unknown codecs will not fix themselves quickly, so they
   * show as failed and retry slowly; everything else shows as reconnecting.
   */
  private retry(e: RtspError): void {
    this.o.onProblem?.(e);
    this.gop = [];
    if (Date.now() - this.liveSince > 30_000) this.attempt = 0; // it played a good while: start over
    const { firstMs, maxMs } = this.o.backoff ?? { firstMs: 500, maxMs: 30_000 };
    const lasting = e.reason === 'auth' || e.reason === 'not_found' || e.reason === 'unsupported_codec' || e.reason === 'bad_url';
    const base = Math.min(maxMs, firstMs * 2 ** this.attempt) * (lasting ? 4 : 1);
    const delay = Math.round(Math.min(maxMs, base) * (0.8 + 0.4 * (this.o.random ?? Math.random)()));
    this.attempt++;
    this.setStatus({ state: lasting ? 'failed' : 'reconnecting', reason: e.reason, detail: e.message, retryInMs: delay });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.stopped) {
        this.setStatus({ ...this.status, state: lasting ? 'failed' : 'reconnecting', retryInMs: null });
        this.connect();
      }
    }, delay);
  }

  private onUnit(received: AccessUnit): void {
    const unit = this.lowDelay.apply(received);
    const picture: Picture = { keyframe: unit.keyframe, timestampUs: Math.round((unit.timestamp * 1000) / 90), receivedAtMs: Date.now(), data: toAnnexB(unit.nalus) };
    if (unit.keyframe) {
      this.noteFormat(unit);
      if (this.lastKeyframeUs !== null) this.keyframeIntervalS = (picture.timestampUs - this.lastKeyframeUs) / 1e6;
      this.lastKeyframeUs = picture.timestampUs;
      this.gop = [picture];
    } else if (this.gop.length > 0 && this.gop.length < MAX_GOP_PICTURES) {
      this.gop.push(picture);
    } else this.gop = [];
    this.window.pictures++;
    this.window.bytes += picture.data.length;
    for (const v of this.viewers) v.picture(picture);
  }

  /** Reads the SPS of each keyframe: a camera that changes resolution gets its tiles reconfigured. */
  private noteFormat(unit: AccessUnit): void {
    const sps = spsOf(unit);
    if (!sps) return;
    const key = Buffer.from(sps).toString('base64');
    if (key === this.formatKey) return;
    try {
      this.format = parseSps(unit.codec, sps);
      this.formatKey = key;
      for (const v of this.viewers) v.format(this.format);
    } catch (err) {
      if (!(err instanceof BitstreamError)) throw err;
      this.o.onProblem?.(new RtspError('protocol', `unreadable parameter set: ${err.message}`));
    }
  }

  private collectStats(client: StreamClient): void {
    this.lost += client.stats?.lostPackets ?? 0;
    this.dropped += client.stats?.droppedUnits ?? 0;
  }

  private publishStats(): void {
    const now = Date.now();
    const seconds = Math.max(0.001, (now - this.window.since) / 1000);
    const stats: StreamStats = {
      frameRate: Math.round((this.window.pictures / seconds) * 10) / 10,
      bitrateKbps: Math.round((this.window.bytes * 8) / 1000 / seconds),
      keyframeIntervalS: this.keyframeIntervalS,
      lostPackets: this.lost + (this.client?.stats?.lostPackets ?? 0),
      droppedPictures: this.dropped + (this.client?.stats?.droppedUnits ?? 0),
    };
    this.window = { pictures: 0, bytes: 0, since: now };
    this.lastStats = stats;
    for (const v of this.viewers) v.stats(stats);
  }
}
