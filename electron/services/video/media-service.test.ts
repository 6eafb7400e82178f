// One camera stream shared by every tile that shows it, against Debian's GStreamer RTSP server.
// The camera catalogue lookup (the store) is a plain map here: this tests the streams, not SQLite.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeFrame, decodeRawFrame, i420Bytes, type MediaFrame, type MediaServerMessage, type RawFrame } from '../../shared/contract/media';
import { appRoot } from '../native/addon';
import { softwareDecoderFactory } from '../native/decoder';
import { rtspServerUnavailable, startRtspServer, type RtspServer } from '../../../test/support/rtsp-server';
import { MediaService, type MediaSink, type StreamSource } from './media-service';

const unavailable = rtspServerUnavailable();

/** A window's end of the channel: what it was sent, and how much it pretends not to have read yet. */
function window_(backlog = () => 0) {
  const messages: MediaServerMessage[] = [];
  const frames: MediaFrame[] = [];
  const raw: RawFrame[] = [];
  /** Both kinds in the order they were sent: "format 320x240", "key", "delta", "state live". */
  const order: string[] = [];
  const sink: MediaSink = {
    send: (m) => {
      messages.push(m);
      order.push(m.type === 'format' ? `format ${m.format.width}x${m.format.height}` : m.type);
    },
    sendFrame: (f) => {
      const frame = decodeFrame(f);
      if (frame) frames.push(frame);
      const picture = frame ? null : decodeRawFrame(f);
      if (picture) raw.push(picture);
      order.push(frame ? (frame.keyframe ? 'key' : 'delta') : 'raw');
    },
    buffered: backlog,
  };
  return { sink, messages, frames, raw, order };
}

async function until(what: string, check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const states = (w: ReturnType<typeof window_>) => w.messages.filter((m) => m.type === 'state').map((m) => (m.type === 'state' ? m.state : ''));

describe.skipIf(unavailable !== null)('media service', () => {
  let server: RtspServer;
  let service: MediaService;
  const lines: string[] = [];
  beforeAll(async () => {
    server = await startRtspServer();
    const cameras = new Map<string, StreamSource>([
      ['cam-1', { url: server.url('/h264'), username: null, password: null }],
      ['cam-265', { url: server.url('/h265'), username: null, password: null }],
      ['cam-resize', { url: server.url('/resize'), username: null, password: null }],
    ]);
    service = new MediaService({
      resolve: async (id) => cameras.get(id) ?? 'unknown_camera',
      log: pino({ level: 'debug' }, { write: (s: string) => lines.push(s) }),
      graceMs: 300,
      // The native module's real decoder (built at set-up); absent, the software-decoding test fails.
      softwareDecoder: softwareDecoderFactory(appRoot(), (why) => lines.push(why)) ?? undefined,
    });
  });
  afterAll(async () => {
    service?.close();
    await server?.stop();
  });

  it('pulls a camera once for every window, and a late window starts on a keyframe at once', async () => {
    const a = window_();
    const ca = service.connect(a.sink, 'a');
    ca.handle(JSON.stringify({ type: 'watch', slot: 1, cameraId: 'cam-1', quality: 'main' }));
    await until('pictures in window a', () => a.frames.length >= 30);
    expect(a.messages[0]).toMatchObject({ type: 'bound', slot: 1 });
    expect(states(a)).toContain('live');
    expect(a.frames[0]!.keyframe).toBe(true);
    const format = a.messages.find((m) => m.type === 'format');
    expect(format).toMatchObject({ format: { codec: 'h264', width: 320, height: 240 } });

    const b = window_();
    const cb = service.connect(b.sink, 'b');
    cb.handle(JSON.stringify({ type: 'watch', slot: 7, cameraId: 'cam-1', quality: 'main' }));
    await until('window b bound', () => b.frames.length > 0);
    // The pictures since the last keyframe arrive with the binding, before any new one.
    expect(b.frames[0]!.keyframe).toBe(true);
    expect(service.openStreams).toBe(1);
    // Both windows see the same pictures: the same stream time for the latest one.
    await until('more pictures', () => b.frames.length > 5);
    const last = b.frames.at(-1)!.timestampUs;
    expect(a.frames.some((f) => f.timestampUs === last)).toBe(true);
    // Pictures are whole Annex B access units.
    expect([...b.frames[0]!.data.subarray(0, 4)]).toEqual([0, 0, 0, 1]);

    // Two tiles in one window on the same camera share one binding (and one decoder there).
    cb.handle(JSON.stringify({ type: 'watch', slot: 8, cameraId: 'cam-1', quality: 'main' }));
    await until('second tile bound', () => b.messages.filter((m) => m.type === 'bound').length === 2);
    const bound = b.messages.filter((m) => m.type === 'bound');
    expect(bound[0]!.type === 'bound' && bound[1]!.type === 'bound' && bound[0]!.stream === bound[1]!.stream).toBe(true);

    // The stream closes a grace period after its last tile leaves, not before.
    ca.close();
    cb.handle(JSON.stringify({ type: 'unwatch', slot: 7 }));
    cb.handle(JSON.stringify({ type: 'unwatch', slot: 8 }));
    expect(service.openStreams).toBe(1);
    await until('stream closed after grace', () => service.openStreams === 0, 3000);
    cb.close();
  });

  it('a camera that changes resolution mid-stream: tiles are told the new format, on a keyframe', async () => {
    const w = window_();
    const c = service.connect(w.sink, 'w');
    c.handle(JSON.stringify({ type: 'watch', slot: 1, cameraId: 'cam-resize', quality: 'main' }));
    const sizes = () => w.messages.flatMap((m) => (m.type === 'format' ? [`${m.format.width}x${m.format.height}`] : []));
    await until('two resolution changes', () => sizes().length >= 3, 12_000);
    expect(sizes().slice(0, 3)).toEqual(['320x240', '480x272', '320x240']);
    // Each new format reaches the window just before the keyframe that starts its sequence.
    w.order.forEach((what, i) => {
      if (what.startsWith('format')) expect(w.order.slice(i + 1).find((o) => o === 'key' || o === 'delta')).toBe('key');
    });
    c.close();
    await until('stream closed', () => service.openStreams === 0, 3000);
  });

  it('decodes in main, once for every window, what a window cannot (H.265 here)', async () => {
    const a = window_();
    const b = window_();
    const ca = service.connect(a.sink, 'a');
    const cb = service.connect(b.sink, 'b');
    for (const c of [ca, cb]) c.handle(JSON.stringify({ type: 'watch', slot: 1, cameraId: 'cam-265', quality: 'main' }));
    await until('bound', () => [a, b].every((w) => w.messages.some((m) => m.type === 'bound')));
    for (const [w, c] of [[a, ca], [b, cb]] as const) {
      const bound = w.messages.find((m) => m.type === 'bound');
      c.handle(JSON.stringify({ type: 'decodeInMain', stream: bound?.type === 'bound' ? bound.stream : 0 }));
    }
    await until('decoded pictures in both windows', () => a.raw.length >= 10 && b.raw.length >= 10, 15_000);
    expect(a.messages.find((m) => m.type === 'decoding')).toMatchObject({ inMain: true, reason: null });
    expect(a.raw[0]).toMatchObject({ width: 320, height: 240 });
    expect(a.raw[0]!.data.length).toBe(i420Bytes(320, 240));
    // The same picture reached both windows (decoded once, fanned out): same stream time, same bytes.
    const shared = b.raw.find((p) => p.timestampUs === a.raw.at(-1)!.timestampUs) ?? a.raw.find((p) => p.timestampUs === b.raw.at(-1)!.timestampUs);
    expect(shared).toBeDefined();
    expect(lines.filter((l) => l.includes('software decoding started'))).toHaveLength(1);
    // Pictures move: the ball is not where it was.
    expect(Buffer.compare(Buffer.from(a.raw[0]!.data), Buffer.from(a.raw.at(-1)!.data))).not.toBe(0);
    ca.close();
    cb.close();
    await until('stream closed', () => service.openStreams === 0, 3000);
  });

  it('refuses what is not in the contract, and names cameras it does not know', async () => {
    const w = window_();
    const c = service.connect(w.sink, 'w');
    c.handle('{"type":"watch","slot":1,"cameraId":"cam-1","quality":"main","url":"rtsp://elsewhere/"}');
    c.handle('not json');
    c.handle(JSON.stringify({ type: 'watch', slot: 99999, cameraId: 'cam-1', quality: 'main' }));
    expect(w.messages.filter((m) => m.type === 'refused')).toHaveLength(3);
    c.handle(JSON.stringify({ type: 'watch', slot: 2, cameraId: 'no-such', quality: 'sub' }));
    await until('answer', () => w.messages.some((m) => m.type === 'state'));
    expect(w.messages.find((m) => m.type === 'state')).toMatchObject({ state: 'failed', reason: 'unknown_camera' });
    expect(service.openStreams).toBe(0);
    expect(lines.some((l) => l.includes('media message refused'))).toBe(true);
    c.close();
  });

  it('a window that cannot keep up skips to the next keyframe instead of falling behind', async () => {
    let backlog = 0;
    const w = window_(() => backlog);
    const c = service.connect(w.sink, 'slow');
    c.handle(JSON.stringify({ type: 'watch', slot: 1, cameraId: 'cam-1', quality: 'main' }));
    await until('pictures', () => w.frames.length >= 3);
    backlog = 64 * 1024 * 1024;
    const before = w.frames.length;
    await new Promise((r) => setTimeout(r, 600));
    // 15 pictures were produced meanwhile; none was queued behind the backlog.
    expect(w.frames.length).toBe(before);
    backlog = 0;
    await until('resumed', () => w.frames.length > before + 1, 5000);
    // It resumes on a keyframe: the first picture after the gap can be decoded on its own.
    expect(w.frames[before]!.keyframe).toBe(true);
    c.close();
  });

  it('reconnects when the camera comes back, telling every tile in the meantime', async () => {
    const restartable = await startRtspServer();
    const port = restartable.port;
    const local = new MediaService({
      resolve: async () => ({ url: restartable.url('/h264'), username: null, password: null }),
      log: pino({ level: 'silent' }),
      graceMs: 100,
    });
    const w = window_();
    const c = local.connect(w.sink, 'w');
    c.handle(JSON.stringify({ type: 'watch', slot: 1, cameraId: 'cam', quality: 'main' }));
    await until('live', () => w.frames.length > 5);
    await restartable.stop();
    await until('reconnecting', () => states(w).includes('reconnecting'));
    const problem = w.messages.filter((m) => m.type === 'state').at(-1);
    expect(problem).toMatchObject({ state: 'reconnecting' });
    expect(problem?.type === 'state' && ['closed', 'unreachable', 'no_data'].includes(problem.reason ?? '')).toBe(true);
    const again = await startRtspServer({ port });
    try {
      const seen = w.frames.length;
      await until('live again', () => w.frames.length > seen + 5, 20_000);
      expect(states(w).at(-1)).toBe('live');
      expect(w.frames[seen]!.keyframe).toBe(true);
    } finally {
      c.close();
      local.close();
      await again.stop();
    }
  });
});
