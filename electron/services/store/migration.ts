import type { Database } from 'better-sqlite3';

export interface Migration {
  /** Numbered in steps of 10 so a fix can slot in between; stored in PRAGMA user_version. */
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export class NewerSchemaError extends Error {
  constructor(readonly found: number, readonly known: number) {
    super(`database schema ${found} is newer than this Vigil understands (${known}); refusing to open it`);
    this.name = 'NewerSchemaError';
  }
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the database to the newest schema. All pending migrations and the version bump run in
 * one transaction: a failure leaves the file exactly as it was. A newer database is refused
 * before anything is written, so an older Vigil can never damage a newer one's data.
 */
export function migrate(db: Database, migrations: readonly Migration[]): { from: number; to: number } {
  assertOrdered(migrations);
  const latest = migrations.at(-1)?.version ?? 0;
  const from = schemaVersion(db);
  if (from > latest) throw new NewerSchemaError(from, latest);
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from };
  db.transaction(() => {
    for (const m of pending) db.exec(m.sql);
    db.pragma(`user_version = ${latest}`);
  }).immediate();
  return { from, to: latest };
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (!Number.isInteger(m.version) || m.version <= 0) throw new Error(`migration ${m.name}: bad version ${m.version}`);
    const prev = migrations[i - 1];
    if (prev && prev.version >= m.version) throw new Error(`migrations out of order at ${m.version} (${m.name})`);
  });
}
