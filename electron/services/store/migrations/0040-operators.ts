import type { Migration } from '../migration';

/**
 * Operators at the workstation: the offline copy of each operator's credentials (a scrypt hash
 * and the role, cached after a sign-in the hub checked), failed sign-ins for the lockout, and
 * the shift hand-overs. Hand-overs, like chronology and audit, are append-only.
 */
export const operators: Migration = {
  version: 40,
  name: 'operators',
  sql: `
CREATE TABLE operator_credentials (
  username      TEXT PRIMARY KEY,
  operator_id   TEXT NOT NULL,
  display_name  TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('operator','supervisor','wall','viewer')),
  password_hash TEXT NOT NULL CHECK (password_hash LIKE 'scrypt$%'),
  cached_at     INTEGER NOT NULL
) STRICT;

CREATE TABLE sign_in_failures (
  username     TEXT PRIMARY KEY,
  failures     INTEGER NOT NULL CHECK (failures >= 1),
  last_at      INTEGER NOT NULL,
  locked_until INTEGER
) STRICT;

CREATE TABLE handovers (
  id                 TEXT PRIMARY KEY,
  at                 INTEGER NOT NULL,
  workstation_id     TEXT NOT NULL,
  from_operator_id   TEXT,
  from_operator_name TEXT,
  to_operator_id     TEXT NOT NULL,
  to_operator_name   TEXT NOT NULL,
  note               TEXT NOT NULL,
  open_incidents     TEXT NOT NULL CHECK (json_valid(open_incidents))
) STRICT;
CREATE INDEX handovers_by_time ON handovers (at);
CREATE TRIGGER handovers_append_only_update BEFORE UPDATE ON handovers
BEGIN SELECT RAISE(ABORT, 'handovers is append-only'); END;
CREATE TRIGGER handovers_append_only_delete BEFORE DELETE ON handovers
BEGIN SELECT RAISE(ABORT, 'handovers is append-only'); END;

CREATE INDEX audit_log_by_operator ON audit_log (operator_name, at);
`,
};
