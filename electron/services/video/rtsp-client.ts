// One RTSP 1.0 connection to one camera stream: RTP over the RTSP connection (TCP interleaved),
// Digest or Basic authentication, keep-alive within the session's time-out, redirects, and a
// watchdog for cameras that accept the connection and then send nothing. No process per camera:
// the socket is read in main and the pictures go out as access units, never re-encoded.
import { createHash, randomBytes } from 'node:crypto';
import net from 'node:net';
import { type AccessUnit } from '../../shared/video/access-unit';
import { latin1 } from '../../shared/video/bytes';
import { Depacketizer, type DepacketizerStats } from '../../shared/video/depacketizer';
import { parseRtp } from '../../shared/video/rtp';
import { authorization, parseChallenges, type Challenge, type Credentials } from '../../shared/video/rtsp-auth';
import { formatRequest, header, RtspProtocolError, RtspReader, type RtspResponse } from '../../shared/video/rtsp-message';
import { parseRtspUrl, RtspUrlError } from '../../shared/video/rtsp-url';
import { parseSdp, SdpError, type SdpVideoTrack, type VideoCodec } from '../../shared/video/sdp';
import { RtspError } from './rtsp-error';
import type { StreamClient } from './stream-client';

export interface RtspClientOptions {
  url: string;
  /** Overrides credentials written into the URL. */
  credentials?: Credentials;
  connectTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** No RTP for this long after PLAY: the camera is treated as gone. */
  stallTimeoutMs?: number;
  onUnit(unit: AccessUnit): void;
}

export interface Playing {
  codec: VideoCodec;
  /** The URL finally played, after redirects, without credentials. */
  url: string;
  sdpParameterSets: readonly Uint8Array[];
}

const USER_AGENT = 'Vigil';
const MAX_REDIRECTS = 3;

type Pending = { resolve(r: RtspResponse): void; reject(e: Error): void; timer: NodeJS.Timeout };

export class RtspClient implements StreamClient {
  /** Settles once, when the connection ends: null after close(), the failure otherwise. */
  readonly closed: Promise<RtspError | null>;
  private settle!: (e: RtspError | null) => void;
  private socket: net.Socket | null = null;
  private reader = new RtspReader();
  private readonly pending = new Map<number, Pending>();
  private cseq = 0;
  private session: string | null = null;
  private challenge: Challenge | null = null;
  private nonceCount = 0;
  private readonly credentials: Credentials | undefined;
  private url: string;
  private host: string;
  private port: number;
  private depacketizer: Depacketizer | null = null;
  private rtpChannel = 0;
  private payloadType = -1;
  private keepAlive: NodeJS.Timeout | null = null;
  private stall: NodeJS.Timeout | null = null;
  private lastData = 0;
  private ended = false;
  private failure: RtspError | null = null;
  private publicMethods = new Set<string>();
  /** Bytes of RTP received, for the bitrate a viewer can ask for. */
  bytesReceived = 0;

  constructor(private readonly o: RtspClientOptions) {
    this.closed = new Promise((resolve) => (this.settle = resolve));
    let parsed;
    try {
      parsed = parseRtspUrl(o.url);
    } catch (err) {
      throw new RtspError('bad_url', err instanceof RtspUrlError ? err.message : String(err));
    }
    this.url = parsed.url;
    this.host = parsed.host;
    this.port = parsed.port;
    this.credentials = o.credentials ?? (parsed.username !== undefined ? { username: parsed.username, password: parsed.password ?? '' } : undefined);
  }

  get stats(): DepacketizerStats | null {
    return this.depacketizer?.stats ?? null;
  }

  /** Connects, negotiates and starts the stream. Rejects with an RtspError saying why not. */
  async play(): Promise<Playing> {
    try {
      for (let redirects = 0; ; redirects++) {
        await this.connect();
        await this.request('OPTIONS', this.url).then((r) => this.notePublic(r), () => undefined);
        const described = await this.request('DESCRIBE', this.url, [['Accept', 'application/sdp']]);
        if (described.status >= 300 && described.status < 400) {
          const location = header(described.headers, 'location');
          if (!location || redirects >= MAX_REDIRECTS) throw new RtspError('server_error', `redirected ${redirects + 1} times or without a Location`);
          this.moveTo(location);
          continue;
        }
        this.expectOk(described, 'DESCRIBE');
        const base = header(described.headers, 'content-base') ?? header(described.headers, 'content-location') ?? this.url;
        const track = this.chooseTrack(latin1(described.body), base);
        await this.setup(track);
        // PLAY goes to the aggregate (session) URL, which is the SDP's base.
        this.expectOk(await this.request('PLAY', base, [['Range', 'npt=0.000-']]), 'PLAY');
        this.lastData = Date.now();
        this.armStallWatch();
        return { codec: track.codec as VideoCodec, url: this.url, sdpParameterSets: track.parameterSets };
      }
    } catch (err) {
      // The first failure is the reason; what broke after it (a request on a closed socket) is not.
      const e = this.failure ?? asRtspError(err);
      this.finish(e);
      throw e;
    }
  }

  /** Ends the session politely (TEARDOWN, best effort) and the connection. */
  close(): void {
    if (this.ended) return;
    if (this.session && this.socket?.writable) {
      try {
        this.send('TEARDOWN', this.url, []);
      } catch {
        // The connection is going away either way.
      }
    }
    this.finish(null);
  }

  private moveTo(location: string): void {
    const next = parseRtspUrl(location);
    this.url = next.url;
    this.host = next.host;
    this.port = next.port;
    this.socket?.destroy();
    this.socket = null;
    this.reader = new RtspReader();
    this.session = null;
  }

  private connect(): Promise<void> {
    const timeout = this.o.connectTimeoutMs ?? 5000;
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: this.host, port: this.port, noDelay: true });
      this.socket = socket;
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new RtspError('unreachable', `no answer from ${this.host}:${this.port} within ${timeout} ms`));
      }, timeout);
      socket.once('connect', () => {
        clearTimeout(timer);
        resolve();
      });
      socket.once('error', (err: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        const e = new RtspError(err.code === 'ECONNRESET' || err.code === 'EPIPE' ? 'closed' : 'unreachable', `${this.host}:${this.port}: ${err.code ?? err.message}`);
        reject(e);
        this.finish(e);
      });
      socket.on('data', (chunk: Buffer) => this.onData(socket, chunk));
      socket.on('close', () => {
        if (socket === this.socket) this.finish(new RtspError('closed', 'the camera closed the connection'));
      });
    });
  }

  private onData(socket: net.Socket, chunk: Buffer): void {
    if (socket !== this.socket || this.ended) return;
    let messages;
    try {
      messages = this.reader.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length));
    } catch (err) {
      this.finish(new RtspError('protocol', err instanceof Error ? err.message : String(err)));
      return;
    }
    for (const m of messages) {
      if (m.kind === 'interleaved') {
        if (m.channel === this.rtpChannel) this.onRtp(m.payload);
      } else if (m.kind === 'response') {
        const cseq = Number(header(m.headers, 'cseq'));
        const waiting = this.pending.get(cseq);
        if (!waiting) continue; // an answer to a keep-alive we no longer wait for
        this.pending.delete(cseq);
        clearTimeout(waiting.timer);
        waiting.resolve(m);
      } else {
        // Cameras occasionally ask us things (GET_PARAMETER as their own keep-alive): answer so they stay.
        const ok = m.method === 'GET_PARAMETER' || m.method === 'OPTIONS' || m.method === 'SET_PARAMETER';
        socket.write(`RTSP/1.0 ${ok ? '200 OK' : '501 Not Implemented'}\r\nCSeq: ${header(m.headers, 'cseq') ?? '0'}\r\n\r\n`);
      }
      if (this.ended) return;
    }
  }

  private onRtp(payload: Uint8Array): void {
    const packet = parseRtp(payload);
    this.lastData = Date.now();
    this.bytesReceived += payload.length;
    if (!packet || packet.payloadType !== this.payloadType || !this.depacketizer) return;
    for (const unit of this.depacketizer.push(packet)) this.o.onUnit(unit);
  }

  private chooseTrack(sdpText: string, base: string): SdpVideoTrack {
    let sdp;
    try {
      sdp = parseSdp(sdpText, base);
    } catch (err) {
      throw new RtspError('protocol', err instanceof SdpError ? `session description: ${err.message}` : String(err));
    }
    const playable = sdp.video.find((t) => t.codec === 'h264' || t.codec === 'h265');
    if (!playable) {
      const offered = sdp.video.map((t) => (typeof t.codec === 'string' ? t.codec : t.codec.unsupported));
      throw new RtspError('unsupported_codec', offered.length > 0 ? `video is ${offered.join(', ')}` : 'the stream has no video');
    }
    return playable;
  }

  private async setup(track: SdpVideoTrack): Promise<void> {
    const r = await this.request('SETUP', track.control, [['Transport', 'RTP/AVP/TCP;unicast;interleaved=0-1']]);
    if (r.status === 461) throw new RtspError('server_error', 'the camera refuses RTP over TCP (461 Unsupported Transport)');
    this.expectOk(r, 'SETUP');
    const sessionHeader = header(r.headers, 'session');
    if (!sessionHeader) throw new RtspError('protocol', 'SETUP answer has no Session');
    const [id = '', ...params] = sessionHeader.split(';').map((s) => s.trim());
    this.session = id;
    const timeoutParam = params.find((p) => p.toLowerCase().startsWith('timeout='));
    const timeoutS = timeoutParam ? Number(timeoutParam.split('=')[1]) : 60;
    const transport = header(r.headers, 'transport') ?? '';
    const channels = /interleaved=(\d+)/i.exec(transport);
    this.rtpChannel = channels ? Number(channels[1]) : 0;
    this.payloadType = track.payloadType;
    this.depacketizer = new Depacketizer(track.codec as VideoCodec, track.parameterSets);
    // Half the session time-out, so one lost keep-alive still leaves time for the next.
    const every = Math.max(5, (Number.isFinite(timeoutS) && timeoutS > 0 ? timeoutS : 60) / 2) * 1000;
    this.keepAlive = setInterval(() => {
      const method = this.publicMethods.has('GET_PARAMETER') ? 'GET_PARAMETER' : 'OPTIONS';
      this.request(method, this.url).catch(() => undefined);
    }, every);
  }

  private notePublic(r: RtspResponse): void {
    for (const m of (header(r.headers, 'public') ?? '').split(',')) this.publicMethods.add(m.trim().toUpperCase());
  }

  private expectOk(r: RtspResponse, what: string): void {
    if (r.status === 200) return;
    if (r.status === 401) throw new RtspError('auth', this.credentials ? 'the camera refused the user name or password' : 'the camera needs a user name and password');
    if (r.status === 403) throw new RtspError('auth', `${what}: 403 ${r.reason}`);
    if (r.status === 404) throw new RtspError('not_found', `no stream at ${this.url}`);
    throw new RtspError('server_error', `${what}: ${r.status} ${r.reason}`);
  }

  /** Sends a request and waits for its answer; answers one authentication challenge per request. */
  private async request(method: string, uri: string, headers: Array<[string, string]> = []): Promise<RtspResponse> {
    let r = await this.exchange(method, uri, headers);
    if (r.status === 401 && this.credentials) {
      const offered = parseChallenges(r.headers.get('www-authenticate') ?? []);
      const best = offered[0];
      const retry = best && (this.challenge === null || best.scheme === 'digest' && (best.stale || best.nonce !== (this.challenge.scheme === 'digest' ? this.challenge.nonce : '')));
      if (retry) {
        this.challenge = best;
        this.nonceCount = 0;
        r = await this.exchange(method, uri, headers);
      }
    }
    return r;
  }

  private exchange(method: string, uri: string, headers: Array<[string, string]>): Promise<RtspResponse> {
    const timeout = this.o.requestTimeoutMs ?? 5000;
    const cseq = this.send(method, uri, headers);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(cseq);
        reject(new RtspError('no_data', `${method} had no answer within ${timeout} ms`));
      }, timeout);
      this.pending.set(cseq, { resolve, reject, timer });
    });
  }

  private send(method: string, uri: string, extra: Array<[string, string]>): number {
    const socket = this.socket;
    if (!socket || this.ended) throw new RtspError('closed', 'not connected');
    const cseq = ++this.cseq;
    const headers: Array<[string, string]> = [['CSeq', String(cseq)], ['User-Agent', USER_AGENT], ...extra];
    if (this.session) headers.push(['Session', this.session]);
    if (this.challenge && this.credentials) {
      headers.push(['Authorization', authorization(this.challenge, this.credentials, { method, uri }, { md5, cnonce: randomBytes(8).toString('hex'), nc: ++this.nonceCount })]);
    }
    socket.write(formatRequest(method, uri, headers));
    return cseq;
  }

  private armStallWatch(): void {
    const limit = this.o.stallTimeoutMs ?? 5000;
    this.stall = setInterval(() => {
      if (Date.now() - this.lastData > limit) this.finish(new RtspError('no_data', `no video for ${Math.round(limit / 1000)} s`));
    }, Math.min(1000, limit / 2));
  }

  private finish(e: RtspError | null): void {
    if (this.ended) return;
    this.ended = true;
    this.failure = e;
    if (this.keepAlive) clearInterval(this.keepAlive);
    if (this.stall) clearInterval(this.stall);
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(e ?? new RtspError('closed', 'closed'));
    }
    this.pending.clear();
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.removeAllListeners('data');
      socket.on('error', () => undefined);
      socket.end();
      setTimeout(() => socket.destroy(), 200).unref();
    }
    this.settle(e);
  }
}

function md5(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}

function asRtspError(err: unknown): RtspError {
  if (err instanceof RtspError) return err;
  if (err instanceof RtspProtocolError) return new RtspError('protocol', err.message);
  return new RtspError('protocol', err instanceof Error ? err.message : String(err));
}
