import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { latin1, utf8 } from './bytes';
import { MAX_BODY_BYTES, MAX_HEAD_BYTES, RtspProtocolError, RtspReader, formatRequest, header, type RtspIncoming } from './rtsp-message';

const ascii = (text: string) => utf8(text);

/** A response as a camera might write it, with its line ending style, and what the reader should make of it. */
type Case = { wire: Uint8Array; expected: object };

const token = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,15}$/);
const value = fc.stringMatching(/^[\x21-\x7e]([\x20-\x7e]{0,30}[\x21-\x7e])?$/);

const response: fc.Arbitrary<Case> = fc
  .record({
    status: fc.integer({ min: 100, max: 599 }),
    reason: fc.constantFrom('OK', 'Unauthorized', 'Not Found', 'Session Not Found'),
    headers: fc.array(fc.tuple(token, value), { maxLength: 6 }),
    challenges: fc.array(value, { maxLength: 3 }),
    folded: fc.option(fc.tuple(token, value, value), { nil: undefined }),
    body: fc.option(fc.uint8Array({ maxLength: 400 }), { nil: undefined }),
    eol: fc.constantFrom('\r\n', '\n'),
  })
  .map(({ status, reason, headers, challenges, folded, body, eol }) => {
    const lines = [`RTSP/1.0 ${status} ${reason}`, 'CSeq: 7'];
    const expectedHeaders = new Map<string, string[]>([['cseq', ['7']]]);
    const add = (name: string, v: string) => {
      const key = name.toLowerCase();
      if (key === 'content-length' || key === 'cseq') return;
      lines.push(`${name}: ${v}`);
      expectedHeaders.set(key, [...(expectedHeaders.get(key) ?? []), v]);
    };
    for (const [n, v] of headers) add(n, v);
    for (const c of challenges) add('WWW-Authenticate', c);
    if (folded && !['content-length', 'cseq'].includes(folded[0].toLowerCase())) {
      const [n, first, second] = folded;
      lines.push(`${n}: ${first}`, `\t ${second}`);
      const key = n.toLowerCase();
      expectedHeaders.set(key, [...(expectedHeaders.get(key) ?? []), `${first} ${second}`]);
    }
    if (body) {
      lines.push(`Content-Length: ${body.length}`);
      expectedHeaders.set('content-length', [String(body.length)]);
    }
    const head = ascii(lines.join(eol) + eol + eol);
    const b = body ?? new Uint8Array(0);
    const wire = new Uint8Array(head.length + b.length);
    wire.set(head);
    wire.set(b, head.length);
    return { wire, expected: { kind: 'response', status, reason, headers: expectedHeaders, body: b } };
  });

const frame: fc.Arbitrary<Case> = fc.record({ channel: fc.integer({ min: 0, max: 255 }), payload: fc.uint8Array({ maxLength: 1600 }) }).map(({ channel, payload }) => ({
  wire: Uint8Array.of(0x24, channel, payload.length >> 8, payload.length & 0xff, ...payload),
  expected: { kind: 'interleaved', channel, payload },
}));

function join(cases: readonly Case[]): Uint8Array {
  return Uint8Array.from(cases.flatMap((c) => Array.from(c.wire)));
}

/** Cuts `bytes` at the given points (each taken modulo the length). */
function chunks(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let at = 0;
  for (const p of [...points, bytes.length]) {
    out.push(bytes.subarray(at, p));
    at = p;
  }
  return out;
}

/** Messages with their bytes copied, so toEqual compares content, not views into the reader's buffer. */
const plain = (messages: RtspIncoming[]) => messages.map((m) => (m.kind === 'interleaved' ? { ...m, payload: Uint8Array.from(m.payload) } : m));

describe('RtspReader', () => {
  it('reads responses and interleaved frames the same whether fed whole or in any chunks', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(response, frame), { minLength: 1, maxLength: 8 }), fc.array(fc.nat(), { maxLength: 30 }), (cases, cuts) => {
        const wire = join(cases);
        const whole = new RtspReader();
        const all = plain(whole.push(wire));
        expect(all).toEqual(cases.map((c) => c.expected));
        expect(whole.pending).toBe(0);
        const split = new RtspReader();
        const got: RtspIncoming[] = [];
        for (const chunk of chunks(wire, cuts)) got.push(...plain(split.push(chunk)));
        expect(got).toEqual(all);
        expect(split.pending).toBe(0);
      }),
    );
  });

  it('keeps every WWW-Authenticate header and reads folded and bare-LF heads', () => {
    const text =
      'RTSP/1.0 401 Unauthorized\nCSeq: 2\nWWW-Authenticate: Digest realm="cam", nonce="abc"\nWWW-Authenticate: Basic\n realm="cam"\nServer: Hik\n\n';
    const [m] = new RtspReader().push(ascii(text));
    expect(m).toMatchObject({ kind: 'response', status: 401, reason: 'Unauthorized' });
    if (m?.kind !== 'response') throw new Error('not a response');
    expect(m.headers.get('www-authenticate')).toEqual(['Digest realm="cam", nonce="abc"', 'Basic realm="cam"']);
    expect(header(m.headers, 'Server')).toBe('Hik');
    expect(header(m.headers, 'CSEQ')).toBe('2');
  });

  it('reads a request a camera sends, with its body', () => {
    const [m] = new RtspReader().push(ascii('ANNOUNCE rtsp://cam/1 RTSP/1.0\r\nCSeq: 1\r\nContent-Length: 3\r\n\r\nabc'));
    expect(m).toEqual({ kind: 'request', method: 'ANNOUNCE', uri: 'rtsp://cam/1', headers: new Map([['cseq', ['1']], ['content-length', ['3']]]), body: ascii('abc') });
  });

  it('waits for a body that is not complete yet', () => {
    const r = new RtspReader();
    const head = 'RTSP/1.0 200 OK\r\nCSeq: 3\r\nContent-Type: application/sdp\r\nContent-Length: 10\r\n\r\n';
    expect(r.push(ascii(`${head}v=0\r\n`))).toEqual([]);
    expect(r.pending).toBe(head.length + 5);
    const [m] = r.push(ascii('o=-\r\n$'));
    expect(m?.kind === 'response' && latin1(m.body)).toBe('v=0\r\no=-\r\n');
    expect(r.pending).toBe(1); // the start of an interleaved frame, waiting too
  });

  it('refuses heads and bodies over the limits', () => {
    const long = new RtspReader();
    expect(long.push(ascii(`RTSP/1.0 200 OK\r\nX: ${'a'.repeat(MAX_HEAD_BYTES / 2)}`))).toEqual([]);
    expect(() => long.push(ascii('a'.repeat(MAX_HEAD_BYTES)))).toThrow(RtspProtocolError);
    const big = new RtspReader();
    expect(() => big.push(ascii(`RTSP/1.0 200 OK\r\nContent-Length: ${MAX_BODY_BYTES + 1}\r\n\r\n`))).toThrow(RtspProtocolError);
    expect(() => new RtspReader().push(ascii('RTSP/1.0 200 OK\r\nContent-Length: -1\r\n\r\n'))).toThrow(RtspProtocolError);
    expect(() => new RtspReader().push(ascii('RTSP/1.0 200 OK\r\nContent-Length: 1e3\r\n\r\n'))).toThrow(RtspProtocolError);
  });

  it('refuses malformed messages', () => {
    for (const text of ['HTTP/1.1 200 OK\r\n\r\n', 'RTSP/1.0 20 OK\r\n\r\n', 'RTSP/1.0 200 OK\r\nNo colon here\r\n\r\n', 'RTSP/1.0 200 OK\r\nBad name: x\r\n\r\n', '\x00garbage']) {
      expect(() => new RtspReader().push(ascii(text)), text).toThrow(RtspProtocolError);
    }
  });

  it('never throws anything but RtspProtocolError on garbage, and always returns', () => {
    const garbage = fc.array(fc.oneof(fc.uint8Array({ maxLength: 64 }), fc.constantFrom(ascii('RTSP/1.0 200 OK\r\n'), ascii('\r\n\r\n'), ascii('\n\n'), ascii('Content-Length: 5\r\n'), Uint8Array.of(0x24))), {
      maxLength: 20,
    });
    fc.assert(
      fc.property(garbage, (parts) => {
        const r = new RtspReader();
        try {
          for (const p of parts) {
            const before = r.pending;
            const messages = r.push(p);
            // Progress: what it holds is what it held plus what came, less what it handed back.
            expect(r.pending).toBeLessThanOrEqual(before + p.length);
            if (messages.length === 0) expect(r.pending).toBe(before + p.length);
          }
        } catch (e) {
          expect(e).toBeInstanceOf(RtspProtocolError);
        }
      }),
    );
  });
});

describe('formatRequest', () => {
  it('writes a request line, headers and the blank line', () => {
    expect(formatRequest('DESCRIBE', 'rtsp://cam/1', [['CSeq', '1'], ['Accept', 'application/sdp']])).toBe('DESCRIBE rtsp://cam/1 RTSP/1.0\r\nCSeq: 1\r\nAccept: application/sdp\r\n\r\n');
  });

  it('refuses line breaks anywhere that could smuggle a header or a request', () => {
    for (const [name, v] of [
      ['CSeq', '1\r\nSession: evil'],
      ['CSeq', '1\nX: y'],
      ['CSeq', '1\r'],
      ['X\r\nY', 'z'],
    ] as const) {
      expect(() => formatRequest('OPTIONS', 'rtsp://cam/', [[name, v]])).toThrow(RtspProtocolError);
    }
    expect(() => formatRequest('OPTIONS', 'rtsp://cam/\r\nX: y', [])).toThrow(RtspProtocolError);
    expect(() => formatRequest('OPTIONS\r\n', 'rtsp://cam/', [])).toThrow(RtspProtocolError);
    expect(() => formatRequest('SETUP', 'rtsp://cam/track1\rX: y', [])).toThrow(RtspProtocolError); // lone CR, as SDP lines keep it
    expect(() => formatRequest('SETUP', 'rtsp://cam/a b', [])).toThrow(RtspProtocolError); // would split the request line
  });

  it('refuses any header or URI with a line break, and writes every other one back readable', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (uriTail, v) => {
        const uri = `rtsp://cam/${uriTail}`;
        const bad = /[\r\n]/.test(v) || /\s/.test(uri);
        if (bad) expect(() => formatRequest('OPTIONS', uri, [['X-Test', v]])).toThrow(RtspProtocolError);
        else {
          const [m] = new RtspReader().push(utf8(formatRequest('OPTIONS', uri, [['X-Test', v]])));
          expect(m).toMatchObject({ kind: 'request', method: 'OPTIONS' });
        }
      }),
    );
  });
});
