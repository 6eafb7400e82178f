import type { Database } from 'better-sqlite3';
import { prep } from './statements';
import type { Actor } from '../../shared/domain/identity';

export interface AuditEntry {
  action: string;
  targetKind?: string;
  targetId?: string;
  details?: Record<string, unknown>;
}

/** Called inside the writer's transaction, so the action and its audit row commit together. */
export function appendAudit(db: Database, actor: Actor, at: number, entry: AuditEntry): void {
  prep(db, 
    `INSERT INTO audit_log (at, operator_id, operator_name, workstation_id, action, target_kind, target_id, details)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    at,
    actor.operatorId,
    actor.operatorName,
    actor.workstationId,
    entry.action,
    entry.targetKind ?? null,
    entry.targetId ?? null,
    JSON.stringify(entry.details ?? {}),
  );
}
