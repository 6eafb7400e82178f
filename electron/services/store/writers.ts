// The only code that changes the database. Each writer is one transaction that records the
// change, its chronology event where there is one, and the audit row of the operator action.
import type { Database } from 'better-sqlite3';
import { prep } from './statements';
import { v7 as uuidv7 } from 'uuid';
import type { Actor, Language } from '../../shared/domain/identity';
import { appendAudit } from './audit';

export interface Clock {
  now(): number;
}
export const systemClock: Clock = { now: () => Date.now() };

export function appendIncidentEvent(
  db: Database,
  actor: Actor,
  at: number,
  incidentId: string,
  kind: 'created' | 'status' | 'note' | 'assign' | 'release' | 'plan_step' | 'merge',
  payload: Record<string, unknown>,
): void {
  prep(db, 
    `INSERT INTO incident_events (id, incident_id, kind, payload, operator_id, operator_name, workstation_id, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(uuidv7(), incidentId, kind, JSON.stringify(payload), actor.operatorId, actor.operatorName, actor.workstationId, at);
}

export function setLanguage(db: Database, actor: Actor, language: Language, clock: Clock = systemClock): void {
  writeSetting(db, actor, 'language', language, 'workspace.language', clock);
}

/**
 * One workstation setting (JSON) and its audit row, with what it was before, in one transaction.
 * `action` names the change in the audit log.
 */
export function writeSetting(db: Database, actor: Actor, key: string, value: unknown, action: string, clock: Clock = systemClock): void {
  db.transaction(() => {
    const at = clock.now();
    const before = readSetting(db, actor.workstationId, key);
    prep(db, 
      `INSERT INTO workspace_settings (workstation_id, key, value, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (workstation_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    ).run(actor.workstationId, key, JSON.stringify(value), at);
    appendAudit(db, actor, at, { action, targetKind: 'workstation', targetId: actor.workstationId, details: { from: before ?? null, to: value } });
  }).immediate();
}

/**
 * A setting too large to copy into its audit row on every change (the wall with its history):
 * stored whole, audited by what changed.
 */
export function writeLargeSetting(db: Database, actor: Actor, key: string, value: unknown, audit: { action: string; targetKind: string; targetId: string; details: Record<string, unknown> }, clock: Clock = systemClock): void {
  db.transaction(() => {
    const at = clock.now();
    prep(db, 
      `INSERT INTO workspace_settings (workstation_id, key, value, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (workstation_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    ).run(actor.workstationId, key, JSON.stringify(value), at);
    appendAudit(db, actor, at, audit);
  }).immediate();
}

export function readSetting(db: Database, workstationId: string, key: string): unknown {
  const row = prep(db, 'SELECT value FROM workspace_settings WHERE workstation_id = ? AND key = ?').get(workstationId, key) as
    | { value: string }
    | undefined;
  return row ? (JSON.parse(row.value) as unknown) : undefined;
}

/** Records who is working at this workstation; the operators table feeds sign-in later. */
export function upsertOperator(db: Database, id: string, displayName: string, role: 'operator' | 'system', clock: Clock = systemClock): void {
  prep(db, 
    `INSERT INTO operators (id, display_name, role, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name`,
  ).run(id, displayName, role, clock.now());
}

/** The first rows of a database started afresh: who is here, and that they chose to move the damaged one aside. */
export function recordRecovery(db: Database, actor: Actor, what: { movedAside: string; reason: string; detail: string }, clock: Clock = systemClock): void {
  db.transaction(() => {
    upsertOperator(db, actor.operatorId, actor.operatorName, 'operator', clock);
    appendAudit(db, actor, clock.now(), { action: 'store.recover', targetKind: 'database', details: what });
  }).immediate();
}

/** The operator has read a rejection: it leaves the list; the audit log keeps that it was seen. */
export function dismissRejection(db: Database, actor: Actor, mutationId: string, clock: Clock = systemClock): void {
  db.transaction(() => {
    const at = clock.now();
    if (prep(db, 'UPDATE sync_rejections SET dismissed_at = ? WHERE mutation_id = ? AND dismissed_at IS NULL').run(at, mutationId).changes) {
      appendAudit(db, actor, at, { action: 'sync.dismiss-rejection', targetKind: 'mutation', targetId: mutationId });
    }
  }).immediate();
}

export function recordAction(db: Database, actor: Actor, action: string, details: Record<string, unknown>, clock: Clock = systemClock): void {
  db.transaction(() => appendAudit(db, actor, clock.now(), { action, details })).immediate();
}

/**
 * What a window shows (its view, grid, selection): kept on every change without an audit row —
 * it is where the operator looks, not an action, and would bury the audit log.
 */
export function writeViewState(db: Database, workstationId: string, key: string, value: unknown, clock: Clock = systemClock): void {
  prep(db,
    `INSERT INTO workspace_settings (workstation_id, key, value, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (workstation_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(workstationId, key, JSON.stringify(value), clock.now());
}
