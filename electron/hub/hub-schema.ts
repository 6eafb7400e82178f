import type { Migration } from '../services/store/migration';

/**
 * The hub's own database. Rows mirror the wire forms (electron/shared/sync/protocol.ts).
 * change_log holds every committed change with a per-stream sequence assigned inside the
 * committing transaction by the hub's single writer, so sequence order is commit order.
 */
export const hubMigrations: readonly Migration[] = [
  {
    version: 10,
    name: 'hub-initial',
    sql: `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE workstations (
  id          TEXT PRIMARY KEY,
  secret_hash TEXT NOT NULL,
  created_at  INTEGER NOT NULL
) STRICT;
-- One row per workstation database. last_n: the highest mutation applied, in the same
-- transaction as its effects.
CREATE TABLE clients (
  client_id      TEXT PRIMARY KEY,
  workstation_id TEXT NOT NULL,
  last_n         INTEGER NOT NULL DEFAULT 0,
  first_seen     INTEGER NOT NULL,
  last_seen      INTEGER NOT NULL,
  skew_ms        INTEGER
) STRICT;
-- The outcome of every mutation, kept so a duplicate gets the original answer back.
CREATE TABLE mutation_results (
  client_id   TEXT NOT NULL,
  n           INTEGER NOT NULL,
  mutation_id TEXT NOT NULL,
  kind        TEXT NOT NULL,
  outcome     TEXT NOT NULL CHECK (outcome IN ('applied','rejected')),
  reason      TEXT,
  seq         INTEGER NOT NULL,
  at          INTEGER NOT NULL
) STRICT;
CREATE INDEX mutation_results_by_client ON mutation_results (client_id, n);
CREATE TABLE stream_heads (
  stream TEXT PRIMARY KEY,
  head   INTEGER NOT NULL,
  floor  INTEGER NOT NULL
) STRICT;
INSERT INTO stream_heads VALUES ('incidents', 0, 0), ('video_points', 0, 0);
CREATE TABLE change_log (
  stream TEXT NOT NULL,
  seq    INTEGER NOT NULL,
  entity TEXT NOT NULL,
  op     TEXT NOT NULL CHECK (op IN ('upsert','delete')),
  row    TEXT NOT NULL CHECK (json_valid(row)),
  PRIMARY KEY (stream, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE units (
  id TEXT PRIMARY KEY, callsign TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, status TEXT NOT NULL,
  lat REAL, lon REAL, status_since INTEGER NOT NULL, updated_at INTEGER NOT NULL, row_version INTEGER NOT NULL
) STRICT;
CREATE TABLE incidents (
  id TEXT PRIMARY KEY, type TEXT NOT NULL, priority INTEGER NOT NULL, status TEXT NOT NULL,
  lat REAL NOT NULL, lon REAL NOT NULL, address TEXT NOT NULL, district TEXT NOT NULL, summary TEXT NOT NULL,
  exercise INTEGER NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, closed_at INTEGER,
  row_version INTEGER NOT NULL
) STRICT;
CREATE TABLE events (
  id TEXT PRIMARY KEY, incident_id TEXT NOT NULL REFERENCES incidents(id), kind TEXT NOT NULL,
  payload TEXT NOT NULL CHECK (json_valid(payload)), operator_id TEXT NOT NULL, operator_name TEXT NOT NULL,
  workstation_id TEXT NOT NULL, at INTEGER NOT NULL, seq INTEGER NOT NULL
) STRICT;
CREATE TABLE assignments (
  key TEXT PRIMARY KEY, incident_id TEXT NOT NULL REFERENCES incidents(id), unit_id TEXT NOT NULL REFERENCES units(id),
  assigned_at INTEGER NOT NULL, released_at INTEGER,
  seq INTEGER NOT NULL -- the change that created it: a snapshot as of S lists only those up to S
) STRICT;
CREATE INDEX assignments_open ON assignments (unit_id) WHERE released_at IS NULL;
CREATE INDEX events_by_seq ON events (seq);
CREATE INDEX assignments_by_seq ON assignments (seq);
CREATE TABLE conflicts (
  id TEXT PRIMARY KEY, incident_id TEXT NOT NULL REFERENCES incidents(id), field TEXT NOT NULL,
  kept TEXT NOT NULL, discarded TEXT NOT NULL, operator_name TEXT NOT NULL, workstation_id TEXT NOT NULL,
  at INTEGER NOT NULL, seq INTEGER NOT NULL
) STRICT;
CREATE INDEX conflicts_by_seq ON conflicts (seq);
CREATE TABLE plans (
  id TEXT PRIMARY KEY, incident_type TEXT NOT NULL, name TEXT NOT NULL, version INTEGER NOT NULL,
  steps TEXT NOT NULL CHECK (json_valid(steps)), updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX plans_by_type ON plans (incident_type);
CREATE TABLE video_points (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL, heading_deg REAL, fov_deg REAL,
  range_m REAL, main_url TEXT, sub_url TEXT, codec TEXT NOT NULL, ptz INTEGER NOT NULL, department TEXT NOT NULL,
  district TEXT NOT NULL, online INTEGER NOT NULL, updated_at INTEGER NOT NULL, row_version INTEGER NOT NULL
) STRICT;
`,
  },
  {
    version: 20,
    name: 'hub-drones',
    sql: `
-- Drone records (docs/drones.md), sent in the video_points stream. The stream address holds no
-- credentials; those live apart, as a camera's do on a workstation.
CREATE TABLE drones (
  id TEXT PRIMARY KEY, callsign TEXT NOT NULL UNIQUE, model TEXT NOT NULL DEFAULT '', stream_url TEXT,
  codec TEXT NOT NULL DEFAULT 'unknown', telemetry TEXT NOT NULL CHECK (telemetry IN ('klv','hub','none')),
  updated_at INTEGER NOT NULL, row_version INTEGER NOT NULL
) STRICT;
CREATE TABLE drone_credentials (
  drone_id TEXT PRIMARY KEY REFERENCES drones(id) ON DELETE CASCADE,
  username TEXT NOT NULL, secret TEXT NOT NULL
) STRICT;
-- What travels: the record with its credentials, for the snapshot and the change log alike.
CREATE VIEW drones_wire AS
  SELECT d.*, c.username AS username, c.secret AS secret FROM drones d LEFT JOIN drone_credentials c ON c.drone_id = d.id;
`,
  },
  // Operators who sign in at workstations (electron/hub/hub-operators.ts); version 40 to leave room for other hub steps.
  {
    version: 40,
    name: 'hub-operators',
    sql: `
CREATE TABLE operators (
  id                  TEXT PRIMARY KEY,
  username            TEXT NOT NULL UNIQUE,
  display_name        TEXT NOT NULL,
  role                TEXT NOT NULL CHECK (role IN ('operator','supervisor','wall','viewer')),
  password_hash       TEXT NOT NULL,
  disabled            INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0,1)),
  created_at          INTEGER NOT NULL,
  password_changed_at INTEGER NOT NULL
) STRICT;
-- Only a hash of each token: a copy of hub.db does not let anyone act as a signed-in operator.
CREATE TABLE operator_tokens (
  token_hash     TEXT PRIMARY KEY,
  operator_id    TEXT NOT NULL REFERENCES operators(id),
  workstation_id TEXT NOT NULL,
  issued_at      INTEGER NOT NULL,
  expires_at     INTEGER NOT NULL
) STRICT;
CREATE INDEX operator_tokens_by_operator ON operator_tokens (operator_id);
`,
  },
];
