import type { Migration } from '../migration';

/**
 * Sync with the hub. The data tables (incidents, incident_events, incident_units, units,
 * video_points) now hold only what the hub confirmed, each row as the hub sent it; the
 * operator's own actions wait in sync_outbox and are shown on top of those rows until the
 * feed brings them back (see overlay.ts). Rows already in the tables stay as they are.
 */
export const sync: Migration = {
  version: 20,
  name: 'sync',
  sql: `
ALTER TABLE incident_events ADD COLUMN seq INTEGER;
CREATE INDEX incident_events_by_seq ON incident_events (incident_id, seq);

CREATE TABLE sync_conflicts (
  id             TEXT PRIMARY KEY,
  incident_id    TEXT NOT NULL REFERENCES incidents(id),
  field          TEXT NOT NULL,
  kept           TEXT NOT NULL,
  discarded      TEXT NOT NULL,
  operator_name  TEXT NOT NULL,
  workstation_id TEXT NOT NULL,
  at             INTEGER NOT NULL,
  seq            INTEGER NOT NULL
) STRICT;

-- seq (AUTOINCREMENT, never reused) is the mutation's n: the per-client order the hub checks.
ALTER TABLE sync_outbox ADD COLUMN incident_id TEXT;
ALTER TABLE sync_outbox ADD COLUMN state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','acked'));
ALTER TABLE sync_outbox ADD COLUMN outcome TEXT CHECK (outcome IN ('applied','rejected'));
ALTER TABLE sync_outbox ADD COLUMN reason TEXT;
-- The incidents-stream sequence at which the hub committed the mutation's effects: the row
-- leaves the outbox once the feed has been applied that far.
ALTER TABLE sync_outbox ADD COLUMN ack_seq INTEGER;
CREATE INDEX sync_outbox_by_incident ON sync_outbox (incident_id);

ALTER TABLE sync_rejections ADD COLUMN incident_id TEXT;
ALTER TABLE sync_rejections ADD COLUMN summary TEXT NOT NULL DEFAULT '';
ALTER TABLE sync_rejections ADD COLUMN dismissed_at INTEGER;

-- Ids seen during a resync snapshot, so rows the hub no longer has can be removed at its end.
CREATE TABLE sync_snapshot_seen (
  stream TEXT NOT NULL,
  id     TEXT NOT NULL,
  PRIMARY KEY (stream, id)
) STRICT, WITHOUT ROWID;
`,
};
