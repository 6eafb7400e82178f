// What the store worker can do, as plain functions over the open database. The worker runs
// them; Store (store.ts) exposes the same names to main as promises, typed from this file.
import type Database from 'better-sqlite3';
import type { StoreStatus } from '../../shared/contract/status';
import type { Actor, Language } from '../../shared/domain/identity';
import type { IncidentStatus, NewIncident } from '../../shared/domain/incident';
import fs from 'node:fs';
import path from 'node:path';
import { moveAside, openStore } from './open';
import { BACKUP_FOLDER, backupDatabase, integrityCheck, lastCheck, listBackups, pruneBackups, recordCheck, verifyDatabase } from './backups';
import { continueNumbering, outboxNumbering, putBack, setAside, type OutboxNumbering } from './restore';
import type { BackupInfo, IntegrityResult, RestoreResult } from '../../shared/contract/maintenance';
import { appendAudit } from './audit';
import { credentialKeyIds, forgetLockedCredentials, sealStoredCredentials, useSecretBox } from './credentials';
import type { SecretBox } from '../secrets/secret-box';
import { countRows, listVideoPoints, videoSource } from './readers';
import { chronology, incidentPlan, listIncidents, listRejections, listUnits, overlayIncident } from './overlay';
import { addNoteAction, assignmentAction, clientId, createIncidentAction, outboxBatch, outboxCounts, planStepAction, recordResults, setStatusAction } from './outbox';
import { applyChanges, applySnapshotPage, readCursor, startResync } from './sync-apply';
import { droneSources, saveDroneAction } from './drone-records';
import type { DroneEdit } from '../../shared/domain/drone';
import type { Change, MutationResult, SnapshotPage, Stream } from '../../shared/sync/protocol';
import { BasemapChoice, MapSettings, OnlineTileSource } from '../../shared/domain/tile-source';
import { SavedAssignment, type SavedDisplay } from '../../shared/workspace/assignment';
import { listAudit, exportAudit } from './audit-log';
import { cachedCredentials, forgetCredentials, lockedUntil, recordHandOver, recordLockedAttempt, recordSignIn, recordSignInFailure } from './operators';
import type { AuditFilter } from '../../shared/domain/audit';
import type { Role } from '../../shared/domain/operator';
import { dismissRejection, readSetting, recordAction, recordRecovery, setLanguage, systemClock, upsertOperator, writeLargeSetting, writeSetting, writeViewState } from './writers';

const MAP_SOURCES_KEY = 'map.onlineSources';
const MAP_BASEMAP_KEY = 'map.basemap';
const WALL_KEY = 'wall';
const DISPLAY_ROLES_KEY = 'workspace.displayRoles';

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

  /** `box` seals and opens camera credentials; without one they are neither written nor opened. */
  constructor(private readonly file: string, private readonly box: SecretBox | null = null) {}

  open(): StoreStatus {
    const result = openStore(this.file);
    if ('db' in result) {
      this.db = result.db;
      if (this.box) useSecretBox(result.db, this.box);
      const check = lastCheck(result.db);
      this.status = check ? { ...result.status, lastCheck: check } : result.status;
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

  get backupsDir(): string {
    return path.join(path.dirname(this.file), BACKUP_FOLDER);
  }

  /** Checks the live database; a failure shows on every window (store status) until a check passes. */
  checkIntegrity(actor: Actor): IntegrityResult {
    const db = this.ready;
    const result = integrityCheck(db, Date.now());
    db.transaction(() => {
      recordCheck(db, result);
      appendAudit(db, actor, result.at, { action: 'store.integrity-check', targetKind: 'database', details: { ok: result.ok, detail: result.detail } });
    }).immediate();
    if (this.status.state === 'ready') this.status = { ...this.status, lastCheck: result };
    return result;
  }

  /** An online backup, checked, audited, then the oldest beyond `keep` pruned. */
  async backup(actor: Actor, keep: number, why: 'scheduled' | 'manual'): Promise<BackupInfo> {
    const db = this.ready;
    const made = await backupDatabase(db, this.backupsDir, Date.now());
    const pruned = pruneBackups(this.backupsDir, keep);
    appendAudit(db, actor, Date.now(), { action: 'store.backup', targetKind: 'backup', targetId: made.name, details: { why, size: made.size, verified: made.check?.ok ?? false, check: made.check?.detail ?? null, pruned } });
    return made;
  }

  /**
   * Replaces the live database with a backup after checking the backup; the live one is moved
   * whole into the backups folder first. A backup that fails its check is refused and nothing
   * is touched.
   */
  restore(actor: Actor, name: string): RestoreResult {
    const source = path.join(this.backupsDir, name);
    const verdict = verifyDatabase(source, Date.now());
    if (!verdict.ok) {
      if (this.db) appendAudit(this.db, actor, Date.now(), { action: 'store.restore-refused', targetKind: 'backup', targetId: name, details: { reason: verdict.reason, message: verdict.message } });
      return verdict;
    }
    const replaced: OutboxNumbering | null = this.db ? outboxNumbering(this.db) : null;
    const before = this.status;
    this.close();
    const aside = setAside(this.file, this.backupsDir, Date.now());
    fs.copyFileSync(source, this.file);
    const reopened = this.open();
    if (reopened.state !== 'ready' || !this.db) {
      putBack(this.file, this.backupsDir, aside);
      this.open();
      throw new Error(`the restored copy of ${name} could not be opened (${reopened.state === 'damaged' ? reopened.detail : reopened.state}); the database in use was put back`);
    }
    const numbering = replaced ? continueNumbering(this.db, replaced) : null;
    const db = this.db;
    // A backup taken before credentials were sealed still holds them in the clear.
    if (this.box) sealStoredCredentials(db);
    db.transaction(() => {
      appendAudit(db, actor, Date.now(), {
        action: 'store.restore',
        targetKind: 'backup',
        targetId: name,
        details: { setAside: aside, replacedState: before.state, unsentSetAside: replaced?.unsent ?? 0, numbering },
      });
    }).immediate();
    return { ok: true, setAside: aside, unsentSetAside: replaced?.unsent ?? 0 };
  }
}

export function createOps(state: StoreState) {
  return {
    status: (): StoreStatus => state.status,
    recover: (a: { actor: Actor }) => state.recover(a.actor),
    registerOperator: (a: { actor: Actor }) => upsertOperator(state.ready, a.actor.operatorId, a.actor.operatorName, 'operator'),
    listIncidents: (a: { statuses?: IncidentStatus[]; limit: number }) => listIncidents(state.ready, a),
    incidentsByIds: (a: { ids: string[] }) => a.ids.map((id) => overlayIncident(state.ready, id)).filter((i) => i !== null),
    createIncident: (a: { actor: Actor; input: NewIncident }) => createIncidentAction(state.ready, a.actor, a.input, systemClock),
    setStatus: (a: { actor: Actor; id: string; to: IncidentStatus }) => setStatusAction(state.ready, a.actor, a.id, a.to, systemClock),
    addNote: (a: { actor: Actor; id: string; text: string }) => addNoteAction(state.ready, a.actor, a.id, a.text, systemClock),
    assignment: (a: { actor: Actor; kind: 'incident.assign' | 'incident.release'; id: string; unitId: string }) =>
      assignmentAction(state.ready, a.actor, a.kind, a.id, a.unitId, systemClock),
    chronology: (a: { id: string }) => chronology(state.ready, a.id),
    incidentPlan: (a: { id: string }) => incidentPlan(state.ready, a.id),
    planStep: (a: { actor: Actor; id: string; ordinal: number; outcome: 'done' | 'skipped' }) => planStepAction(state.ready, a.actor, a.id, a.ordinal, a.outcome, systemClock),
    listUnits: () => listUnits(state.ready),
    listRejections: () => listRejections(state.ready),
    dismissRejection: (a: { actor: Actor; mutationId: string }) => dismissRejection(state.ready, a.actor, a.mutationId, systemClock),
    // The sync engine's side (electron/services/sync/store-port.ts).
    syncClientId: () => clientId(state.ready),
    syncCursor: (a: { stream: Stream }) => readCursor(state.ready, a.stream),
    syncApplySnapshotPage: (a: { stream: Stream; page: SnapshotPage }) => applySnapshotPage(state.ready, a.stream, a.page, Date.now()),
    syncApplyChanges: (a: { stream: Stream; changes: Change[] }) => applyChanges(state.ready, a.stream, a.changes, Date.now()),
    syncStartResync: (a: { stream: Stream }) => startResync(state.ready, a.stream, Date.now()),
    syncOutboxBatch: (a: { limit: number }) => outboxBatch(state.ready, a.limit),
    syncRecordResults: (a: { results: MutationResult[] }) => recordResults(state.ready, a.results, Date.now()),
    syncCounts: () => outboxCounts(state.ready),
    // Secrets at rest (credentials.ts): which keys sealed what is stored, the one-off sealing
    // step after migration 0050 (and re-sealing after a rotation), forgetting what no key opens.
    credentialKeyIds: () => credentialKeyIds(state.ready),
    sealCredentials: () => sealStoredCredentials(state.ready),
    forgetLockedCredentials: (a: { actor: Actor }) => {
      const forgotten = forgetLockedCredentials(state.ready, Date.now());
      if (forgotten > 0) recordAction(state.ready, a.actor, 'secrets.forget-locked-credentials', { cameras: forgotten });
      return forgotten;
    },
    listVideoPoints: (a: { limit: number }) => listVideoPoints(state.ready, a),
    videoSource: (a: { id: string }) => videoSource(state.ready, a.id),
    // Hub drone records (drone-records.ts): the list for windows, the sources (with credentials) for main's drone service only.
    droneSources: () => droneSources(state.ready),
    saveDrone: (a: { actor: Actor; edit: DroneEdit }) => saveDroneAction(state.ready, a.actor, a.edit, systemClock),
    getLanguage: (a: { workstationId: string }): Language | null => {
      const v = readSetting(state.ready, a.workstationId, 'language');
      return v === 'zh-CN' || v === 'en' ? v : null;
    },
    setLanguage: (a: { actor: Actor; language: Language }) => setLanguage(state.ready, a.actor, a.language),
    /** The base map choice and online tile sources of a workstation; a value that no longer parses reads as unset. */
    getMapSettings: (a: { workstationId: string }): MapSettings => {
      const sources = OnlineTileSource.array().safeParse(readSetting(state.ready, a.workstationId, MAP_SOURCES_KEY));
      const basemap = BasemapChoice.safeParse(readSetting(state.ready, a.workstationId, MAP_BASEMAP_KEY));
      return { onlineSources: sources.success ? sources.data : [], basemap: basemap.success ? basemap.data : null };
    },
    setOnlineSources: (a: { actor: Actor; sources: OnlineTileSource[] }) => writeSetting(state.ready, a.actor, MAP_SOURCES_KEY, a.sources, 'maps.online-sources'),
    setBasemap: (a: { actor: Actor; basemap: BasemapChoice | null }) => writeSetting(state.ready, a.actor, MAP_BASEMAP_KEY, a.basemap, 'maps.basemap'),
    /** The saved wall, as stored: main validates it (a damaged value is reported, never overwritten unread). */
    getWall: (a: { workstationId: string }): unknown => readSetting(state.ready, a.workstationId, WALL_KEY),
    saveWall: (a: { actor: Actor; wall: unknown; audit: { action: string; details: Record<string, unknown> } }) =>
      writeLargeSetting(state.ready, a.actor, WALL_KEY, a.wall, { action: a.audit.action, targetKind: 'wall', targetId: 'wall', details: a.audit.details }),
    /** Keeps a stored wall that could not be used under another key, so nothing stored is lost. */
    saveWallAside: (a: { actor: Actor; key: string; wall: unknown; reason: string }) =>
      writeLargeSetting(state.ready, a.actor, a.key, a.wall, { action: 'wall.refused', targetKind: 'wall', targetId: a.key, details: { reason: a.reason } }),
    // Multi-monitor workspace: the roles of this workstation's displays; a value that no longer parses reads as none.
    getDisplayRoles: (a: { workstationId: string }): SavedDisplay[] => {
      const saved = SavedAssignment.safeParse(readSetting(state.ready, a.workstationId, DISPLAY_ROLES_KEY));
      return saved.success ? saved.data : [];
    },
    setDisplayRoles: (a: { actor: Actor; saved: SavedDisplay[] }) => writeSetting(state.ready, a.actor, DISPLAY_ROLES_KEY, a.saved, 'workspace.display-roles'),
    /** What the windows of a role last showed, as stored (main validates it); several roles in one transaction. */
    getViewState: (a: { workstationId: string; key: string }): unknown => readSetting(state.ready, a.workstationId, a.key),
    saveViewStates: (a: { workstationId: string; entries: Array<{ key: string; value: unknown }> }) =>
      state.ready.transaction(() => {
        for (const e of a.entries) writeViewState(state.ready, a.workstationId, e.key, e.value);
      }).immediate(),
    /** Keeps a stored value that could not be used under another key, audited, so nothing stored is lost. */
    saveSettingAside: (a: { actor: Actor; key: string; value: unknown; action: string; reason: string }) =>
      writeLargeSetting(state.ready, a.actor, a.key, a.value, { action: a.action, targetKind: 'setting', targetId: a.key, details: { reason: a.reason } }),
    /** An operator action that changes no table here (a map import): its audit row alone. */
    audit: (a: { actor: Actor; action: string; details: Record<string, unknown> }) => recordAction(state.ready, a.actor, a.action, a.details),
    // Operators (operators.ts): sign-in, the offline copy of credentials, lockout, hand-over.
    cachedCredentials: (a: { username: string }) => cachedCredentials(state.ready, a.username),
    lockedUntil: (a: { username: string }) => lockedUntil(state.ready, a.username),
    recordSignInFailure: (a: { username: string; workstationId: string; reason: string; via: 'hub' | 'cache'; at: number }) => recordSignInFailure(state.ready, a),
    recordLockedAttempt: (a: { username: string; workstationId: string; at: number; lockedUntil: number }) => recordLockedAttempt(state.ready, a),
    recordSignIn: (a: { actor: Actor; username: string; role: Role; via: 'hub' | 'cache'; passwordHash: string | null; at: number }) => recordSignIn(state.ready, a),
    forgetCredentials: (a: { username: string }) => forgetCredentials(state.ready, a.username),
    recordHandOver: (a: { from: Actor | null; to: Actor; username: string; role: Role; via: 'hub' | 'cache'; passwordHash: string | null; note: string; at: number }) => recordHandOver(state.ready, a),
    listAudit: (a: AuditFilter & { limit: number }) => listAudit(state.ready, a),
    exportAudit: (a: AuditFilter) => exportAudit(state.ready, a),
    close: () => state.close(),
    // Running for months (operations.md): integrity check, backups, restore.
    checkIntegrity: (a: { actor: Actor }) => state.checkIntegrity(a.actor),
    backup: (a: { actor: Actor; keep: number; why: 'scheduled' | 'manual' }) => state.backup(a.actor, a.keep, a.why),
    listBackups: () => ({ folder: state.backupsDir, backups: listBackups(state.backupsDir) }),
    restoreBackup: (a: { actor: Actor; name: string }) => state.restore(a.actor, a.name),
    /** The figures of the diagnostics view that live in the database. */
    maintenanceFacts: () => {
      const db = state.ready;
      const numbering = outboxNumbering(db);
      const oldest = (db.prepare("SELECT min(created_at) AS at FROM sync_outbox WHERE state = 'pending'").get() as { at: number | null }).at;
      const depth = (db.prepare('SELECT count(*) AS n FROM sync_outbox').get() as { n: number }).n;
      return {
        clientId: numbering.clientId,
        cursors: (['incidents', 'video_points'] as const).map((stream) => ({ stream, cursor: readCursor(db, stream) })),
        outboxDepth: depth,
        oldestPendingAt: oldest,
        lastCheck: lastCheck(db),
      };
    },
    counts: () => ({
      incidents: countRows(state.ready, 'incidents'),
      videoPoints: countRows(state.ready, 'video_points'),
      auditRows: countRows(state.ready, 'audit_log'),
    }),
  };
}

export type StoreOps = ReturnType<typeof createOps>;
export type OpName = keyof StoreOps;
