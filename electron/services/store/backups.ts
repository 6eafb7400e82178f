// Online backups of the workstation database into <data>/backups, each checked after it is
// written, and the integrity check of the live database. Runs in the store worker.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupInfo, IntegrityResult, RestoreRefusal } from '../../shared/contract/maintenance';
import { schemaVersion } from './migration';
import { migrations } from './migrations';
import { prep } from './statements';

export const BACKUP_FOLDER = 'backups';
const SCHEDULED = /^vigil-(\d{8})-(\d{6})(?:-\d+)?\.db$/;
const SET_ASIDE = /^vigil-replaced-(\d{8})-(\d{6})(?:-\d+)?\.db$/;
const CHECK_SUFFIX = '.check.json';
const LAST_CHECK_KEY = 'maintenance.integrity';

/** `YYYYMMDD-HHMMSS` in UTC: names sort by time whatever the workstation's time zone. */
export function stamp(at: number): string {
  return new Date(at).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

function parseStamp(day: string, time: string): number {
  return Date.UTC(+day.slice(0, 4), +day.slice(4, 6) - 1, +day.slice(6, 8), +time.slice(0, 2), +time.slice(2, 4), +time.slice(4, 6));
}

/** A free name `<prefix>-<stamp>.db` (a second backup in the same second gets `-2`). */
export function freeName(dir: string, prefix: string, at: number): string {
  const base = `${prefix}-${stamp(at)}`;
  for (let i = 1; ; i++) {
    const name = i === 1 ? `${base}.db` : `${base}-${i}.db`;
    if (!fs.existsSync(path.join(dir, name))) return name;
  }
}

/** `PRAGMA integrity_check` on an open database: "ok", or the first problems it lists. */
export function integrityCheck(db: Database.Database, at: number): IntegrityResult {
  const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
  const found = rows.map((r) => r.integrity_check);
  const ok = found.length === 1 && found[0] === 'ok';
  return { at, ok, detail: ok ? 'ok' : found.slice(0, 5).join('; ') };
}

/** The live database's last check, kept beside its data so the schedule and diagnostics can read it. */
export function recordCheck(db: Database.Database, result: IntegrityResult): void {
  prep(db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(LAST_CHECK_KEY, JSON.stringify(result));
}

export function lastCheck(db: Database.Database): IntegrityResult | null {
  const row = prep(db, 'SELECT value FROM meta WHERE key = ?').get(LAST_CHECK_KEY) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as IntegrityResult) : null;
}

export type Verdict = { ok: true; check: IntegrityResult } | { ok: false; reason: RestoreRefusal; message: string };

/**
 * Whether a file is a database this Vigil can use: opened read-only (never written), fully
 * integrity-checked, and of a schema no newer than this build knows.
 */
export function verifyDatabase(file: string, at: number): Verdict {
  if (!fs.existsSync(file)) return { ok: false, reason: 'not-found', message: `no file ${path.basename(file)}` };
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const check = integrityCheck(db, at);
    if (!check.ok) return { ok: false, reason: 'corrupt', message: check.detail };
    const latest = migrations.at(-1)?.version ?? 0;
    const found = schemaVersion(db);
    if (found > latest) return { ok: false, reason: 'newer-schema', message: `schema ${found} is newer than this Vigil knows (${latest})` };
    return { ok: true, check };
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    const reason = code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT') ? 'corrupt' : 'unreadable';
    return { ok: false, reason, message: `${code} ${(err as Error).message}`.trim() };
  } finally {
    db?.close();
  }
}

/**
 * An online backup of the open database (better-sqlite3's backup API: consistent while the
 * workstation keeps writing), then checked. The check's result is kept beside the file so the
 * list shows it without reading every backup again.
 */
export async function backupDatabase(db: Database.Database, dir: string, at: number): Promise<BackupInfo> {
  fs.mkdirSync(dir, { recursive: true });
  const name = freeName(dir, 'vigil', at);
  const file = path.join(dir, name);
  await db.backup(file);
  selfContained(file);
  const verdict = verifyDatabase(file, Date.now());
  const check: IntegrityResult = verdict.ok ? verdict.check : { at: Date.now(), ok: false, detail: `${verdict.reason}: ${verdict.message}` };
  fs.writeFileSync(file + CHECK_SUFFIX, JSON.stringify(check));
  return { name, kind: 'backup', at, size: fs.statSync(file).size, check };
}

/**
 * The copy keeps the live database's WAL mode, so merely opening it would leave -wal/-shm files
 * beside it; in rollback-journal mode a backup is one file that can be carried or copied alone.
 */
function selfContained(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

/** Every backup and set-aside database in the folder, newest first. */
export function listBackups(dir: string): BackupInfo[] {
  if (!fs.existsSync(dir)) return [];
  const found: BackupInfo[] = [];
  for (const name of fs.readdirSync(dir)) {
    const m = SCHEDULED.exec(name) ?? SET_ASIDE.exec(name);
    if (!m) continue;
    const file = path.join(dir, name);
    found.push({ name, kind: SCHEDULED.test(name) ? 'backup' : 'set-aside', at: parseStamp(m[1]!, m[2]!), size: fs.statSync(file).size, check: readCheck(file) });
  }
  return found.sort(newestFirst);
}

/** Newest first; two made in the same second are told apart by their `-2`, `-3` suffix. */
function newestFirst(a: BackupInfo, b: BackupInfo): number {
  return b.at - a.at || ordinal(b.name) - ordinal(a.name);
}

function ordinal(name: string): number {
  return Number(/-(\d+)\.db$/.exec(name.replace(/^vigil-(replaced-)?\d{8}-\d{6}/, ''))?.[1] ?? 1);
}

function readCheck(file: string): IntegrityResult | null {
  try {
    const raw = JSON.parse(fs.readFileSync(file + CHECK_SUFFIX, 'utf8')) as Partial<IntegrityResult>;
    return typeof raw.at === 'number' && typeof raw.ok === 'boolean' && typeof raw.detail === 'string' ? { at: raw.at, ok: raw.ok, detail: raw.detail } : null;
  } catch {
    return null;
  }
}

/**
 * The backups beyond the newest `keep` (scheduled and manual ones only: a database set aside by
 * a restore is the operator's to delete, never pruned).
 */
export function backupsToPrune(backups: readonly BackupInfo[], keep: number): string[] {
  return backups
    .filter((b) => b.kind === 'backup')
    .sort(newestFirst)
    .slice(keep)
    .map((b) => b.name);
}

export function pruneBackups(dir: string, keep: number): string[] {
  const pruned = backupsToPrune(listBackups(dir), keep);
  for (const name of pruned) {
    for (const suffix of ['', '-wal', '-shm', CHECK_SUFFIX]) fs.rmSync(path.join(dir, name + suffix), { force: true });
  }
  return pruned;
}
