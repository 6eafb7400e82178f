import type { Database } from 'better-sqlite3';
import type { VideoPoint } from '../../shared/domain/video-point';
import { openCredential } from './credentials';
import { VIDEO_POINT_PUBLIC_COLUMNS, videoPointFromRow, type VideoPointRow } from './rows';

export function listVideoPoints(db: Database, opts: { limit: number }): VideoPoint[] {
  const rows = db.prepare(`SELECT ${VIDEO_POINT_PUBLIC_COLUMNS} FROM video_points ORDER BY district, name LIMIT ?`).all(opts.limit) as VideoPointRow[];
  return rows.map(videoPointFromRow);
}

export function countRows(db: Database, table: 'incidents' | 'incident_events' | 'video_points' | 'audit_log'): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

export type VideoSource = {
  mainUrl: string | null;
  subUrl: string | null;
  codec: 'h264' | 'h265' | 'unknown';
  username: string | null;
  password: string | null;
  /** Set when the camera has credentials that cannot be opened here (lost key, altered row). */
  credentialsLocked?: string;
};

/**
 * Where main's stream service finds a camera: addresses and credentials. Never part of a reply to
 * a window (the catalogue query above leaves these columns out). Runs in the store worker, in
 * main: the only place a sealed password is opened.
 */
export function videoSource(db: Database, id: string): VideoSource | null {
  const row = db
    .prepare(
      `SELECT v.main_url AS mainUrl, v.sub_url AS subUrl, v.codec AS codec, c.username AS username, c.secret AS secret, c.sealed AS sealed
         FROM video_points v LEFT JOIN video_credentials c ON c.video_point_id = v.id WHERE v.id = ?`,
    )
    .get(id) as { mainUrl: string | null; subUrl: string | null; codec: VideoSource['codec']; username: string | null; secret: Buffer | null; sealed: number | null } | undefined;
  if (!row) return null;
  const base = { mainUrl: row.mainUrl, subUrl: row.subUrl, codec: row.codec };
  if (row.username === null || row.secret === null) return { ...base, username: null, password: null };
  const opened = openCredential(db, id, { username: row.username, secret: row.secret, sealed: row.sealed ?? 0 });
  return 'password' in opened ? { ...base, username: opened.username, password: opened.password } : { ...base, username: opened.username, password: null, credentialsLocked: opened.locked };
}
