import type { Migration } from '../migration';

/**
 * Drone records synced from the hub (docs/drones.md), in the video_points stream. The drones
 * table of 0010 had no writer; its rows (if any) are carried over. The callsign is no longer
 * UNIQUE here: the hub keeps it unique, and a resync applied over older rows may hold a swap of
 * two callsigns half way. Credentials live apart, as video_credentials do, so no query that
 * feeds a window can reach them.
 */
export const drones: Migration = {
  version: 30,
  name: 'drones',
  sql: `
CREATE TABLE drones_new (
  id               TEXT PRIMARY KEY,
  callsign         TEXT NOT NULL,
  model            TEXT NOT NULL DEFAULT '',
  stream_url       TEXT,
  codec            TEXT NOT NULL DEFAULT 'unknown' CHECK (codec IN ('h264','h265','unknown')),
  telemetry_source TEXT NOT NULL DEFAULT 'none' CHECK (telemetry_source IN ('klv','hub','none')),
  origin           TEXT NOT NULL CHECK (origin IN ('local','hub')),
  updated_at       INTEGER NOT NULL,
  row_version      INTEGER NOT NULL DEFAULT 1
) STRICT;
INSERT INTO drones_new (id, callsign, stream_url, telemetry_source, origin, updated_at, row_version)
  SELECT id, callsign, stream_url, telemetry_source, origin, updated_at, row_version FROM drones;
DROP TABLE drones;
ALTER TABLE drones_new RENAME TO drones;

CREATE TABLE drone_credentials (
  drone_id TEXT PRIMARY KEY REFERENCES drones(id) ON DELETE CASCADE,
  username TEXT NOT NULL,
  secret   BLOB NOT NULL
) STRICT;
`,
};
