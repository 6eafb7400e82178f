// The last guard on every log line: whatever slipped past "never log a secret" (an address
// with its password in an error message, an RTSP request echoed in a debug line) is cut out
// of the finished JSON line before it is written. The line stays valid JSON: only the inside
// of string values is replaced.

const REDACTED = '[redacted]';

/** The rest of a JSON string value: up to its closing (unescaped) quote. */
const REST_OF_STRING = String.raw`(?:[^"\\]|\\.)*`;

/** A Basic credential is base64: an ordinary lower-case word after "Basic" ("Basic authentication") is prose. */
function basicToken(match: string, prefix: string, token: string): string {
  return /^[a-z]+$/.test(token) ? match : `${prefix}${REDACTED}`;
}

const RULES: readonly [RegExp, string | ((match: string, ...groups: string[]) => string)][] = [
  // scheme://user:password@host — userinfo runs to the last @ before the path, as in rtsp-url.ts.
  // A raw # or ? in a badly written password still counts as userinfo.
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/"\\]*@/gi, `$1${REDACTED}@`],
  // An Authorization or Proxy-Authorization header or field, as text or as a JSON key.
  [new RegExp(String.raw`(authorization\\?"?\s*[:=]\s*\\?"?)${REST_OF_STRING}`, 'gi'), `$1${REDACTED}`],
  // Its values where the header name is not beside them.
  [new RegExp(String.raw`\b(Digest\s+)username=${REST_OF_STRING}`, 'gi'), `$1${REDACTED}`],
  [/\b(Basic\s+)([A-Za-z0-9+/]{6,}={0,2})/g, (match, prefix, token) => basicToken(match, prefix!, token!)],
];

export function scrubSecrets(line: string): string {
  let out = line;
  for (const [pattern, replacement] of RULES) out = typeof replacement === 'string' ? out.replace(pattern, replacement) : out.replace(pattern, replacement);
  return out;
}
