import { base64Encode, utf8 } from './bytes';

/** Camera authentication (RFC 2617 as RTSP cameras use it): Digest preferred, Basic if that is all. */

export type Challenge =
  | { readonly scheme: 'digest'; readonly realm: string; readonly nonce: string; readonly opaque?: string; readonly algorithm: 'MD5' | 'MD5-sess'; readonly qop?: 'auth'; readonly stale: boolean }
  | { readonly scheme: 'basic'; readonly realm: string };

export type Credentials = { readonly username: string; readonly password: string };

/** Hex MD5 of UTF-8 text: injected, because hashing lives in the platform, not in pure code. */
export type Md5 = (text: string) => string;

/** Reads the auth-params of one WWW-Authenticate value: token=token or token="quoted", comma separated. */
function parseParams(text: string): Map<string, string> | null {
  const params = new Map<string, string>();
  const re = /\s*([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,"]*))\s*(?:,|$)/y;
  let at = 0;
  while (at < text.length) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m || re.lastIndex === at) return null;
    params.set(m[1]!.toLowerCase(), m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3]!);
    at = re.lastIndex;
  }
  return params;
}

/** Challenges we can answer, best first. Unknown schemes and algorithms are left out, not guessed. */
export function parseChallenges(values: readonly string[]): Challenge[] {
  const out: Challenge[] = [];
  for (const value of values) {
    const m = /^\s*([A-Za-z]+)\s*(.*)$/s.exec(value);
    if (!m) continue;
    const scheme = m[1]!.toLowerCase();
    const params = parseParams(m[2]!);
    if (!params) continue;
    const realm = params.get('realm') ?? '';
    if (scheme === 'basic') out.push({ scheme: 'basic', realm });
    if (scheme === 'digest') {
      const nonce = params.get('nonce');
      const algorithm = (params.get('algorithm') ?? 'MD5').toUpperCase();
      if (!nonce || (algorithm !== 'MD5' && algorithm !== 'MD5-SESS')) continue;
      const qops = (params.get('qop') ?? '').split(',').map((q) => q.trim().toLowerCase());
      const opaque = params.get('opaque');
      out.push({
        scheme: 'digest',
        realm,
        nonce,
        algorithm: algorithm === 'MD5' ? 'MD5' : 'MD5-sess',
        stale: (params.get('stale') ?? '').toLowerCase() === 'true',
        ...(opaque !== undefined ? { opaque } : {}),
        ...(qops.includes('auth') ? { qop: 'auth' as const } : {}),
      });
    }
  }
  return out.sort((a, b) => (a.scheme === b.scheme ? 0 : a.scheme === 'digest' ? -1 : 1));
}

function quote(s: string): string {
  return `"${s.replace(/["\\]/g, '\\$&')}"`;
}

/** The Authorization header value answering `challenge` for one request. `nc` counts uses of this nonce. */
export function authorization(
  challenge: Challenge,
  credentials: Credentials,
  request: { method: string; uri: string },
  hash: { md5: Md5; cnonce: string; nc: number },
): string {
  if (challenge.scheme === 'basic') {
    return `Basic ${base64Encode(utf8(`${credentials.username}:${credentials.password}`))}`;
  }
  const { md5, cnonce } = hash;
  const nc = hash.nc.toString(16).padStart(8, '0');
  let ha1 = md5(`${credentials.username}:${challenge.realm}:${credentials.password}`);
  if (challenge.algorithm === 'MD5-sess') ha1 = md5(`${ha1}:${challenge.nonce}:${cnonce}`);
  const ha2 = md5(`${request.method}:${request.uri}`);
  const response = challenge.qop
    ? md5(`${ha1}:${challenge.nonce}:${nc}:${cnonce}:auth:${ha2}`)
    : md5(`${ha1}:${challenge.nonce}:${ha2}`);
  const parts = [
    `username=${quote(credentials.username)}`,
    `realm=${quote(challenge.realm)}`,
    `nonce=${quote(challenge.nonce)}`,
    `uri=${quote(request.uri)}`,
    `response=${quote(response)}`,
  ];
  if (challenge.algorithm === 'MD5-sess') parts.push('algorithm=MD5-sess');
  if (challenge.opaque !== undefined) parts.push(`opaque=${quote(challenge.opaque)}`);
  if (challenge.qop) parts.push('qop=auth', `nc=${nc}`, `cnonce=${quote(cnonce)}`);
  return `Digest ${parts.join(', ')}`;
}
