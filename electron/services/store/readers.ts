import type { Database } from 'better-sqlite3';
import type { VideoPoint } from '../../shared/domain/video-point';
import { VIDEO_POINT_PUBLIC_COLUMNS, videoPointFromRow, type VideoPointRow } from './rows';

export function listVideoPoints(db: Database, opts: { limit: number }): VideoPoint[] {
  const rows = db.prepare(`SELECT ${VIDEO_POINT_PUBLIC_COLUMNS} FROM video_points ORDER BY district, name LIMIT ?`).all(opts.limit) as VideoPointRow[];
  return rows.map(videoPointFromRow);
}

export function countRows(db: Database, table: 'incidents' | 'incident_events' | 'video_points' | 'audit_log'): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}
