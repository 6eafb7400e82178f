import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The pairing token a browser must present before it gets anything. Kept in the data folder
 * (mode 0600) so a wall-controller PC stays paired across restarts; delete the file to revoke.
 */
export function loadOrCreateToken(dataDir: string): string {
  const file = path.join(dataDir, 'browser-host.token');
  try {
    const existing = fs.readFileSync(file, 'utf8').trim();
    if (/^[A-Za-z0-9_-]{32,}$/.test(existing)) return existing;
  } catch {
    // no token yet
  }
  const token = crypto.randomBytes(32).toString('base64url');
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, token + '\n', { mode: 0o600 });
  return token;
}

/** Constant-time comparison, whatever the lengths. */
export function tokenMatches(expected: string, presented: string): boolean {
  const a = crypto.createHash('sha256').update(expected).digest();
  const b = crypto.createHash('sha256').update(presented).digest();
  return crypto.timingSafeEqual(a, b);
}
