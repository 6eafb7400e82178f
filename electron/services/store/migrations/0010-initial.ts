import type { Migration } from '../migration';

/**
 * The first schema: the data outline of the design brief. Conventions:
 * - STRICT tables; ids are UUIDv7 text (time-ordered, made offline without a hub);
 * - times are epoch milliseconds UTC, coordinates WGS-84 degrees;
 * - JSON columns are checked with json_valid;
 * - chronology and audit are append-only, enforced by triggers, not by convention.
 */
export const initial: Migration = {
  version: 10,
  name: 'initial',
  sql: `
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE operators (
  id           TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  role         TEXT NOT NULL CHECK (role IN ('operator','supervisor','wall','viewer','system')),
  created_at   INTEGER NOT NULL
) STRICT;

CREATE TABLE incidents (
  id          TEXT PRIMARY KEY,
  type        TEXT NOT NULL,
  priority    INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 4),
  status      TEXT NOT NULL CHECK (status IN ('new','dispatched','en_route','on_scene','closed','cancelled')),
  lat         REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lon         REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
  address     TEXT NOT NULL,
  district    TEXT NOT NULL DEFAULT '',
  summary     TEXT NOT NULL DEFAULT '',
  reporter    TEXT NOT NULL DEFAULT '',
  exercise    INTEGER NOT NULL DEFAULT 0 CHECK (exercise IN (0,1)),
  origin      TEXT NOT NULL CHECK (origin IN ('local','hub')),
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  closed_at   INTEGER,
  row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version >= 1)
) STRICT;
CREATE INDEX incidents_by_status_time ON incidents (status, created_at DESC);
CREATE INDEX incidents_by_time ON incidents (created_at DESC);

CREATE TABLE incident_events (
  id             TEXT PRIMARY KEY,
  incident_id    TEXT NOT NULL REFERENCES incidents(id),
  kind           TEXT NOT NULL CHECK (kind IN ('created','status','note','assign','release','plan_step','merge')),
  payload        TEXT NOT NULL CHECK (json_valid(payload)),
  operator_id    TEXT NOT NULL,
  operator_name  TEXT NOT NULL,
  workstation_id TEXT NOT NULL,
  at             INTEGER NOT NULL
) STRICT;
CREATE INDEX incident_events_by_incident ON incident_events (incident_id, at);
CREATE TRIGGER incident_events_append_only_update BEFORE UPDATE ON incident_events
BEGIN SELECT RAISE(ABORT, 'incident_events is append-only'); END;
CREATE TRIGGER incident_events_append_only_delete BEFORE DELETE ON incident_events
BEGIN SELECT RAISE(ABORT, 'incident_events is append-only'); END;

CREATE TABLE units (
  id           TEXT PRIMARY KEY,
  callsign     TEXT NOT NULL UNIQUE,
  kind         TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('available','dispatched','en_route','on_scene','returning','off_duty')),
  lat          REAL CHECK (lat BETWEEN -90 AND 90),
  lon          REAL CHECK (lon BETWEEN -180 AND 180),
  status_since INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL,
  row_version  INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE incident_units (
  incident_id TEXT NOT NULL REFERENCES incidents(id),
  unit_id     TEXT NOT NULL REFERENCES units(id),
  assigned_at INTEGER NOT NULL,
  released_at INTEGER,
  PRIMARY KEY (incident_id, unit_id, assigned_at)
) STRICT;

CREATE TABLE video_points (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  lat         REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lon         REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
  heading_deg REAL CHECK (heading_deg >= 0 AND heading_deg < 360),
  fov_deg     REAL CHECK (fov_deg > 0 AND fov_deg <= 360),
  range_m     REAL CHECK (range_m > 0),
  main_url    TEXT,
  sub_url     TEXT,
  codec       TEXT NOT NULL DEFAULT 'unknown' CHECK (codec IN ('h264','h265','unknown')),
  ptz         INTEGER NOT NULL DEFAULT 0 CHECK (ptz IN (0,1)),
  department  TEXT NOT NULL DEFAULT '',
  district    TEXT NOT NULL DEFAULT '',
  online      INTEGER NOT NULL DEFAULT 1 CHECK (online IN (0,1)),
  origin      TEXT NOT NULL CHECK (origin IN ('local','hub')),
  updated_at  INTEGER NOT NULL,
  row_version INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX video_points_by_position ON video_points (lat, lon);

-- Credentials live apart from the catalogue so no query that feeds a window can reach them.
CREATE TABLE video_credentials (
  video_point_id TEXT PRIMARY KEY REFERENCES video_points(id) ON DELETE CASCADE,
  username       TEXT NOT NULL,
  secret         BLOB NOT NULL
) STRICT;

CREATE TABLE drones (
  id               TEXT PRIMARY KEY,
  callsign         TEXT NOT NULL UNIQUE,
  stream_url       TEXT,
  telemetry_source TEXT NOT NULL DEFAULT 'none' CHECK (telemetry_source IN ('klv','hub','none')),
  origin           TEXT NOT NULL CHECK (origin IN ('local','hub')),
  updated_at       INTEGER NOT NULL,
  row_version      INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE plans (
  id            TEXT PRIMARY KEY,
  incident_type TEXT NOT NULL,
  name          TEXT NOT NULL,
  version       INTEGER NOT NULL DEFAULT 1,
  updated_at    INTEGER NOT NULL
) STRICT;
CREATE TABLE plan_steps (
  plan_id  TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  ordinal  INTEGER NOT NULL CHECK (ordinal >= 1),
  text     TEXT NOT NULL,
  required INTEGER NOT NULL DEFAULT 1 CHECK (required IN (0,1)),
  PRIMARY KEY (plan_id, ordinal)
) STRICT;

CREATE TABLE workspace_settings (
  workstation_id TEXT NOT NULL,
  key            TEXT NOT NULL,
  value          TEXT NOT NULL CHECK (json_valid(value)),
  updated_at     INTEGER NOT NULL,
  PRIMARY KEY (workstation_id, key)
) STRICT;
CREATE TABLE workspace_displays (
  workstation_id TEXT NOT NULL,
  display_key    TEXT NOT NULL,
  role           TEXT NOT NULL CHECK (role IN ('console','map','video','wall')),
  bounds         TEXT NOT NULL CHECK (json_valid(bounds)),
  PRIMARY KEY (workstation_id, display_key)
) STRICT;

CREATE TABLE walls (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  rows       INTEGER NOT NULL CHECK (rows >= 1),
  cols       INTEGER NOT NULL CHECK (cols >= 1),
  model      TEXT NOT NULL CHECK (json_valid(model)),
  updated_at INTEGER NOT NULL
) STRICT;
CREATE TABLE wall_layouts (
  id         TEXT PRIMARY KEY,
  wall_id    TEXT NOT NULL REFERENCES walls(id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  definition TEXT NOT NULL CHECK (json_valid(definition)),
  updated_at INTEGER NOT NULL
) STRICT;
CREATE TABLE wall_presets (
  id         TEXT PRIMARY KEY,
  wall_id    TEXT NOT NULL REFERENCES walls(id) ON DELETE CASCADE,
  layout_id  TEXT NOT NULL REFERENCES wall_layouts(id),
  name       TEXT NOT NULL,
  sources    TEXT NOT NULL CHECK (json_valid(sources)),
  updated_at INTEGER NOT NULL
) STRICT;
CREATE TABLE wall_tours (
  id         TEXT PRIMARY KEY,
  wall_id    TEXT NOT NULL REFERENCES walls(id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  steps      TEXT NOT NULL CHECK (json_valid(steps)),
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE audit_log (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  at             INTEGER NOT NULL,
  operator_id    TEXT NOT NULL,
  operator_name  TEXT NOT NULL,
  workstation_id TEXT NOT NULL,
  action         TEXT NOT NULL,
  target_kind    TEXT,
  target_id      TEXT,
  details        TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details))
) STRICT;
CREATE INDEX audit_log_by_time ON audit_log (at);
CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- Sync state. The engine that fills these arrives with the hub; the shape is fixed now so
-- that every operator action can already be written as one transaction with its outbox row.
CREATE TABLE sync_cursors (
  stream     TEXT PRIMARY KEY CHECK (stream IN ('incidents','video_points','drones','units')),
  cursor     TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE TABLE sync_outbox (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  mutation_id TEXT NOT NULL UNIQUE,
  kind        TEXT NOT NULL,
  payload     TEXT NOT NULL CHECK (json_valid(payload)),
  created_at  INTEGER NOT NULL,
  attempts    INTEGER NOT NULL DEFAULT 0,
  last_error  TEXT
) STRICT;
CREATE TABLE sync_rejections (
  mutation_id TEXT PRIMARY KEY,
  kind        TEXT NOT NULL,
  payload     TEXT NOT NULL CHECK (json_valid(payload)),
  reason      TEXT NOT NULL,
  at          INTEGER NOT NULL
) STRICT;
`,
};
