import { latin1 } from './bytes';

/**
 * RTSP 1.0 over one TCP connection: responses (and the odd request a camera sends us) interleaved
 * with `$`-framed RTP/RTCP packets (RFC 2326 §10.12). The reader takes bytes as they come and
 * hands back whole messages; anything malformed is an RtspProtocolError, never a hang or a crash.
 */

export type RtspHeaders = ReadonlyMap<string, readonly string[]>;

export type RtspResponse = {
  readonly kind: 'response';
  readonly status: number;
  readonly reason: string;
  readonly headers: RtspHeaders;
  readonly body: Uint8Array;
};
export type RtspRequestIn = {
  readonly kind: 'request';
  readonly method: string;
  readonly uri: string;
  readonly headers: RtspHeaders;
  readonly body: Uint8Array;
};
export type Interleaved = { readonly kind: 'interleaved'; readonly channel: number; readonly payload: Uint8Array };
export type RtspIncoming = RtspResponse | RtspRequestIn | Interleaved;

export class RtspProtocolError extends Error {
  override readonly name = 'RtspProtocolError';
}

/** Limits a camera cannot talk us past. */
export const MAX_HEAD_BYTES = 16 * 1024;
export const MAX_BODY_BYTES = 256 * 1024;

export function header(headers: RtspHeaders, name: string): string | undefined {
  return headers.get(name.toLowerCase())?.[0];
}

export class RtspReader {
  private buf = new Uint8Array(0);
  private start = 0;

  /** Feeds bytes; returns every message now complete, in order. Throws RtspProtocolError. */
  push(chunk: Uint8Array): RtspIncoming[] {
    this.append(chunk);
    const out: RtspIncoming[] = [];
    for (;;) {
      const message = this.next();
      if (!message) break;
      out.push(message);
    }
    if (this.start === this.buf.length) {
      this.buf = new Uint8Array(0);
      this.start = 0;
    }
    return out;
  }

  /** Bytes held waiting for the rest of a message. */
  get pending(): number {
    return this.buf.length - this.start;
  }

  private append(chunk: Uint8Array): void {
    const live = this.buf.length - this.start;
    if (live === 0) {
      this.buf = chunk.slice();
      this.start = 0;
      return;
    }
    const next = new Uint8Array(live + chunk.length);
    next.set(this.buf.subarray(this.start));
    next.set(chunk, live);
    this.buf = next;
    this.start = 0;
  }

  private next(): RtspIncoming | null {
    const b = this.buf;
    const s = this.start;
    const available = b.length - s;
    if (available === 0) return null;
    if (b[s] === 0x24) {
      if (available < 4) return null;
      const length = (b[s + 2]! << 8) | b[s + 3]!;
      if (available < 4 + length) return null;
      this.start = s + 4 + length;
      return { kind: 'interleaved', channel: b[s + 1]!, payload: b.subarray(s + 4, s + 4 + length) };
    }
    const headEnd = findHeadEnd(b, s);
    if (headEnd === -1) {
      if (available > MAX_HEAD_BYTES) throw new RtspProtocolError(`no end of message head within ${MAX_HEAD_BYTES} bytes`);
      // A start line must begin with a letter; anything else is garbage we cannot resynchronise on.
      if (!isLetter(b[s]!)) throw new RtspProtocolError(`unexpected byte 0x${b[s]!.toString(16).padStart(2, '0')} between messages`);
      return null;
    }
    const head = parseHead(latin1(b, s, headEnd.at));
    const lengthText = head.headers.get('content-length')?.[0];
    let bodyLength = 0;
    if (lengthText !== undefined) {
      if (!/^\d{1,9}$/.test(lengthText.trim())) throw new RtspProtocolError(`bad Content-Length "${lengthText}"`);
      bodyLength = Number(lengthText.trim());
      if (bodyLength > MAX_BODY_BYTES) throw new RtspProtocolError(`body of ${bodyLength} bytes is over the limit`);
    }
    const bodyStart = headEnd.at + headEnd.length;
    if (b.length < bodyStart + bodyLength) return null;
    this.start = bodyStart + bodyLength;
    const body = b.slice(bodyStart, bodyStart + bodyLength);
    return head.kind === 'response'
      ? { kind: 'response', status: head.status, reason: head.reason, headers: head.headers, body }
      : { kind: 'request', method: head.method, uri: head.uri, headers: head.headers, body };
  }
}

function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** CRLF CRLF, or bare LF LF from sloppy cameras. */
function findHeadEnd(b: Uint8Array, from: number): { at: number; length: number } | -1 {
  const limit = Math.min(b.length, from + MAX_HEAD_BYTES + 4);
  for (let i = from; i < limit - 1; i++) {
    if (b[i] !== 0x0a) continue;
    if (b[i + 1] === 0x0a) return { at: i, length: 2 };
    if (b[i + 1] === 0x0d && b[i + 2] === 0x0a) return { at: i - (b[i - 1] === 0x0d ? 1 : 0), length: b[i - 1] === 0x0d ? 4 : 3 };
  }
  return -1;
}

type Head =
  | { kind: 'response'; status: number; reason: string; headers: Map<string, string[]> }
  | { kind: 'request'; method: string; uri: string; headers: Map<string, string[]> };

function parseHead(text: string): Head {
  const lines = text.split(/\r?\n/);
  const startLine = lines[0] ?? '';
  const headers = new Map<string, string[]>();
  let last: string | null = null;
  for (const line of lines.slice(1)) {
    if (line === '') continue;
    if ((line.startsWith(' ') || line.startsWith('\t')) && last) {
      // Folded continuation of the previous header (RFC 2326 follows HTTP/1.1 here).
      const values = headers.get(last)!;
      values[values.length - 1] += ' ' + line.trim();
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) throw new RtspProtocolError(`malformed header line "${clip(line)}"`);
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!/^[a-z0-9!#$%&'*+.^_`|~-]+$/.test(name)) throw new RtspProtocolError(`malformed header name "${clip(name)}"`);
    const value = line.slice(colon + 1).trim();
    const values = headers.get(name);
    if (values) values.push(value);
    else headers.set(name, [value]);
    last = name;
  }
  const response = /^RTSP\/1\.\d (\d{3})(?: (.*))?$/.exec(startLine);
  if (response) return { kind: 'response', status: Number(response[1]), reason: response[2] ?? '', headers };
  const request = /^([A-Z_]{3,20}) (\S+) RTSP\/1\.\d$/.exec(startLine);
  if (request) return { kind: 'request', method: request[1]!, uri: request[2]!, headers };
  throw new RtspProtocolError(`malformed start line "${clip(startLine)}"`);
}

function clip(s: string): string {
  const printable = s.replace(/[^\x20-\x7e]/g, '?');
  return printable.length > 80 ? `${printable.slice(0, 80)}…` : printable;
}

/** One request as it goes on the wire. Header values must not contain line breaks. */
export function formatRequest(method: string, uri: string, headers: ReadonlyArray<readonly [string, string]>): string {
  // The URI often comes from the camera (SDP control attributes, where a lone CR survives line
  // splitting): a line break there would smuggle headers in, and any whitespace breaks the request line.
  if (/\s/.test(method) || /\s/.test(uri)) throw new RtspProtocolError('whitespace in request method or URI');
  let s = `${method} ${uri} RTSP/1.0\r\n`;
  for (const [name, value] of headers) {
    if (/[\r\n]/.test(name) || /[\r\n]/.test(value)) throw new RtspProtocolError(`line break in header ${name}`);
    s += `${name}: ${value}\r\n`;
  }
  return `${s}\r\n`;
}
