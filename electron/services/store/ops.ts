// What the store worker can do, as plain functions over the open database. The worker runs
// them; Store (store.ts) exposes the same names to main as promises, typed from this file.
import type Database from 'better-sqlite3';
import type { StoreStatus } from '../../shared/contract/status';
import type { Actor, Language } from '../../shared/domain/identity';
import type { IncidentStatus, NewIncident } from '../../shared/domain/incident';
import { moveAside, openStore } from './open';
import { countRows, listIncidents, listVideoPoints } from './readers';
import { seedDemoIfNew } from './seed';
import { createIncident, readSetting, recordRecovery, setLanguage, upsertOperator } from './writers';

export class StoreUnavailableError extends Error {
  readonly code = 'store-unavailable';
  constructor(status: StoreStatus) {
    super(status.state === 'damaged' ? `database ${status.path} is ${status.reason}: ${status.detail}` : 'database is not open');
    this.name = 'StoreUnavailableError';
  }
}

export class StoreState {
  private db: Database.Database | null = null;
  status: StoreStatus = { state: 'opening' };

  constructor(private readonly file: string) {}

  open(): StoreStatus {
    const result = openStore(this.file);
    if ('db' in result) {
      this.db = result.db;
      this.status = result.status;
    } else {
      this.status = result;
    }
    return this.status;
  }

  /** The database, or an error that tells the operator why there is none. */
  get ready(): Database.Database {
    if (!this.db) throw new StoreUnavailableError(this.status);
    return this.db;
  }

  /** Moves a damaged file aside and opens a fresh one; the new database's audit log records who chose to. */
  recover(actor: Actor): StoreStatus {
    const damaged = this.status;
    if (damaged.state !== 'damaged') return damaged;
    const movedAside = moveAside(this.file);
    const reopened = this.open();
    if (reopened.state === 'ready' && this.db) {
      this.status = { ...reopened, movedAside };
      recordRecovery(this.db, actor, { movedAside, reason: damaged.reason, detail: damaged.detail });
    }
    return this.status;
  }

  close(): void {
    this.db?.close();
    this.db = null;
  }
}

export function createOps(state: StoreState) {
  return {
    status: (): StoreStatus => state.status,
    recover: (a: { actor: Actor }) => state.recover(a.actor),
    registerOperator: (a: { actor: Actor }) => upsertOperator(state.ready, a.actor.operatorId, a.actor.operatorName, 'operator'),
    seedDemoIfNew: (a: { actor: Actor }) => seedDemoIfNew(state.ready, a.actor),
    listIncidents: (a: { statuses?: IncidentStatus[]; limit: number }) => listIncidents(state.ready, a),
    createIncident: (a: { actor: Actor; input: NewIncident }) => createIncident(state.ready, a.actor, a.input),
    listVideoPoints: (a: { limit: number }) => listVideoPoints(state.ready, a),
    getLanguage: (a: { workstationId: string }): Language | null => {
      const v = readSetting(state.ready, a.workstationId, 'language');
      return v === 'zh-CN' || v === 'en' ? v : null;
    },
    setLanguage: (a: { actor: Actor; language: Language }) => setLanguage(state.ready, a.actor, a.language),
    close: () => state.close(),
    counts: () => ({
      incidents: countRows(state.ready, 'incidents'),
      videoPoints: countRows(state.ready, 'video_points'),
      auditRows: countRows(state.ready, 'audit_log'),
    }),
  };
}

export type StoreOps = ReturnType<typeof createOps>;
export type OpName = keyof StoreOps;
