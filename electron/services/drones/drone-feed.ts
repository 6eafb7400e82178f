// One drone's MPEG-TS stream (STANAG 4609: H.264/H.265 + ST 0601 KLV), read once in main and
// split: KLV packets go to the drone's telemetry track, pictures to whichever camera streams are
// tapping the feed (a tile showing the drone) — as sent, never decoded or re-encoded.
//
// Sources: a file played in a loop at the pace of its PTS (tests, the demo), MPEG-TS over UDP
// read directly, or an srt/rtmp address remuxed by ffmpeg with its data streams kept
// (ffmpeg-ts.ts), read again after a pause when it ends.
import dgram from 'node:dgram';
import fs from 'node:fs';
import { splitAnnexB, type AccessUnit } from '../../shared/video/access-unit';
import { TsDemuxer, type TsEvent } from '../../shared/video/mpegts/demuxer';
import { PES_CLOCK_HZ } from '../../shared/video/mpegts/pes';
import { isRemuxUrl, remuxToTs, type TsRemux } from '../video/ffmpeg-ts';
import { RtspError } from '../video/rtsp-error';
import type { StreamClient } from '../video/stream-client';

export interface DroneFeedOptions {
  /** A path to an MPEG-TS file (played in a loop), or a udp:// srt:// rtmp(s):// address. */
  source: string;
  klv(bytes: Uint8Array, pts: number | null): void;
  klvSkipped(): void;
  onProblem?(e: RtspError): void;
  ffmpeg?: string;
  /** Pause before reading a network source again after it ended. */
  retryMs?: number;
  /** A network source silent this long ends its tiles' streams (`no_data`; they retry). */
  stallTimeoutMs?: number;
}

const TICK_MS = 10;

export class DroneFeed {
  private readonly taps = new Set<DroneTap>();
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  private remux: TsRemux | null = null;
  private udp: dgram.Socket | null = null;
  private lastDataAt = Date.now();
  private stallWatch: NodeJS.Timeout | null = null;
  /** Monotonic 90 kHz picture time across loops and wraps. */
  private lastPts: number | null = null;
  private ptsOffset = 0;
  private lastKlvPts: number | null = null;

  constructor(private readonly o: DroneFeedOptions) {}

  start(): void {
    if (/^udp:\/\//i.test(this.o.source)) this.readUdp();
    else if (isRemuxUrl(this.o.source)) this.readRemux();
    else return this.playFile();
    // A live drone that falls silent: its tiles say so (no_data) and retry, as a camera's do.
    const limit = this.o.stallTimeoutMs ?? 5000;
    this.stallWatch = setInterval(() => {
      if (this.taps.size === 0 || Date.now() - this.lastDataAt <= limit) return;
      const e = new RtspError('no_data', `the drone has sent nothing for ${Math.round(limit / 1000)} s`);
      for (const t of [...this.taps]) t.end(e);
    }, Math.min(1000, limit / 2));
  }

  /** A camera stream's client for this drone's pictures (see CameraStream / StreamSource.open). */
  tap(onUnit: (u: AccessUnit) => void): StreamClient {
    const t = new DroneTap(onUnit, () => this.taps.delete(t));
    this.taps.add(t);
    return t;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.stallWatch) clearInterval(this.stallWatch);
    this.remux?.close();
    try {
      this.udp?.close();
    } catch {
      // already closed after an error
    }
    for (const t of [...this.taps]) t.end(null);
  }

  private handle(e: TsEvent): void {
    this.lastDataAt = Date.now();
    if (e.kind === 'klv') {
      // Asynchronous KLV usually has no PTS: it belongs to the picture last seen.
      this.o.klv(e.bytes, e.pts ?? this.lastKlvPts);
    } else if (e.kind === 'klv-skip') this.o.klvSkipped();
    else {
      const pts = e.dts ?? e.pts;
      if (pts !== null) this.lastKlvPts = pts;
      // The picture clock runs on even when nobody watches; the split is only for tiles that do.
      const timestamp = this.monotonic(e.pts ?? pts);
      if (this.taps.size === 0) return;
      const nalus = splitAnnexB(e.data);
      if (nalus.length === 0) return;
      const unit: AccessUnit = { codec: e.codec, timestamp, keyframe: e.keyframe, nalus };
      for (const t of this.taps) t.unit(unit);
    }
  }

  private monotonic(pts: number | null): number {
    if (pts === null) return this.lastPts ?? 0;
    let t = pts + this.ptsOffset;
    if (this.lastPts !== null && t < this.lastPts - PES_CLOCK_HZ) {
      // Back by more than a second: the file looped or the 33-bit PTS wrapped, not reordering.
      // Carry on one picture after the last.
      this.ptsOffset += this.lastPts - t + PES_CLOCK_HZ / 25;
      t = pts + this.ptsOffset;
    }
    this.lastPts = t;
    return t;
  }

  /** The whole file demuxed once, then its events played at their PTS, over and over. */
  private playFile(): void {
    let events: TsEvent[];
    try {
      const d = new TsDemuxer();
      events = [...d.push(new Uint8Array(fs.readFileSync(this.o.source))), ...d.flush()];
    } catch (err) {
      const e = new RtspError('not_found', err instanceof Error ? err.message : String(err));
      this.o.onProblem?.(e);
      for (const t of [...this.taps]) t.end(e);
      return;
    }
    // Each event's time: its own PTS, else that of the last picture before it.
    let last = 0;
    const timed = events.map((e) => {
      const pts = e.kind === 'video' ? (e.dts ?? e.pts) : e.pts;
      if (pts !== null) last = pts;
      return { e, pts: last };
    });
    const first = timed.find((x) => x.e.kind === 'video')?.pts ?? timed[0]?.pts ?? 0;
    const lastPts = timed.at(-1)?.pts ?? first;
    const loopMs = Math.max(40, ((lastPts - first) * 1000) / PES_CLOCK_HZ + 40);
    let i = 0;
    let loopStart = Date.now();
    const step = (): void => {
      if (this.stopped) return;
      const elapsed = Date.now() - loopStart;
      while (i < timed.length && ((timed[i]!.pts - first) * 1000) / PES_CLOCK_HZ <= elapsed) this.handle(timed[i++]!.e);
      if (i >= timed.length && elapsed >= loopMs) {
        i = 0;
        loopStart += loopMs;
      }
      this.timer = setTimeout(step, TICK_MS);
    };
    if (timed.length === 0) {
      this.o.onProblem?.(new RtspError('protocol', 'the file holds no MPEG-TS'));
      return;
    }
    step();
  }

  /**
   * MPEG-TS over UDP is read here, datagrams straight into the demuxer — no ffmpeg: the first
   * picture comes with the first datagrams (≈ 2 s later through an ffmpeg remux), and ffmpeg 5.1
   * holds back a live remux whose asynchronous KLV has no timestamps (nothing came out in 12 s).
   * `udp://host:port`: host 0.0.0.0 (or empty) listens on every interface; a multicast group
   * (224.0.0.0/4) is joined; another address listens on that interface.
   */
  private readUdp(): void {
    let url: URL;
    try {
      url = new URL(this.o.source);
      if (!url.port) throw new Error('no port');
    } catch (err) {
      this.o.onProblem?.(new RtspError('bad_url', err instanceof Error ? err.message : String(err)));
      return;
    }
    const host = url.hostname.replace(/^\[|\]$/g, '') || '0.0.0.0';
    const multicast = /^(22[4-9]|23\d)\./.test(host);
    const socket = dgram.createSocket({ type: host.includes(':') ? 'udp6' : 'udp4', reuseAddr: true });
    const demuxer = new TsDemuxer();
    socket.on('message', (m: Buffer) => {
      for (const e of demuxer.push(new Uint8Array(m.buffer, m.byteOffset, m.length))) this.handle(e);
    });
    socket.on('error', (e) => {
      this.o.onProblem?.(new RtspError('unreachable', e.message));
      socket.close();
      if (!this.stopped) this.timer = setTimeout(() => this.readUdp(), this.o.retryMs ?? 2000);
    });
    socket.bind(Number(url.port), multicast ? undefined : host, () => {
      // A keyframe arrives as a burst of datagrams: room for several, so none is dropped.
      try {
        socket.setRecvBufferSize(4 * 1024 * 1024);
      } catch {
        // the system's limit stands
      }
      if (multicast) socket.addMembership(host);
    });
    this.udp = socket;
  }

  private readRemux(): void {
    if (this.stopped) return;
    const demuxer = new TsDemuxer();
    let remux: TsRemux;
    try {
      remux = remuxToTs(this.o.source, this.o.ffmpeg ? { ffmpeg: this.o.ffmpeg } : {});
    } catch (err) {
      this.o.onProblem?.(err instanceof RtspError ? err : new RtspError('bad_url', String(err)));
      return;
    }
    this.remux = remux;
    remux.output.on('data', (chunk: Buffer) => {
      for (const e of demuxer.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length))) this.handle(e);
    });
    void remux.closed.then((e) => {
      if (this.stopped) return;
      const why = e ?? new RtspError('closed', 'the drone stream ended');
      this.o.onProblem?.(why);
      for (const t of [...this.taps]) t.end(why);
      this.remux = null;
      this.timer = setTimeout(() => this.readRemux(), this.o.retryMs ?? 2000);
    });
  }
}

/** A tile's view of the feed: starts on a keyframe, ends when the feed does. */
class DroneTap implements StreamClient {
  readonly closed: Promise<RtspError | null>;
  private settle!: (e: RtspError | null) => void;
  private started = false;
  private ended = false;
  private resolvePlay!: () => void;
  private readonly playing = new Promise<void>((r) => (this.resolvePlay = r));
  private skipped = 0;

  constructor(
    private readonly onUnit: (u: AccessUnit) => void,
    private readonly detach: () => void,
  ) {
    this.closed = new Promise((resolve) => (this.settle = resolve));
  }

  get stats(): { lostPackets: number; droppedUnits: number } {
    return { lostPackets: 0, droppedUnits: this.skipped };
  }

  play(): Promise<unknown> {
    return Promise.race([this.playing, this.closed.then((e) => Promise.reject(e ?? new RtspError('closed', 'closed')))]);
  }

  unit(u: AccessUnit): void {
    if (this.ended) return;
    if (!this.started) {
      if (!u.keyframe) {
        this.skipped++;
        return;
      }
      this.started = true;
      this.resolvePlay();
    }
    this.onUnit(u);
  }

  end(e: RtspError | null): void {
    if (this.ended) return;
    this.ended = true;
    this.detach();
    this.settle(e);
  }

  close(): void {
    this.end(null);
  }
}
