// Applies what the hub sends to the local tables. Each batch is one transaction together with
// the stream's cursor, so after a crash the database holds either the whole batch and the
// cursor past it, or neither. Rows replace rows only with a newer row_version, so a snapshot
// overlapping the live feed (or a repeated batch) changes nothing.
import { prep } from './statements';
import { storeCredential, storeDroneCredential, takeUrlCredentials } from './credentials';
import type { Database } from 'better-sqlite3';
import type { Change, Item, SnapshotPage, SnapshotToken, Stream } from '../../shared/sync/protocol';

export type Cursor =
  | { phase: 'snapshot'; token: SnapshotToken | null; resync: boolean; received: number }
  | { phase: 'live'; seq: number };

/** Test-only switches that break sync on purpose, to prove the fault suite notices. */
export interface ClientSabotage {
  /** Commit the cursor in its own transaction before the data. */
  cursorOutsideTransaction?: boolean;
  /** Called between the two commits when the cursor is outside the transaction: a crash there loses the batch. */
  betweenCommits?: () => void;
}

export function readCursor(db: Database, stream: Stream): Cursor {
  const row = prep(db, 'SELECT cursor FROM sync_cursors WHERE stream = ?').get(stream) as { cursor: string } | undefined;
  return row ? (JSON.parse(row.cursor) as Cursor) : { phase: 'snapshot', token: null, resync: false, received: 0 };
}

function writeCursor(db: Database, stream: Stream, cursor: Cursor, at: number): void {
  prep(db, 
    `INSERT INTO sync_cursors (stream, cursor, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (stream) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at`,
  ).run(stream, JSON.stringify(cursor), at);
}

export type ApplyOutcome = { kind: 'applied'; seq: number; incidentIds: string[]; unitIds: string[] } | { kind: 'gap'; cursor: number } | { kind: 'not-live' };

/**
 * Applies live changes if and only if they continue the cursor without a gap. Changes at or
 * below the cursor were applied already (a duplicate, or a notice that raced a feed read) and
 * are skipped, so applying the same batch twice is harmless.
 */
export function applyChanges(db: Database, stream: Stream, changes: readonly Change[], now: number, sabotage: ClientSabotage = {}): ApplyOutcome {
  const plan = (): { fresh: readonly Change[] } | ApplyOutcome => {
    const cursor = readCursor(db, stream);
    if (cursor.phase !== 'live') return { kind: 'not-live' };
    const fresh = changes.filter((c) => c.seq > cursor.seq);
    if (fresh.length === 0) return { kind: 'applied', seq: cursor.seq, incidentIds: [], unitIds: [] };
    for (let i = 0; i < fresh.length; i++) if (fresh[i]!.seq !== cursor.seq + 1 + i) return { kind: 'gap', cursor: cursor.seq };
    return { fresh };
  };
  const body = (fresh: readonly Change[]): ApplyOutcome => {
    const touched = { incidentIds: new Set<string>(), unitIds: new Set<string>() };
    for (const c of fresh) applyItem(db, c, touched, null);
    const last = fresh.at(-1)!.seq;
    settleOutbox(db, last, now, stream);
    return { kind: 'applied', seq: last, incidentIds: [...touched.incidentIds], unitIds: [...touched.unitIds] };
  };
  if (sabotage.cursorOutsideTransaction) {
    const p = db.transaction(plan).immediate();
    if (!('fresh' in p)) return p;
    db.transaction(() => writeCursor(db, stream, { phase: 'live', seq: p.fresh.at(-1)!.seq }, now)).immediate();
    sabotage.betweenCommits?.();
    return db.transaction(() => body(p.fresh)).immediate();
  }
  return db
    .transaction((): ApplyOutcome => {
      const p = plan();
      if (!('fresh' in p)) return p;
      const result = body(p.fresh);
      if (result.kind === 'applied') writeCursor(db, stream, { phase: 'live', seq: result.seq }, now);
      return result;
    })
    .immediate();
}

/** Applies one snapshot page and moves the resume token, or goes live after the last page. */
export function applySnapshotPage(db: Database, stream: Stream, page: SnapshotPage, now: number): { live: boolean; incidentIds: string[]; unitIds: string[] } {
  return db
    .transaction(() => {
      const cursor = readCursor(db, stream);
      if (cursor.phase !== 'snapshot') return { live: true, incidentIds: [], unitIds: [] };
      const touched = { incidentIds: new Set<string>(), unitIds: new Set<string>() };
      for (const item of page.items) applyItem(db, item, touched, cursor.resync ? stream : null);
      const received = cursor.received + page.items.length;
      if (page.next) {
        writeCursor(db, stream, { phase: 'snapshot', token: page.next, resync: cursor.resync, received }, now);
        return { live: false, incidentIds: [...touched.incidentIds], unitIds: [...touched.unitIds] };
      }
      if (cursor.resync && stream === 'video_points') {
        // The hub's log no longer held what was deleted while we were away: what the snapshot did not list is gone.
        prep(db, "DELETE FROM video_points WHERE id NOT IN (SELECT id FROM sync_snapshot_seen WHERE stream = 'video_points')").run();
        prep(db, "DELETE FROM drones WHERE origin = 'hub' AND id NOT IN (SELECT id FROM sync_snapshot_seen WHERE stream = 'video_points')").run();
      }
      prep(db, 'DELETE FROM sync_snapshot_seen WHERE stream = ?').run(stream);
      writeCursor(db, stream, { phase: 'live', seq: page.asOf }, now);
      settleOutbox(db, page.asOf, now, stream);
      return { live: true, incidentIds: [...touched.incidentIds], unitIds: [...touched.unitIds] };
    })
    .immediate();
}

/** The hub no longer keeps the changes after our cursor: download the stream again. */
export function startResync(db: Database, stream: Stream, now: number): void {
  db.transaction(() => {
    prep(db, 'DELETE FROM sync_snapshot_seen WHERE stream = ?').run(stream);
    writeCursor(db, stream, { phase: 'snapshot', token: null, resync: true, received: 0 }, now);
  }).immediate();
}

function applyItem(db: Database, item: Item, touched: { incidentIds: Set<string>; unitIds: Set<string> }, seenStream: Stream | null): void {
  switch (item.entity) {
    case 'incident': {
      const r = item.row;
      prep(db, 
        `INSERT INTO incidents (id, type, priority, status, lat, lon, address, district, summary, exercise, origin, created_at, updated_at, closed_at, row_version)
         VALUES (@id, @type, @priority, @status, @lat, @lon, @address, @district, @summary, @exercise, 'hub', @createdAt, @updatedAt, @closedAt, @rowVersion)
         ON CONFLICT (id) DO UPDATE SET type = excluded.type, priority = excluded.priority, status = excluded.status, lat = excluded.lat, lon = excluded.lon,
           address = excluded.address, district = excluded.district, summary = excluded.summary, exercise = excluded.exercise, origin = 'hub',
           created_at = excluded.created_at, updated_at = excluded.updated_at, closed_at = excluded.closed_at, row_version = excluded.row_version
         WHERE excluded.row_version > incidents.row_version`,
      ).run({ ...r, lat: r.location.lat, lon: r.location.lon, exercise: r.exercise ? 1 : 0 });
      touched.incidentIds.add(r.id);
      return;
    }
    case 'event': {
      const r = item.row;
      prep(db, 
        `INSERT OR IGNORE INTO incident_events (id, incident_id, kind, payload, operator_id, operator_name, workstation_id, at, seq)
         VALUES (@id, @incidentId, @kind, @payload, @operatorId, @operatorName, @workstationId, @at, @seq)`,
      ).run({ ...r, payload: JSON.stringify(r.payload) });
      touched.incidentIds.add(r.incidentId);
      return;
    }
    case 'assignment': {
      const r = item.row;
      prep(db, 
        `INSERT INTO incident_units (incident_id, unit_id, assigned_at, released_at) VALUES (@incidentId, @unitId, @assignedAt, @releasedAt)
         ON CONFLICT (incident_id, unit_id, assigned_at) DO UPDATE SET released_at = coalesce(excluded.released_at, incident_units.released_at)`,
      ).run(r);
      touched.incidentIds.add(r.incidentId);
      touched.unitIds.add(r.unitId);
      return;
    }
    case 'unit': {
      const r = item.row;
      prep(db, 
        `INSERT INTO units (id, callsign, kind, status, lat, lon, status_since, updated_at, row_version)
         VALUES (@id, @callsign, @kind, @status, @lat, @lon, @statusSince, @updatedAt, @rowVersion)
         ON CONFLICT (id) DO UPDATE SET callsign = excluded.callsign, kind = excluded.kind, status = excluded.status, lat = excluded.lat, lon = excluded.lon,
           status_since = excluded.status_since, updated_at = excluded.updated_at, row_version = excluded.row_version
         WHERE excluded.row_version > units.row_version`,
      ).run({ ...r, lat: r.location?.lat ?? null, lon: r.location?.lon ?? null });
      touched.unitIds.add(r.id);
      return;
    }
    case 'conflict': {
      const r = item.row;
      prep(db, 
        `INSERT OR IGNORE INTO sync_conflicts (id, incident_id, field, kept, discarded, operator_name, workstation_id, at, seq)
         VALUES (@id, @incidentId, @field, @kept, @discarded, @operatorName, @workstationId, @at, @seq)`,
      ).run(r);
      touched.incidentIds.add(r.incidentId);
      return;
    }
    case 'plan': {
      const r = item.row;
      const info = prep(
        db,
        `INSERT INTO plans (id, incident_type, name, version, updated_at) VALUES (@id, @incidentType, @name, @version, @updatedAt)
         ON CONFLICT (id) DO UPDATE SET incident_type = excluded.incident_type, name = excluded.name, version = excluded.version, updated_at = excluded.updated_at
         WHERE excluded.version > plans.version`,
      ).run(r);
      if (info.changes) {
        prep(db, 'DELETE FROM plan_steps WHERE plan_id = ?').run(r.id);
        for (const step of r.steps) prep(db, 'INSERT INTO plan_steps (plan_id, ordinal, text, required) VALUES (?, ?, ?, ?)').run(r.id, step.ordinal, step.text, step.required ? 1 : 0);
      }
      return;
    }
    case 'drone': {
      const r = item.row;
      const info = prep(
        db,
        `INSERT INTO drones (id, callsign, model, stream_url, codec, telemetry_source, origin, updated_at, row_version)
         VALUES (@id, @callsign, @model, @streamUrl, @codec, @telemetry, 'hub', @updatedAt, @rowVersion)
         ON CONFLICT (id) DO UPDATE SET callsign = excluded.callsign, model = excluded.model, stream_url = excluded.stream_url, codec = excluded.codec,
           telemetry_source = excluded.telemetry_source, origin = 'hub', updated_at = excluded.updated_at, row_version = excluded.row_version
         WHERE excluded.row_version > drones.row_version`,
      ).run({ id: r.id, callsign: r.callsign, model: r.model, streamUrl: r.streamUrl, codec: r.codec, telemetry: r.telemetry, updatedAt: r.updatedAt, rowVersion: r.rowVersion });
      if (info.changes) {
        if (r.credentials) {
          storeDroneCredential(db, r.id, r.credentials.username, r.credentials.password);
        } else {
          prep(db, 'DELETE FROM drone_credentials WHERE drone_id = ?').run(r.id);
        }
      }
      if (seenStream) prep(db, 'INSERT OR IGNORE INTO sync_snapshot_seen (stream, id) VALUES (?, ?)').run(seenStream, r.id);
      return;
    }
    case 'video_point': {
      if (item.op === 'delete') {
        prep(db, 'DELETE FROM video_points WHERE id = ?').run(item.row.id);
        return;
      }
      // Passwords never stay in a stored URL: they are taken out and sealed (credentials.ts).
      const { credential, ...urls } = takeUrlCredentials(item.row.mainUrl, item.row.subUrl);
      const r = { ...item.row, ...urls };
      const taken = prep(db, 
        `INSERT INTO video_points (id, name, lat, lon, heading_deg, fov_deg, range_m, main_url, sub_url, codec, ptz, department, district, online, origin, updated_at, row_version)
         VALUES (@id, @name, @lat, @lon, @headingDeg, @fovDeg, @rangeM, @mainUrl, @subUrl, @codec, @ptz, @department, @district, @online, 'hub', @updatedAt, @rowVersion)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, lat = excluded.lat, lon = excluded.lon, heading_deg = excluded.heading_deg, fov_deg = excluded.fov_deg,
           range_m = excluded.range_m, main_url = excluded.main_url, sub_url = excluded.sub_url, codec = excluded.codec, ptz = excluded.ptz,
           department = excluded.department, district = excluded.district, online = excluded.online, updated_at = excluded.updated_at, row_version = excluded.row_version
         WHERE excluded.row_version > video_points.row_version`,
      ).run({ ...r, lat: r.location.lat, lon: r.location.lon, ptz: r.ptz ? 1 : 0, online: r.online ? 1 : 0 });
      // An older or repeated row changes nothing, its credentials included.
      if (taken.changes > 0 && credential) storeCredential(db, r.id, credential.username, credential.password);
      if (seenStream) prep(db, 'INSERT OR IGNORE INTO sync_snapshot_seen (stream, id) VALUES (?, ?)').run(seenStream, r.id);
      return;
    }
  }
}

/**
 * Outbox rows whose effects the feed of `stream` has now delivered leave the outbox; rejected
 * ones move to the operator's rejection list in the same transaction, so nothing is dropped
 * unseen. A drone edit's ack_seq counts in video_points, every other one's in incidents.
 */
export function settleOutbox(db: Database, seq: number, now: number, stream: Stream = 'incidents'): void {
  const kinds = stream === 'incidents' ? "kind NOT LIKE 'drone.%'" : "kind LIKE 'drone.%'";
  const done = prep(db, `SELECT seq, mutation_id, kind, payload, incident_id, outcome, reason FROM sync_outbox WHERE state = 'acked' AND ack_seq <= ? AND ${kinds}`).all(seq) as {
    seq: number; mutation_id: string; kind: string; payload: string; incident_id: string | null; outcome: string; reason: string | null;
  }[];
  for (const r of done) {
    if (r.outcome === 'rejected') {
      prep(db, 'INSERT OR IGNORE INTO sync_rejections (mutation_id, kind, payload, reason, at, incident_id, summary) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        r.mutation_id, r.kind, r.payload, r.reason ?? 'rejected', now, r.incident_id, summarize(r.payload),
      );
    }
    prep(db, 'DELETE FROM sync_outbox WHERE seq = ?').run(r.seq);
  }
}

/** A line the operator recognises: what they tried to do. */
function summarize(payload: string): string {
  const m = JSON.parse(payload) as { op: { kind: string; incident?: { address: string }; from?: string; to?: string; text?: string; unitId?: string; field?: string; callsign?: string } };
  const op = m.op;
  switch (op.kind) {
    case 'drone.update': return op.callsign ?? '';
    case 'incident.create': return op.incident?.address ?? '';
    case 'incident.status': return `${op.from} → ${op.to}`;
    case 'incident.note': return (op.text ?? '').slice(0, 80);
    case 'incident.update': return `${op.field}: ${op.from} → ${op.to}`;
    default: return op.unitId ?? '';
  }
}
