// Camera credentials in the workstation database: always sealed by the secret box, opened only
// here in main for the stream client. Passwords the hub sends inside stream URLs
// (rtsp://user:pass@host) are taken out of the URL and sealed on the way in.
import type { Database } from 'better-sqlite3';
import { SecretBoxError, sealedKeyId, type SecretBox } from '../secrets/secret-box';
import { prep } from './statements';

const boxes = new WeakMap<Database, SecretBox>();

/** Gives an open database its secret box; without one, no credential is written or opened. */
export function useSecretBox(db: Database, box: SecretBox): void {
  boxes.set(db, box);
}

export const credentialContext = (videoPointId: string) => `video_credentials:${videoPointId}`;
/** Drone stream credentials from the hub (RTMP user:password, SRT passphrase), sealed the same way. */
export const droneCredentialContext = (droneId: string) => `drone_credentials:${droneId}`;

export type SplitUrl = { url: string | null; username?: string; password?: string };

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/**
 * A stream URL without its userinfo, and the user name and password that were in it. The
 * userinfo runs to the last @ before the path: camera passwords often hold a raw @, # or ?,
 * and a badly written URL must not slip its password past this into a stored column.
 */
export function splitUrlCredentials(url: string | null): SplitUrl {
  if (!url) return { url };
  const m = /^([a-z][a-z0-9+.-]*:\/\/)([^/]*)@([^/@]*)(.*)$/is.exec(url);
  if (!m) return { url };
  const userinfo = m[2]!;
  const colon = userinfo.indexOf(':');
  const stripped = `${m[1]}${m[3]}${m[4]}`;
  return colon === -1 ? { url: stripped, username: decode(userinfo) } : { url: stripped, username: decode(userinfo.slice(0, colon)), password: decode(userinfo.slice(colon + 1)) };
}

/**
 * The open database's secret box, for any store code that keeps a secret (camera passwords here;
 * other credentials the same way: `secretBoxOf(db).seal(plain, context)`). Writing a secret
 * without a box would store it in the clear: this refuses instead.
 */
export function secretBoxOf(db: Database): SecretBox {
  const box = boxes.get(db);
  if (!box) throw new Error('camera credentials arrived but the store has no secret box to seal them');
  return box;
}

export function storeCredential(db: Database, videoPointId: string, username: string, password: string): void {
  const sealed = secretBoxOf(db).seal(password, credentialContext(videoPointId));
  prep(db,
    `INSERT INTO video_credentials (video_point_id, username, secret, sealed) VALUES (?, ?, ?, 1)
     ON CONFLICT (video_point_id) DO UPDATE SET username = excluded.username, secret = excluded.secret, sealed = 1`,
  ).run(videoPointId, username, sealed);
}

export function storeDroneCredential(db: Database, droneId: string, username: string, password: string): void {
  const sealed = secretBoxOf(db).seal(password, droneCredentialContext(droneId));
  prep(db, 'INSERT INTO drone_credentials (drone_id, username, secret) VALUES (?, ?, ?) ON CONFLICT (drone_id) DO UPDATE SET username = excluded.username, secret = excluded.secret').run(droneId, username, sealed);
}

/** A drone's sealed stream password, or null when no key here opens it (the stream then fails its authentication, visibly). */
export function openDroneCredential(db: Database, droneId: string, secret: Uint8Array): string | null {
  const box = boxes.get(db);
  if (!box) return null;
  try {
    return box.open(secret, droneCredentialContext(droneId));
  } catch (err) {
    if (err instanceof SecretBoxError) return null;
    throw err;
  }
}

/**
 * A camera row's URLs without userinfo, and the credentials found there (main stream first).
 * The caller stores the row, then the credentials only if the row was taken (storeCredential).
 */
export function takeUrlCredentials(mainUrl: string | null, subUrl: string | null): { mainUrl: string | null; subUrl: string | null; credential: { username: string; password: string } | null } {
  const main = splitUrlCredentials(mainUrl);
  const sub = splitUrlCredentials(subUrl);
  const found = main.username !== undefined ? main : sub.username !== undefined ? sub : null;
  return { mainUrl: main.url, subUrl: sub.url, credential: found?.username !== undefined ? { username: found.username, password: found.password ?? '' } : null };
}

export type OpenedCredential = { username: string; password: string } | { username: string; locked: SecretBoxError['problem'] | 'no-box' };

export function openCredential(db: Database, videoPointId: string, row: { username: string; secret: Uint8Array; sealed: number }): OpenedCredential {
  if (!row.sealed) return { username: row.username, password: Buffer.from(row.secret).toString('utf8') };
  const box = boxes.get(db);
  if (!box) return { username: row.username, locked: 'no-box' };
  try {
    return { username: row.username, password: box.open(row.secret, credentialContext(videoPointId)) };
  } catch (err) {
    if (err instanceof SecretBoxError) return { username: row.username, locked: err.problem };
    throw err;
  }
}

/** Ids of the keys the stored credentials were sealed with (to find a lost key before using it). */
export function credentialKeyIds(db: Database): string[] {
  const rows = prep(db, 'SELECT secret FROM video_credentials WHERE sealed = 1 UNION ALL SELECT secret FROM drone_credentials').all() as { secret: Buffer }[];
  const ids = new Set<string>();
  for (const r of rows) {
    try {
      ids.add(sealedKeyId(r.secret));
    } catch {
      ids.add('unreadable');
    }
  }
  return [...ids].sort();
}

/**
 * The one-off step after migration 0050, and again whenever the store opens: plaintext rows are
 * sealed, passwords left in stream URLs move into sealed rows, and values sealed with an older
 * key are sealed again with the current one (rotation). One transaction; then the WAL is
 * truncated so no earlier page image with a plaintext password stays on disk.
 */
export function sealStoredCredentials(db: Database): { sealed: number; fromUrls: number; resealed: number } {
  const box = secretBoxOf(db);
  const counts = db.transaction(() => {
    let sealed = 0;
    let fromUrls = 0;
    let resealed = 0;
    const plain = prep(db, 'SELECT video_point_id AS id, username, secret FROM video_credentials WHERE sealed = 0').all() as { id: string; username: string; secret: Buffer }[];
    for (const r of plain) {
      storeCredential(db, r.id, r.username, r.secret.toString('utf8'));
      sealed++;
    }
    const withUserinfo = prep(db, "SELECT id, main_url AS mainUrl, sub_url AS subUrl FROM video_points WHERE main_url LIKE '%@%' OR sub_url LIKE '%@%'").all() as { id: string; mainUrl: string | null; subUrl: string | null }[];
    for (const r of withUserinfo) {
      const kept = takeUrlCredentials(r.mainUrl, r.subUrl);
      if (kept.mainUrl === r.mainUrl && kept.subUrl === r.subUrl) continue;
      prep(db, 'UPDATE video_points SET main_url = ?, sub_url = ? WHERE id = ?').run(kept.mainUrl, kept.subUrl, r.id);
      if (kept.credential) storeCredential(db, r.id, kept.credential.username, kept.credential.password);
      fromUrls++;
    }
    const stale = prep(db, 'SELECT video_point_id AS id, username, secret FROM video_credentials WHERE sealed = 1').all() as { id: string; username: string; secret: Buffer }[];
    for (const r of stale) {
      if (!box.isStale(r.secret)) continue;
      let password: string;
      try {
        password = box.open(r.secret, credentialContext(r.id));
      } catch {
        continue; // A value no key here opens stays as it is: forgetLockedCredentials decides.
      }
      storeCredential(db, r.id, r.username, password);
      resealed++;
    }
    const drones = prep(db, 'SELECT drone_id AS id, username, secret FROM drone_credentials').all() as { id: string; username: string; secret: Buffer }[];
    for (const r of drones) {
      if (!box.isStale(r.secret)) continue;
      const password = openDroneCredential(db, r.id, r.secret);
      if (password === null) continue;
      storeDroneCredential(db, r.id, r.username, password);
      resealed++;
    }
    return { sealed, fromUrls, resealed };
  }).immediate();
  if (counts.sealed + counts.fromUrls + counts.resealed > 0) db.pragma('wal_checkpoint(TRUNCATE)');
  return counts;
}

/**
 * After a lost key: drops the camera and drone credentials nothing here can open and asks the hub
 * for the whole catalogue again (row versions cleared, so every row and its credentials are rewritten).
 */
export function forgetLockedCredentials(db: Database, now: number): number {
  const box = boxes.get(db);
  const rows = prep(db, "SELECT 'camera' AS kind, video_point_id AS id, secret FROM video_credentials WHERE sealed = 1 UNION ALL SELECT 'drone', drone_id, secret FROM drone_credentials").all() as { kind: 'camera' | 'drone'; id: string; secret: Buffer }[];
  const locked = rows.filter((r) => {
    try {
      return !box?.holds(sealedKeyId(r.secret));
    } catch {
      return true;
    }
  });
  db.transaction(() => {
    for (const r of locked) {
      if (r.kind === 'camera') prep(db, 'DELETE FROM video_credentials WHERE video_point_id = ?').run(r.id);
      else prep(db, 'DELETE FROM drone_credentials WHERE drone_id = ?').run(r.id);
    }
    if (locked.length === 0) return;
    // Drone records travel in the camera catalogue's stream, so one resync brings both back.
    prep(db, "UPDATE video_points SET row_version = 0 WHERE origin = 'hub'").run();
    prep(db, "UPDATE drones SET row_version = 0 WHERE origin = 'hub'").run();
    prep(db, "DELETE FROM sync_snapshot_seen WHERE stream = 'video_points'").run();
    prep(db,
      `INSERT INTO sync_cursors (stream, cursor, updated_at) VALUES ('video_points', ?, ?)
       ON CONFLICT (stream) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at`,
    ).run(JSON.stringify({ phase: 'snapshot', token: null, resync: true, received: 0 }), now);
  }).immediate();
  return locked.length;
}
