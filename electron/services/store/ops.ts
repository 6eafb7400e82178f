// What the store worker can do, as plain functions over the open database. The worker runs
// them; Store (store.ts) exposes the same names to main as promises, typed from this file.
import type Database from 'better-sqlite3';
import type { StoreStatus } from '../../shared/contract/status';
import type { Actor, Language } from '../../shared/domain/identity';
import type { IncidentStatus, NewIncident } from '../../shared/domain/incident';
import { moveAside, openStore } from './open';
import { countRows, listVideoPoints, videoSource } from './readers';
import { chronology, incidentPlan, listIncidents, listRejections, listUnits, overlayIncident } from './overlay';
import { addNoteAction, assignmentAction, clientId, createIncidentAction, outboxBatch, outboxCounts, planStepAction, recordResults, setStatusAction } from './outbox';
import { applyChanges, applySnapshotPage, readCursor, startResync } from './sync-apply';
import type { Change, MutationResult, SnapshotPage, Stream } from '../../shared/sync/protocol';
import { BasemapChoice, MapSettings, OnlineTileSource } from '../../shared/domain/tile-source';
import { SavedAssignment, type SavedDisplay } from '../../shared/workspace/assignment';
import { listAudit, exportAudit } from './audit-log';
import { cachedCredentials, forgetCredentials, listHandOvers, lockedUntil, recordHandOver, recordLockedAttempt, recordSignIn, recordSignInFailure } from './operators';
import type { AuditFilter } from '../../shared/domain/audit';
import type { Role } from '../../shared/domain/operator';
import { dismissRejection, readSetting, recordAction, recordRecovery, setLanguage, systemClock, upsertOperator, writeLargeSetting, writeSetting } from './writers';

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
    listVideoPoints: (a: { limit: number }) => listVideoPoints(state.ready, a),
    videoSource: (a: { id: string }) => videoSource(state.ready, a.id),
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
    listHandOvers: () => listHandOvers(state.ready),
    listAudit: (a: AuditFilter & { limit: number }) => listAudit(state.ready, a),
    exportAudit: (a: AuditFilter) => exportAudit(state.ready, a),
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
