/**
 * rtsp:// URLs without the platform's URL class (not available to pure code): split out the
 * credentials cameras are often configured with, and resolve relative control URLs from SDP.
 */

export type RtspUrl = {
  readonly host: string;
  readonly port: number;
  /** The URL to put in requests: no credentials. */
  readonly url: string;
  readonly username?: string;
  readonly password?: string;
};

export class RtspUrlError extends Error {
  override readonly name = 'RtspUrlError';
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export function parseRtspUrl(text: string): RtspUrl {
  // Userinfo runs to the last @ before the path: camera passwords often hold a raw @, and a host
  // never does (splitting at the first one made "ss@host" the host of admin:p@ss@host).
  const m = /^(rtsps?):\/\/(?:([^/?#]*)@)?(\[[0-9a-fA-F:.]+\]|[^:/?#@\s]+)(?::(\d{1,5}))?([/?][^\s]*)?$/.exec(text.trim());
  if (!m) throw new RtspUrlError('not an rtsp:// URL');
  if (m[1] === 'rtsps') throw new RtspUrlError('rtsps:// (RTSP over TLS) is not supported');
  const port = m[4] ? Number(m[4]) : 554;
  if (port < 1 || port > 65535) throw new RtspUrlError(`port ${port} is out of range`);
  const rawHost = m[3]!;
  const host = rawHost.startsWith('[') ? rawHost.slice(1, -1) : rawHost;
  const path = m[5] ?? '/';
  const userinfo = m[2];
  const url = `rtsp://${rawHost}${m[4] ? `:${m[4]}` : ''}${path}`;
  if (userinfo === undefined) return { host, port, url };
  const colon = userinfo.indexOf(':');
  return colon === -1
    ? { host, port, url, username: decode(userinfo) }
    : { host, port, url, username: decode(userinfo.slice(0, colon)), password: decode(userinfo.slice(colon + 1)) };
}

/**
 * Control URLs from SDP: absolute, absolute path, or relative. Relative ones are appended to the
 * base as a path segment even when it lacks a trailing slash — what cameras expect and what
 * common RTSP clients do, unlike strict RFC 3986 which would replace the last segment.
 */
export function resolveRtspUrl(base: string, ref: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref)) return ref;
  const m = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)([^?#]*)/i.exec(base);
  if (!m) return ref;
  const origin = m[1]!;
  if (ref.startsWith('/')) return origin + ref;
  const path = m[2] || '/';
  const dir = path.endsWith('/') ? path : `${path}/`;
  return origin + dir + ref;
}
