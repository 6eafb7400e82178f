// Reading the audit log for a supervisor: filtered rows for the view, and the same rows as CSV
// for Excel (UTF-8 with a BOM, which Excel needs to read Chinese text as UTF-8).
import type { Database } from 'better-sqlite3';
import { AUDIT_EXPORT_MAX_ROWS, type AuditFilter, type AuditRow } from '../../shared/domain/audit';

function where(f: AuditFilter): { sql: string; args: (string | number)[] } {
  const parts: string[] = [];
  const args: (string | number)[] = [];
  const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  if (f.operator) {
    parts.push("(operator_name LIKE ? ESCAPE '\\' OR operator_id LIKE ? ESCAPE '\\')");
    args.push(like(f.operator), like(f.operator));
  }
  if (f.action) {
    parts.push("action LIKE ? ESCAPE '\\'");
    args.push(like(f.action));
  }
  if (f.from !== undefined) {
    parts.push('at >= ?');
    args.push(f.from);
  }
  if (f.to !== undefined) {
    parts.push('at <= ?');
    args.push(f.to);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', args };
}

type Raw = { id: number; at: number; operator_id: string; operator_name: string; workstation_id: string; action: string; target_kind: string | null; target_id: string | null; details: string };
const toRow = (r: Raw): AuditRow => ({ id: r.id, at: r.at, operatorId: r.operator_id, operatorName: r.operator_name, workstationId: r.workstation_id, action: r.action, targetKind: r.target_kind, targetId: r.target_id, details: r.details });

/** Newest first; `total` counts every row the filter matches. */
export function listAudit(db: Database, f: AuditFilter & { limit: number }): { rows: AuditRow[]; total: number } {
  const w = where(f);
  // Built per filter shape: not cached with prep(), the shapes are few and this is a supervisor's view.
  const rows = db.prepare(`SELECT * FROM audit_log ${w.sql} ORDER BY at DESC, id DESC LIMIT ?`).all(...w.args, f.limit) as Raw[];
  const total = (db.prepare(`SELECT count(*) AS n FROM audit_log ${w.sql}`).get(...w.args) as { n: number }).n;
  return { rows: rows.map(toRow), total };
}

const BOM = '\uFEFF';
const HEADER = ['time_utc', 'operator_id', 'operator_name', 'workstation', 'action', 'target_kind', 'target_id', 'details'];

/**
 * One CSV field. Quoted when it holds a separator, quote or line break; a leading = + - @ is
 * prefixed with ' so a spreadsheet never runs text an operator typed as a formula.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Oldest first, as an auditor reads it. */
export function exportAudit(db: Database, f: AuditFilter): { csv: string; rows: number } {
  const w = where(f);
  const rows = db.prepare(`SELECT * FROM audit_log ${w.sql} ORDER BY at, id LIMIT ?`).all(...w.args, AUDIT_EXPORT_MAX_ROWS) as Raw[];
  const lines = [HEADER.join(',')];
  for (const r of rows) {
    lines.push([new Date(r.at).toISOString(), r.operator_id, r.operator_name, r.workstation_id, r.action, r.target_kind ?? '', r.target_id ?? '', r.details].map(csvField).join(','));
  }
  return { csv: BOM + lines.join('\r\n') + '\r\n', rows: rows.length };
}
