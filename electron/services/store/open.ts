import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { StoreStatus } from '../../shared/contract/status';
import { migrate, NewerSchemaError, schemaVersion } from './migration';
import { migrations } from './migrations';

export type Opened = { db: Database.Database; status: Extract<StoreStatus, { state: 'ready' }> };
export type Damaged = Extract<StoreStatus, { state: 'damaged' }>;

/**
 * Opens the workstation database, or reports why it cannot be trusted. A file that already
 * exists is first examined read-only, so a damaged database is never written to: the operator
 * decides what happens to it (see moveAside).
 */
export function openStore(file: string): Opened | Damaged {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (fs.existsSync(file) && fs.statSync(file).size > 0) {
    const problem = examine(file);
    if (problem) return problem;
  }
  const db = new Database(file);
  try {
    // WAL lets readers run beside the writer; FULL makes every commit reach the disk before the
    // operator is told "saved" — an OS crash or power loss must not take back a dispatch.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Deleted or overwritten content is zeroed, so a password sealed in place leaves no plaintext page behind.
    db.pragma('secure_delete = ON');
    const { to } = migrate(db, migrations);
    return { db, status: { state: 'ready', schemaVersion: to, path: file } };
  } catch (err) {
    db.close();
    if (err instanceof NewerSchemaError) return damaged(file, 'newer-schema', err.message);
    throw err;
  }
}

function examine(file: string): Damaged | null {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
    const verdict = rows.map((r) => r.quick_check);
    if (verdict.length !== 1 || verdict[0] !== 'ok') return damaged(file, 'corrupt', verdict.slice(0, 5).join('; '));
    const latest = migrations.at(-1)?.version ?? 0;
    const found = schemaVersion(db);
    if (found > latest) return damaged(file, 'newer-schema', new NewerSchemaError(found, latest).message);
    return null;
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    const reason = code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT') ? 'corrupt' : 'unreadable';
    return damaged(file, reason, `${code} ${(err as Error).message}`.trim());
  } finally {
    db?.close();
  }
}

function damaged(file: string, reason: Damaged['reason'], detail: string): Damaged {
  return { state: 'damaged', path: file, reason, detail };
}

/**
 * Renames the database and its WAL and shared-memory files to `<name>.damaged-<time>`, keeping
 * every byte for later forensics or recovery. Returns the new path of the main file.
 */
export function moveAside(file: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = `${file}.damaged-${stamp}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, target + suffix);
  }
  return target;
}
