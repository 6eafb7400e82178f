import type { Database } from 'better-sqlite3';
import type { Incident, IncidentStatus } from '../../shared/domain/incident';
import type { VideoPoint } from '../../shared/domain/video-point';
import { incidentFromRow, VIDEO_POINT_PUBLIC_COLUMNS, videoPointFromRow, type IncidentRow, type VideoPointRow } from './rows';

export function listIncidents(db: Database, opts: { statuses?: readonly IncidentStatus[]; limit: number }): Incident[] {
  const statuses = opts.statuses ?? [];
  const where = statuses.length ? `WHERE status IN (${statuses.map(() => '?').join(',')})` : '';
  const rows = db
    .prepare(`SELECT * FROM incidents ${where} ORDER BY priority ASC, created_at DESC LIMIT ?`)
    .all(...statuses, opts.limit) as IncidentRow[];
  return rows.map(incidentFromRow);
}

export function listVideoPoints(db: Database, opts: { limit: number }): VideoPoint[] {
  const rows = db.prepare(`SELECT ${VIDEO_POINT_PUBLIC_COLUMNS} FROM video_points ORDER BY district, name LIMIT ?`).all(opts.limit) as VideoPointRow[];
  return rows.map(videoPointFromRow);
}

export function countRows(db: Database, table: 'incidents' | 'incident_events' | 'video_points' | 'audit_log'): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}
