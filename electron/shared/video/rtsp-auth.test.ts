import { describe, expect, it } from 'vitest';
import { base64Encode } from './bytes';
import { authorization, parseChallenges, type Challenge } from './rtsp-auth';

/**
 * MD5 by table: this folder is pure code, so node:crypto cannot be imported here. The RFC 2617
 * §3.5 digests are the RFC's own; the others were computed with Node's crypto.createHash('md5').
 * Any text not in the table fails the test, which also pins exactly what gets hashed.
 */
const DIGESTS: Record<string, string> = {
  'Mufasa:testrealm@host.com:Circle Of Life': '939e7578ed9e3c518a452acee763bce9',
  'GET:/dir/index.html': '39aff3a2bab6126f332b942af96d3366',
  '939e7578ed9e3c518a452acee763bce9:dcd98b7102dd2f0e8b11d0f600bfb0c093:00000001:0a4f113b:auth:39aff3a2bab6126f332b942af96d3366': '6629fae49393a05397450978507c4ef1',
  '939e7578ed9e3c518a452acee763bce9:dcd98b7102dd2f0e8b11d0f600bfb0c093:39aff3a2bab6126f332b942af96d3366': '670fd8c2df070c60b045671b8b24ff02',
  '939e7578ed9e3c518a452acee763bce9:dcd98b7102dd2f0e8b11d0f600bfb0c093:0a4f113b': '5edb191b66dce1584c16cb7e7346fcee',
  '5edb191b66dce1584c16cb7e7346fcee:dcd98b7102dd2f0e8b11d0f600bfb0c093:00000001:0a4f113b:auth:39aff3a2bab6126f332b942af96d3366': '8e3825c57e897f5a0dec6c2d4e5059d0',
};
function md5(text: string): string {
  const digest = DIGESTS[text];
  if (digest === undefined) throw new Error(`unexpected text hashed: ${text}`);
  return digest;
}

/** Reads back an Authorization header's parameters (values unquoted). */
function params(header: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of header.replace(/^Digest /, '').matchAll(/(\w+)=(?:"((?:[^"\\]|\\.)*)"|([^,\s]+))/g)) out[m[1]!] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3]!;
  return out;
}

const RFC_CHALLENGE =
  'Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"';
const MUFASA = { username: 'Mufasa', password: 'Circle Of Life' };
const REQUEST = { method: 'GET', uri: '/dir/index.html' };

describe('authorization: Digest', () => {
  it('reproduces the RFC 2617 §3.5 worked example', () => {
    const [challenge] = parseChallenges([RFC_CHALLENGE]);
    expect(challenge).toEqual({
      scheme: 'digest',
      realm: 'testrealm@host.com',
      nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093',
      opaque: '5ccc069c403ebaf9f0171e9517f40e41',
      algorithm: 'MD5',
      qop: 'auth',
      stale: false,
    });
    const value = authorization(challenge!, MUFASA, REQUEST, { md5, cnonce: '0a4f113b', nc: 1 });
    expect(value.startsWith('Digest ')).toBe(true);
    expect(params(value)).toEqual({
      username: 'Mufasa',
      realm: 'testrealm@host.com',
      nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093',
      uri: '/dir/index.html',
      qop: 'auth',
      nc: '00000001',
      cnonce: '0a4f113b',
      response: '6629fae49393a05397450978507c4ef1',
      opaque: '5ccc069c403ebaf9f0171e9517f40e41',
    });
  });

  it('answers a challenge without qop the RFC 2069 way: no nc, no cnonce', () => {
    const challenge: Challenge = { scheme: 'digest', realm: 'testrealm@host.com', nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093', algorithm: 'MD5', stale: false };
    const p = params(authorization(challenge, MUFASA, REQUEST, { md5, cnonce: '0a4f113b', nc: 1 }));
    expect(p).toEqual({ username: 'Mufasa', realm: 'testrealm@host.com', nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093', uri: '/dir/index.html', response: '670fd8c2df070c60b045671b8b24ff02' });
  });

  it('hashes the session key for MD5-sess and says so', () => {
    const challenge: Challenge = { scheme: 'digest', realm: 'testrealm@host.com', nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093', algorithm: 'MD5-sess', qop: 'auth', stale: false };
    const p = params(authorization(challenge, MUFASA, REQUEST, { md5, cnonce: '0a4f113b', nc: 1 }));
    expect(p).toMatchObject({ algorithm: 'MD5-sess', response: '8e3825c57e897f5a0dec6c2d4e5059d0', cnonce: '0a4f113b', nc: '00000001' });
  });

  it('counts nc in eight hex digits and quotes awkward usernames', () => {
    const challenge: Challenge = { scheme: 'digest', realm: 'r', nonce: 'n', algorithm: 'MD5', qop: 'auth', stale: false };
    const value = authorization(challenge, { username: 'a"b\\c', password: 'p' }, REQUEST, { md5: (t) => `h(${t.length})`, cnonce: 'c', nc: 255 });
    expect(value).toContain('nc=000000ff');
    expect(value).toContain('username="a\\"b\\\\c"');
    expect(params(value).username).toBe('a"b\\c');
  });
});

describe('authorization: Basic', () => {
  it('sends base64 of user:password in UTF-8', () => {
    const challenge: Challenge = { scheme: 'basic', realm: 'IPCAM' };
    const never = () => {
      throw new Error('Basic needs no hashing');
    };
    expect(authorization(challenge, { username: 'Aladdin', password: 'open sesame' }, REQUEST, { md5: never, cnonce: '', nc: 1 })).toBe('Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==');
    // "admin:密码ü" in UTF-8 (as Node's Buffer.from(…, 'utf8') gives it), then base64.
    const utf8Bytes = Uint8Array.of(0x61, 0x64, 0x6d, 0x69, 0x6e, 0x3a, 0xe5, 0xaf, 0x86, 0xe7, 0xa0, 0x81, 0xc3, 0xbc);
    expect(authorization(challenge, { username: 'admin', password: '密码ü' }, REQUEST, { md5: never, cnonce: '', nc: 1 })).toBe(`Basic ${base64Encode(utf8Bytes)}`);
    expect(base64Encode(utf8Bytes)).toBe('YWRtaW465a+G56CBw7w=');
  });
});

describe('parseChallenges', () => {
  it('reads several headers, Digest first, and skips what it cannot answer', () => {
    const challenges = parseChallenges([
      'Basic realm="IP Camera(C1234)"',
      'Digest realm="IP Camera(C1234)", nonce="a1b2, c3", algorithm=SHA-256, qop="auth"',
      'Digest realm="say \\"hi\\", please", nonce="4f2a", stale=TRUE, algorithm="md5-sess", qop="auth-int,auth"',
      'Negotiate abcdef',
      'Digest realm="no nonce"',
    ]);
    expect(challenges).toEqual([
      { scheme: 'digest', realm: 'say "hi", please', nonce: '4f2a', algorithm: 'MD5-sess', stale: true, qop: 'auth' },
      { scheme: 'basic', realm: 'IP Camera(C1234)' },
    ]);
  });

  it('keeps a comma inside a quoted nonce and accepts unquoted tokens', () => {
    expect(parseChallenges(['Digest realm=cam,nonce="a,b",opaque=xyz'])).toEqual([{ scheme: 'digest', realm: 'cam', nonce: 'a,b', opaque: 'xyz', algorithm: 'MD5', stale: false }]);
  });

  it('leaves out qop when only auth-int is offered, and drops unparseable values without throwing', () => {
    expect(parseChallenges(['Digest realm="r", nonce="n", qop="auth-int"'])[0]).not.toHaveProperty('qop');
    expect(parseChallenges(['Digest realm="unterminated, nonce="n"', '', '   ', '"quoted"'])).toEqual([]);
  });
});
