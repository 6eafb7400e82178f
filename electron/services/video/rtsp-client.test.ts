// The RTSP client against a real camera stand-in: Debian's GStreamer RTSP server (H.264, H.265,
// Digest and Basic). Misbehaving cameras that GStreamer cannot imitate (garbage replies, silence,
// an unknown codec) are small loopback TCP servers written here, and say so.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessUnit } from '../../shared/video/access-unit';
import { parseH264Sps } from '../../shared/video/h264-sps';
import { parseH265Sps } from '../../shared/video/h265-sps';
import { RTSP_PASSWORD, RTSP_USER, rtspServerUnavailable, startRtspServer, type RtspServer } from '../../../test/support/rtsp-server';
import { RtspClient } from './rtsp-client';
import { RtspError } from './rtsp-error';

const unavailable = rtspServerUnavailable();

async function collect(url: string, count: number, credentials?: { username: string; password: string }): Promise<{ units: AccessUnit[]; codec: string }> {
  const units: AccessUnit[] = [];
  let done!: () => void;
  const enough = new Promise<void>((r) => (done = r));
  const client = new RtspClient({ url, ...(credentials ? { credentials } : {}), onUnit: (u) => units.push(u) === count && done() });
  try {
    const playing = await client.play();
    await Promise.race([enough, client.closed.then((e) => Promise.reject(e ?? new Error('closed early')))]);
    return { units, codec: playing.codec };
  } finally {
    client.close();
  }
}

async function failure(url: string, opts: Partial<ConstructorParameters<typeof RtspClient>[0]> = {}): Promise<RtspError> {
  const client = new RtspClient({ url, onUnit: () => undefined, requestTimeoutMs: 1500, connectTimeoutMs: 1500, ...opts });
  const e = await client.play().then(
    () => client.closed,
    (err: unknown) => err,
  );
  client.close();
  if (!(e instanceof RtspError)) throw new Error(`expected an RtspError, got ${String(e)}`);
  return e;
}

describe.skipIf(unavailable !== null)('RTSP client against the GStreamer RTSP server', () => {
  let open: RtspServer;
  let digest: RtspServer;
  let basic: RtspServer;
  beforeAll(async () => {
    [open, digest, basic] = await Promise.all([startRtspServer(), startRtspServer({ auth: 'digest' }), startRtspServer({ auth: 'basic' })]);
  });
  afterAll(async () => {
    await Promise.all([open?.stop(), digest?.stop(), basic?.stop()]);
  });

  it('plays H.264: starts on a keyframe with its parameter sets, 320×240, timestamps rising', async () => {
    const { units, codec } = await collect(open.url('/h264'), 30);
    expect(codec).toBe('h264');
    expect(units[0]!.keyframe).toBe(true);
    const sps = units[0]!.nalus.find((n) => (n[0]! & 0x1f) === 7);
    expect(sps).toBeDefined();
    const format = parseH264Sps(sps!);
    expect([format.width, format.height]).toEqual([320, 240]);
    expect(format.codecString).toMatch(/^avc1\.42[0-9A-F]{4}$/);
    for (let i = 1; i < units.length; i++) expect(units[i]!.timestamp).toBeGreaterThan(units[i - 1]!.timestamp);
    // 25 fps at 90 kHz: 3 600 ticks a picture.
    expect(units[5]!.timestamp - units[4]!.timestamp).toBe(3600);
    expect(units.filter((u) => u.keyframe).length).toBeGreaterThanOrEqual(1);
  });

  it('plays H.265 with VPS, SPS and PPS on the keyframe', async () => {
    const { units, codec } = await collect(open.url('/h265'), 10);
    expect(codec).toBe('h265');
    const types = units[0]!.nalus.map((n) => (n[0]! >> 1) & 0x3f);
    expect(types.slice(0, 3)).toEqual([32, 33, 34]);
    const format = parseH265Sps(units[0]!.nalus[1]!);
    expect([format.width, format.height]).toEqual([320, 240]);
    expect(format.codecString).toMatch(/^hev1\.1\.6\.L\d+/);
  });

  it('answers a Digest challenge with the right password, from the URL or given apart', async () => {
    expect((await collect(digest.url('/h264', { user: RTSP_USER, password: RTSP_PASSWORD }), 3)).units.length).toBe(3);
    expect((await collect(digest.url('/h264'), 3, { username: RTSP_USER, password: RTSP_PASSWORD })).units.length).toBe(3);
  });

  it('says the password is wrong, or missing', async () => {
    const wrong = await failure(digest.url('/h264', { user: RTSP_USER, password: 'wrong' }));
    expect(wrong.reason).toBe('auth');
    expect(wrong.message).toMatch(/refused the user name or password/);
    const missing = await failure(digest.url('/h264'));
    expect(missing.reason).toBe('auth');
    expect(missing.message).toMatch(/needs a user name and password/);
  });

  it('uses Basic where that is all the camera offers', async () => {
    expect((await collect(basic.url('/h264', { user: RTSP_USER, password: RTSP_PASSWORD }), 3)).units.length).toBe(3);
    expect((await failure(basic.url('/h264', { user: RTSP_USER, password: 'nope' }))).reason).toBe('auth');
  });

  it('follows a redirect to where the stream really is (a loopback redirector in front of the real server)', async () => {
    await withFakeCamera(
      (socket) => answerRequests(socket, (method, cseq) =>
        method === 'DESCRIBE'
          ? `RTSP/1.0 302 Moved Temporarily\r\nCSeq: ${cseq}\r\nLocation: ${open.url('/h264')}\r\n\r\n`
          : `RTSP/1.0 200 OK\r\nCSeq: ${cseq}\r\nPublic: OPTIONS, DESCRIBE\r\n\r\n`),
      async (url) => {
        const { units, codec } = await collect(url, 5);
        expect(codec).toBe('h264');
        expect(units[0]!.keyframe).toBe(true);
      },
    );
  });

  it('says a stream does not exist, and that nothing answers at an address', async () => {
    expect((await failure(open.url('/no-such-stream'))).reason).toBe('not_found');
    const port = await freePort();
    expect((await failure(`rtsp://127.0.0.1:${port}/h264`)).reason).toBe('unreachable');
  });
});

describe('RTSP client against cameras that misbehave (loopback stand-ins: GStreamer cannot be made to)', () => {
  it('a reply that is not RTSP is a protocol error, not a crash or a hang', async () => {
    await withFakeCamera(
      (socket) => socket.write('HTTP/1.1 400 Bad Request\r\n\r\n\x00\x01garbage'),
      async (url) => expect((await failure(url)).reason).toBe('protocol'),
    );
  });

  it('a camera that accepts the connection and says nothing is reported as silent', async () => {
    await withFakeCamera(
      () => undefined,
      async (url) => {
        const e = await failure(url);
        expect(e.reason).toBe('no_data');
        expect(e.message).toMatch(/no answer within/);
      },
    );
  });

  it('MJPEG-only cameras are named as an unsupported codec', async () => {
    const sdp = 'v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=cam\r\nt=0 0\r\nm=video 0 RTP/AVP 26\r\na=rtpmap:26 JPEG/90000\r\na=control:track1\r\n';
    await withFakeCamera(
      (socket) => answerRequests(socket, (method, cseq) =>
        method === 'DESCRIBE'
          ? `RTSP/1.0 200 OK\r\nCSeq: ${cseq}\r\nContent-Type: application/sdp\r\nContent-Length: ${sdp.length}\r\n\r\n${sdp}`
          : `RTSP/1.0 200 OK\r\nCSeq: ${cseq}\r\nPublic: OPTIONS, DESCRIBE\r\n\r\n`),
      async (url) => {
        const e = await failure(url);
        expect(e.reason).toBe('unsupported_codec');
        expect(e.message).toMatch(/JPEG/);
      },
    );
  });

  it('a camera that plays, then sends no pictures, is caught by the watchdog', async () => {
    const sdp = 'v=0\r\ns=cam\r\nm=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\na=control:track1\r\n';
    await withFakeCamera(
      (socket) => answerRequests(socket, (method, cseq) =>
        method === 'DESCRIBE'
          ? `RTSP/1.0 200 OK\r\nCSeq: ${cseq}\r\nContent-Length: ${sdp.length}\r\n\r\n${sdp}`
          : method === 'SETUP'
            ? `RTSP/1.0 200 OK\r\nCSeq: ${cseq}\r\nSession: 1234;timeout=60\r\nTransport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n\r\n`
            : `RTSP/1.0 200 OK\r\nCSeq: ${cseq}\r\n\r\n`),
      async (url) => {
        const client = new RtspClient({ url, onUnit: () => undefined, stallTimeoutMs: 600 });
        await client.play();
        const e = await client.closed;
        expect(e?.reason).toBe('no_data');
      },
    );
  });
});

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

async function withFakeCamera(onConnection: (socket: net.Socket) => void, body: (url: string) => Promise<void>): Promise<void> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    onConnection(socket);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    await body(`rtsp://127.0.0.1:${(server.address() as net.AddressInfo).port}/cam`);
  } finally {
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => server.close(() => r()));
  }
}

function answerRequests(socket: net.Socket, answer: (method: string, cseq: string) => string): void {
  let text = '';
  socket.on('data', (d) => {
    text += String(d);
    for (;;) {
      const end = text.indexOf('\r\n\r\n');
      if (end === -1) return;
      const head = text.slice(0, end);
      text = text.slice(end + 4);
      const cseq = /CSeq: (\d+)/i.exec(head)?.[1] ?? '0';
      socket.write(answer(head.split(' ')[0]!, cseq));
    }
  });
}
