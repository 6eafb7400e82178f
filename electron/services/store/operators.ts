// The workstation's side of sign-in: the offline copy of credentials, failed attempts and the
// lockout, sign-in/out and hand-over records — each change with its audit row, in one transaction.
import type { Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '../../shared/domain/identity';
import type { Role } from '../../shared/domain/operator';
import { appendAudit } from './audit';
import { listIncidents } from './overlay';
import { prep } from './statements';
import { upsertOperator } from './writers';

export interface CachedCredentials {
  username: string;
  operatorId: string;
  name: string;
  role: Role;
  passwordHash: string;
}

/** Failures allowed before the name is locked; each further failure doubles the wait. */
export const LOCK_AFTER = 5;
export const LOCK_BASE_MS = 30_000;
export const LOCK_MAX_MS = 15 * 60_000;

export function lockWait(failures: number): number {
  return failures < LOCK_AFTER ? 0 : Math.min(LOCK_MAX_MS, LOCK_BASE_MS * 2 ** (failures - LOCK_AFTER));
}

export function cachedCredentials(db: Database, username: string): CachedCredentials | null {
  const row = prep(db, 'SELECT username, operator_id, display_name, role, password_hash FROM operator_credentials WHERE username = ?').get(username) as
    | { username: string; operator_id: string; display_name: string; role: Role; password_hash: string }
    | undefined;
  return row ? { username: row.username, operatorId: row.operator_id, name: row.display_name, role: row.role, passwordHash: row.password_hash } : null;
}

/** Until when this name is locked (0: not locked). */
export function lockedUntil(db: Database, username: string): number {
  const row = prep(db, 'SELECT locked_until FROM sign_in_failures WHERE username = ?').get(username) as { locked_until: number | null } | undefined;
  return row?.locked_until ?? 0;
}

/** A refused sign-in: counted toward the lockout and audited; nothing else changes. */
export function recordSignInFailure(db: Database, a: { username: string; workstationId: string; reason: string; via: 'hub' | 'cache'; at: number }): { failures: number; lockedUntil: number } {
  return db.transaction(() => {
    const prev = prep(db, 'SELECT failures FROM sign_in_failures WHERE username = ?').get(a.username) as { failures: number } | undefined;
    const failures = (prev?.failures ?? 0) + 1;
    const wait = lockWait(failures);
    const until = wait ? a.at + wait : null;
    prep(db, `INSERT INTO sign_in_failures (username, failures, last_at, locked_until) VALUES (?, ?, ?, ?)
              ON CONFLICT (username) DO UPDATE SET failures = excluded.failures, last_at = excluded.last_at, locked_until = excluded.locked_until`).run(a.username, failures, a.at, until);
    const who: Actor = { operatorId: `attempt:${a.username}`, operatorName: a.username, workstationId: a.workstationId };
    appendAudit(db, who, a.at, { action: 'session.sign-in-refused', targetKind: 'operator', targetId: a.username, details: { reason: a.reason, via: a.via, failures, lockedUntil: until } });
    return { failures, lockedUntil: until ?? 0 };
  }).immediate();
}

/** A locked name asked again: audited, the lock is not extended (that would let anyone keep a colleague out). */
export function recordLockedAttempt(db: Database, a: { username: string; workstationId: string; at: number; lockedUntil: number }): void {
  const who: Actor = { operatorId: `attempt:${a.username}`, operatorName: a.username, workstationId: a.workstationId };
  db.transaction(() => appendAudit(db, who, a.at, { action: 'session.sign-in-refused', targetKind: 'operator', targetId: a.username, details: { reason: 'locked', lockedUntil: a.lockedUntil } })).immediate();
}

/**
 * A sign-in that succeeded: failures forgotten, the operator recorded with the role, the
 * credentials cached when the hub checked them (so this desk can sign them in offline), audited.
 */
export function recordSignIn(db: Database, a: { actor: Actor; username: string; role: Role; via: 'hub' | 'cache'; passwordHash: string | null; at: number; action?: string; details?: Record<string, unknown> }): void {
  db.transaction(() => {
    prep(db, 'DELETE FROM sign_in_failures WHERE username = ?').run(a.username);
    upsertOperator(db, a.actor.operatorId, a.actor.operatorName, 'operator');
    prep(db, 'UPDATE operators SET role = ?, display_name = ? WHERE id = ?').run(a.role, a.actor.operatorName, a.actor.operatorId);
    if (a.passwordHash) {
      prep(db, `INSERT INTO operator_credentials (username, operator_id, display_name, role, password_hash, cached_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (username) DO UPDATE SET operator_id = excluded.operator_id, display_name = excluded.display_name, role = excluded.role,
                  password_hash = excluded.password_hash, cached_at = excluded.cached_at`).run(a.username, a.actor.operatorId, a.actor.operatorName, a.role, a.passwordHash, a.at);
    }
    appendAudit(db, a.actor, a.at, { action: a.action ?? 'session.sign-in', targetKind: 'operator', targetId: a.username, details: { role: a.role, via: a.via, ...a.details } });
  }).immediate();
}

/** The hub no longer knows this name (or refused it for good): the offline copy goes too. */
export function forgetCredentials(db: Database, username: string): void {
  prep(db, 'DELETE FROM operator_credentials WHERE username = ?').run(username);
}

/**
 * Shift hand-over: the record (note, the incidents open at this moment) and its audit row, then
 * the incoming operator's sign-in, in one transaction.
 */
export function recordHandOver(db: Database, a: { from: Actor | null; to: Actor; username: string; role: Role; via: 'hub' | 'cache'; passwordHash: string | null; note: string; at: number }): { id: string; openIncidents: string[] } {
  return db.transaction(() => {
    const open = listIncidents(db, { statuses: ['new', 'dispatched', 'en_route', 'on_scene'], limit: 5000 }).map((i) => i.id);
    const id = uuidv7();
    prep(db, `INSERT INTO handovers (id, at, workstation_id, from_operator_id, from_operator_name, to_operator_id, to_operator_name, note, open_incidents)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(id, a.at, a.to.workstationId, a.from?.operatorId ?? null, a.from?.operatorName ?? null, a.to.operatorId, a.to.operatorName, a.note, JSON.stringify(open));
    if (a.from) appendAudit(db, a.from, a.at, { action: 'session.hand-over', targetKind: 'handover', targetId: id, details: { to: a.to.operatorName, note: a.note, openIncidents: open.length } });
    recordSignIn(db, { actor: a.to, username: a.username, role: a.role, via: a.via, passwordHash: a.passwordHash, at: a.at, action: 'session.take-over', details: { handover: id, from: a.from?.operatorName ?? null } });
    return { id, openIncidents: open };
  }).immediate();
}
