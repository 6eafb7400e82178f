// Main's side of the media channel: each window connection names cameras by id for its tiles;
// this resolves them to streams (addresses and credentials stay here), shares one CameraStream
// per camera stream across all connections, and sends each connection every picture once, with
// its own backpressure so one slow window never holds up the others.
import type { Logger } from '../log/logger';
import { encodeFrame, encodeRawFrame, MediaClientMessage, type MediaServerMessage, type StreamQuality, type StreamStats } from '../../shared/contract/media';
import type { StreamFormat } from '../../shared/video/stream-format';
import { CameraStream, type CameraStreamOptions, type Picture, type StreamStatus, type StreamViewer } from './camera-stream';
import type { RtspError } from './rtsp-error';
import { DecodePipe, type DecodedViewer, type SoftwareDecoderFactory } from './decode-pipe';

export type StreamSource = {
  url: string;
  codec?: 'h264' | 'h265' | 'unknown';
  username: string | null;
  password: string | null;
  /** A source main already reads (a drone's feed, services/drones): taps it instead of opening `url`. */
  open?: CameraStreamOptions['open'];
};

export interface MediaServiceOptions {
  /** The address of one camera stream, or null when the catalogue has none. */
  resolve(cameraId: string, quality: StreamQuality): Promise<StreamSource | 'unknown_camera' | 'no_stream_url' | 'credentials_locked'>;
  log: Logger;
  graceMs?: number;
  stallTimeoutMs?: number;
  /** Software decoding for windows that lack a codec; absent when the native decoder is not built. */
  softwareDecoder?: SoftwareDecoderFactory;
  /** Whether anyone is signed in at the workstation: nobody may watch a camera before (absent: always). */
  mayWatch?: () => boolean;
}

/** What a transport (binary WebSocket, Electron MessagePort) gives the service. */
export interface MediaSink {
  send(message: MediaServerMessage): void;
  sendFrame(frame: Uint8Array): void;
  /** Bytes queued and not yet taken by the window. */
  buffered(): number;
}

/** Above this much unsent video a connection skips to the next keyframe rather than fall behind. */
const HIGH_WATER_BYTES = 4 * 1024 * 1024;
const LOW_WATER_BYTES = 512 * 1024;

export class MediaService {
  private readonly streams = new Map<string, CameraStream>();
  private readonly connections = new Set<MediaConnection>();
  private readonly pipes = new Map<string, DecodePipe>();

  constructor(readonly o: MediaServiceOptions) {}

  connect(sink: MediaSink, label: string): MediaConnection {
    const c = new MediaConnection(this, sink, label);
    this.connections.add(c);
    return c;
  }

  /** The shared stream for a key, started on first use. */
  stream(key: string, source: StreamSource): CameraStream {
    let s = this.streams.get(key);
    if (!s) {
      const log = this.o.log.child({ camera: key });
      s = new CameraStream({
        url: source.url,
        ...(source.codec ? { codec: source.codec } : {}),
        ...(source.open ? { open: source.open } : {}),
        ...(source.username !== null ? { credentials: { username: source.username, password: source.password ?? '' } } : {}),
        ...(this.o.graceMs !== undefined ? { graceMs: this.o.graceMs } : {}),
        ...(this.o.stallTimeoutMs !== undefined ? { stallTimeoutMs: this.o.stallTimeoutMs } : {}),
        onIdle: () => {
          if (this.streams.get(key) === s) this.streams.delete(key);
          log.info('camera stream closed: no viewers');
        },
        onProblem: (e: RtspError) => log.warn({ reason: e.reason, detail: e.message }, 'camera stream problem'),
      });
      this.streams.set(key, s);
      log.info('camera stream opened');
    }
    return s;
  }

  /** The shared software-decoding pipe of a stream, or null when this build cannot decode in main. */
  decodePipe(key: string, stream: CameraStream): DecodePipe | null {
    const factory = this.o.softwareDecoder;
    if (!factory) return null;
    let pipe = this.pipes.get(key);
    if (!pipe) {
      const log = this.o.log.child({ camera: key });
      pipe = new DecodePipe(factory, (message) => log.warn(message));
      this.pipes.set(key, pipe);
      stream.add(pipe);
      log.info('software decoding started');
    }
    return pipe;
  }

  /** A decoded-picture viewer leaves; the pipe goes with its last one. */
  leavePipe(key: string, stream: CameraStream, viewer: DecodedViewer): void {
    const pipe = this.pipes.get(key);
    if (!pipe) return;
    pipe.remove(viewer);
    if (pipe.viewerCount > 0) return;
    this.pipes.delete(key);
    stream.remove(pipe);
    pipe.close();
  }

  dropConnection(c: MediaConnection): void {
    this.connections.delete(c);
  }

  get openStreams(): number {
    return this.streams.size;
  }

  /** Each open stream's state and meters, keyed `<camera id>:<quality>` (never its address). */
  health(): Array<{ id: string; quality: string; state: string; viewers: number; stats: StreamStats | null }> {
    return [...this.streams].map(([key, s]) => {
      const at = key.lastIndexOf(':');
      return { id: key.slice(0, at), quality: key.slice(at + 1), state: s.state, viewers: s.viewerCount, stats: s.lastStats };
    });
  }

  close(): void {
    for (const c of [...this.connections]) c.close();
    for (const p of this.pipes.values()) p.close();
    this.pipes.clear();
    for (const s of [...this.streams.values()]) s.stop();
    this.streams.clear();
  }
}

type Binding = { key: string; stream: CameraStream; id: number; viewer: StreamViewer; slots: Set<number>; decoded: DecodedViewer | null };

export class MediaConnection {
  private readonly bySlot = new Map<number, Binding>();
  private readonly byKey = new Map<string, Binding>();
  private nextId = 1;
  private closed = false;
  /** Generation per slot: a watch superseded before it resolved must not bind. */
  private readonly generation = new Map<number, number>();

  constructor(
    private readonly service: MediaService,
    private readonly sink: MediaSink,
    private readonly label: string,
  ) {}

  /** One text message from the window. Anything not in the contract is refused and logged. */
  handle(text: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const m = MediaClientMessage.safeParse(parsed);
    if (!m.success) {
      this.service.o.log.warn({ from: this.label, issue: m.error.issues[0]?.message }, 'media message refused');
      const slot = typeof (parsed as { slot?: unknown } | undefined)?.slot === 'number' ? (parsed as { slot: number }).slot : 0;
      this.sink.send({ type: 'refused', slot: Math.max(0, Math.min(4095, Math.trunc(slot) || 0)), reason: 'invalid media message' });
      return;
    }
    if (m.data.type === 'unwatch') this.unbind(m.data.slot);
    else if (m.data.type === 'decodeInMain') this.decodeInMain(m.data.stream);
    else if (this.service.o.mayWatch && !this.service.o.mayWatch()) {
      this.service.o.log.warn({ from: this.label, cameraId: m.data.cameraId }, 'camera refused: nobody signed in');
      this.sink.send({ type: 'refused', slot: m.data.slot, reason: 'signed-out' });
    } else void this.watch(m.data.slot, m.data.cameraId, m.data.quality);
  }

  private async watch(slot: number, cameraId: string, quality: StreamQuality): Promise<void> {
    this.unbind(slot);
    const generation = (this.generation.get(slot) ?? 0) + 1;
    this.generation.set(slot, generation);
    const key = `${cameraId}:${quality}`;
    let source: Awaited<ReturnType<MediaServiceOptions['resolve']>>;
    try {
      source = await this.service.o.resolve(cameraId, quality);
    } catch (err) {
      this.service.o.log.error({ err, cameraId }, 'camera lookup failed');
      source = 'unknown_camera';
    }
    if (this.closed || this.generation.get(slot) !== generation) return;
    let binding = this.byKey.get(key);
    if (!binding) {
      const id = this.nextId++;
      if (typeof source === 'string') {
        // Nothing to connect to: tell the tile, keep no stream.
        this.sink.send({ type: 'bound', slot, stream: id });
        this.sink.send({ type: 'state', stream: id, state: 'failed', reason: source, detail: null, retryInMs: null });
        return;
      }
      binding = { key, id, stream: this.service.stream(key, source), viewer: this.viewer(id), slots: new Set(), decoded: null };
      this.byKey.set(key, binding);
      binding.slots.add(slot);
      this.bySlot.set(slot, binding);
      this.sink.send({ type: 'bound', slot, stream: id });
      binding.stream.add(binding.viewer);
      return;
    }
    binding.slots.add(slot);
    this.bySlot.set(slot, binding);
    // A second tile on the same stream in this window shares the first one's decoder there.
    this.sink.send({ type: 'bound', slot, stream: binding.id });
  }

  /** The window cannot decode this stream: switch it from coded pictures to pictures decoded here. */
  private decodeInMain(id: number): void {
    const binding = [...this.byKey.values()].find((b) => b.id === id);
    if (!binding || binding.decoded) return;
    const pipe = this.service.decodePipe(binding.key, binding.stream);
    if (!pipe) {
      this.sink.send({ type: 'decoding', stream: id, inMain: false, reason: 'this build has no software decoder' });
      return;
    }
    binding.stream.remove(binding.viewer);
    binding.decoded = this.decodedViewer(id);
    this.sink.send({ type: 'decoding', stream: id, inMain: true, reason: null });
    pipe.add(binding.decoded);
  }

  /** What every viewer of stream `id` forwards to this window besides pictures. */
  private forward(id: number): Pick<StreamViewer, 'status' | 'format' | 'stats'> {
    return {
      status: (s: StreamStatus) => this.sink.send({ type: 'state', stream: id, ...s }),
      format: (f: StreamFormat) => this.sink.send({ type: 'format', stream: id, format: f }),
      stats: (stats) => this.sink.send({ type: 'stats', stream: id, stats }),
    };
  }

  private decodedViewer(id: number): DecodedViewer {
    return {
      ...this.forward(id),
      decoded: (p) => {
        // Decoded pictures stand alone: a window that falls behind simply misses some.
        if (this.sink.buffered() > HIGH_WATER_BYTES) return;
        this.sink.sendFrame(encodeRawFrame({ stream: id, timestampUs: p.timestampUs, receivedAtMs: p.receivedAtMs, width: p.width, height: p.height, data: p.data }));
      },
    };
  }

  private viewer(id: number): StreamViewer {
    let skipping = false;
    return {
      ...this.forward(id),
      picture: (p: Picture) => {
        const queued = this.sink.buffered();
        if (skipping && p.keyframe && queued < LOW_WATER_BYTES) skipping = false;
        else if (!skipping && queued > HIGH_WATER_BYTES) skipping = true;
        if (skipping) return;
        this.sink.sendFrame(encodeFrame({ stream: id, keyframe: p.keyframe, timestampUs: p.timestampUs, receivedAtMs: p.receivedAtMs, data: p.data }));
      },
    };
  }

  private unbind(slot: number): void {
    this.generation.set(slot, (this.generation.get(slot) ?? 0) + 1);
    const binding = this.bySlot.get(slot);
    if (!binding) return;
    this.bySlot.delete(slot);
    binding.slots.delete(slot);
    if (binding.slots.size > 0) return;
    this.byKey.delete(binding.key);
    if (binding.decoded) this.service.leavePipe(binding.key, binding.stream, binding.decoded);
    else binding.stream.remove(binding.viewer);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const slot of [...this.bySlot.keys()]) this.unbind(slot);
    this.service.dropConnection(this);
  }
}
