// Putting a backup in place of the live database. The live file is never overwritten: it is
// moved, whole, into the backups folder first. See operations.md, "Restore by a supervisor".
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { freeName } from './backups';
import { prep } from './statements';

/** What the outbox of a database says about the hub's numbering of its actions. */
export interface OutboxNumbering {
  clientId: string | null;
  /** The highest mutation number the hub has answered (answers come in order). */
  answeredUpTo: number;
  /** Actions written here that the hub has not answered yet. */
  unsent: number;
}

export function outboxNumbering(db: Database.Database): OutboxNumbering {
  const client = prep(db, "SELECT value FROM meta WHERE key = 'sync.client_id'").get() as { value: string } | undefined;
  const issued = (prep(db, "SELECT seq FROM sqlite_sequence WHERE name = 'sync_outbox'").get() as { seq: number } | undefined)?.seq ?? 0;
  const firstUnanswered = (prep(db, "SELECT min(seq) AS n FROM sync_outbox WHERE state = 'pending'").get() as { n: number | null }).n;
  const unsent = (prep(db, "SELECT count(*) AS n FROM sync_outbox WHERE state = 'pending'").get() as { n: number }).n;
  return { clientId: client?.value ?? null, answeredUpTo: firstUnanswered === null ? issued : firstUnanswered - 1, unsent };
}

/**
 * After a restore the database numbers its next action from where the backup stopped, but the
 * hub has seen this client's numbers up to `answeredUpTo`: a reused number would be refused as
 * "already used by another action". Moving the counter past what the hub answered keeps new
 * actions flowing; the backup's own waiting actions keep their numbers and the hub answers
 * those already applied with their first result (docs/sync-protocol.md, Push).
 */
export function continueNumbering(db: Database.Database, replaced: OutboxNumbering): { from: number; to: number } | null {
  const here = outboxNumbering(db);
  if (!replaced.clientId || replaced.clientId !== here.clientId) return null;
  const from = (prep(db, "SELECT seq FROM sqlite_sequence WHERE name = 'sync_outbox'").get() as { seq: number } | undefined)?.seq ?? 0;
  if (replaced.answeredUpTo <= from) return null;
  db.transaction(() => {
    const changed = prep(db, "UPDATE sqlite_sequence SET seq = ? WHERE name = 'sync_outbox'").run(replaced.answeredUpTo).changes;
    if (!changed) prep(db, "INSERT INTO sqlite_sequence (name, seq) VALUES ('sync_outbox', ?)").run(replaced.answeredUpTo);
  }).immediate();
  return { from, to: replaced.answeredUpTo };
}

/** Moves the closed database and its -wal/-shm into `dir` as `vigil-replaced-<time>.db`; returns that name. */
export function setAside(file: string, dir: string, at: number): string {
  fs.mkdirSync(dir, { recursive: true });
  const name = freeName(dir, 'vigil-replaced', at);
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, path.join(dir, name + suffix));
  }
  return name;
}

/** Undoes setAside when the restored copy could not be opened: the operator keeps what they had. */
export function putBack(file: string, dir: string, name: string): void {
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, `${file}.restore-failed-${name}${suffix}`);
    if (fs.existsSync(path.join(dir, name + suffix))) fs.renameSync(path.join(dir, name + suffix), file + suffix);
  }
}
