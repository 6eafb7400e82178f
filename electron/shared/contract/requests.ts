// The requests a renderer may make of main, with their parameter and result schemas.
// Adding a request: add it here, add its handler in electron/services/api, call it from the
// renderer through the transport. Main validates params against these schemas before the
// handler runs; results are typed by the same schemas.
import { z } from 'zod';
import { Incident, IncidentStatus, NewIncident } from '../domain/incident';
import { VideoPoint } from '../domain/video-point';
import { Language, WindowRole } from '../domain/identity';
import { ChronologyEntry, Rejection } from '../domain/chronology';
import { IncidentPlan } from '../domain/plan';
import { Unit } from '../domain/unit';
import { Drone, DroneEdit, DroneTelemetry } from '../domain/drone';
import { BasemapChoice, MapSettings, OnlineTileSourceInput } from '../domain/tile-source';
import { HubStatus, StoreStatus, SessionInfo } from './status';
import { AlarmRouteSchema, EditAnswerSchema, ScheduleSchema, TourSchema, WallEditSchema, WallSchema, WallSourceSchema, SlotRefSchema, WallStateSchema } from '../wall';
import { DisplayList, RoleAssignment, WallMonitor, WorkspaceState } from '../workspace';
import { WindowState } from '../workspace/window-state';
import { BackupInfo, BackupList, BackupName, Diagnostics, RestoreResult } from './maintenance';
import { Password, SignInAnswer, Username } from '../domain/operator';
import { AuditFilter, AuditRow, AUDIT_EXPORT_MAX_ROWS } from '../domain/audit';

const none = z.object({}).strict();

export const requests = {
  'session.get': { params: none, result: SessionInfo },
  // Operators (docs/operations.md, "Roles, sign-in, hand-over, audit"): the workstation is signed in once; every window follows.
  /** Checked by the hub when it is reachable, else against this workstation's cached copy. */
  'session.signIn': { params: z.object({ username: Username, password: Password }).strict(), result: SignInAnswer },
  'session.signOut': { params: none, result: none },
  /** Shift hand-over (交接班): the incoming operator signs in; the note and the open incidents are recorded. */
  'session.handOver': { params: z.object({ username: Username, password: Password, note: z.string().trim().max(2000) }).strict(), result: SignInAnswer },
  'incidents.list': {
    params: z
      .object({
        statuses: z.array(IncidentStatus).max(6).optional(),
        limit: z.number().int().min(1).max(5000).default(500),
      })
      .strict(),
    result: z.array(Incident),
  },
  'incidents.create': { params: NewIncident.strict(), result: Incident },
  /** A status change as an intent (from what the operator saw, to), checked against the state machine. */
  'incidents.setStatus': { params: z.object({ id: z.string().min(1).max(64), to: IncidentStatus }).strict(), result: Incident },
  'incidents.addNote': { params: z.object({ id: z.string().min(1).max(64), text: z.string().trim().min(1).max(2000) }).strict(), result: none },
  'incidents.assignUnit': { params: z.object({ id: z.string().min(1).max(64), unitId: z.string().min(1).max(64) }).strict(), result: none },
  'incidents.releaseUnit': { params: z.object({ id: z.string().min(1).max(64), unitId: z.string().min(1).max(64) }).strict(), result: none },
  'incidents.chronology': { params: z.object({ id: z.string().min(1).max(64) }).strict(), result: z.array(ChronologyEntry) },
  /** The incident's response plan (预案) and how far it has been followed; null when its type has none. */
  'incidents.plan': { params: z.object({ id: z.string().min(1).max(64) }).strict(), result: IncidentPlan.nullable() },
  'incidents.planStep': {
    params: z.object({ id: z.string().min(1).max(64), ordinal: z.number().int().min(1).max(100), outcome: z.enum(['done', 'skipped']) }).strict(),
    result: none,
  },
  'units.list': { params: none, result: z.array(Unit) },
  /**
   * Imports an MBTiles file that is on this workstation (a path main can read). A file that is
   * not a usable MBTiles is refused with a reason; nothing is copied then.
   */
  'maps.import': {
    params: z.object({ path: z.string().trim().min(1).max(4096) }).strict(),
    result: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), id: z.string(), name: z.string(), fileName: z.string() }),
      z.object({ ok: z.literal(false), reason: z.enum(['not-found', 'not-sqlite', 'not-mbtiles', 'unsupported-format', 'unreadable']), message: z.string() }),
    ]),
  },
  /** The workstation's online tile sources and the operator's base map choice. */
  'maps.settings': { params: none, result: MapSettings },
  /**
   * Adds an online tile source, or replaces the one with the same id. The address template is
   * checked here (http/https only, {z}/{x}/{y} each once); main fetches its tiles for the windows.
   */
  'maps.saveOnlineSource': { params: OnlineTileSourceInput, result: MapSettings },
  /** Removes an online source; a base map choice naming it falls back to the default. */
  'maps.removeOnlineSource': { params: z.object({ id: z.string().min(1).max(40) }).strict(), result: MapSettings },
  /** null: the default (an imported map if there is one, else the bundled world map). */
  'maps.setBasemap': { params: z.object({ basemap: BasemapChoice.nullable() }).strict(), result: MapSettings },
  'sync.status': { params: none, result: HubStatus },
  'sync.rejections': { params: none, result: z.array(Rejection) },
  /** The operator has read a rejection; it leaves the list (the audit log keeps it). */
  'sync.dismissRejection': { params: z.object({ mutationId: z.string().min(1).max(64) }).strict(), result: none },
  'videoPoints.list': {
    params: z.object({ limit: z.number().int().min(1).max(50000).default(5000) }).strict(),
    result: z.array(VideoPoint),
  },
  // The video wall: state owned by main, edited by several consoles (docs/video-wall.md).
  /** This console (a window or browser client) starts working on the wall: it is listed to the others while connected. */
  'wall.join': { params: z.object({ console: z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/), label: z.string().trim().max(40) }).strict() }).strict(), result: WallStateSchema },
  'wall.state': { params: none, result: WallStateSchema },
  /** Which window this console has selected (shown to the other consoles); null when none. */
  'wall.focus': { params: z.object({ window: z.string().min(1).max(128).nullable() }).strict(), result: none },
  /** One change made on `baseRevision`; `editId` lets a repeat after a lost answer be recognised. */
  'wall.edit': { params: z.object({ baseRevision: z.number().int().min(0), editId: z.string().min(1).max(64), edit: WallEditSchema }).strict(), result: EditAnswerSchema },
  /** Shows a source in a wall slot from anywhere (incident, map, video tile): made on the current wall. */
  'wall.push': { params: z.object({ slot: SlotRefSchema, source: WallSourceSchema }).strict(), result: EditAnswerSchema },
  /** The physical wall (installer's settings); refused when the current layout would not fit it. */
  'wall.setModel': { params: z.object({ wall: WallSchema }).strict(), result: EditAnswerSchema },
  /** Saves the wall as it is now as a preset (replacing the one with this id). */
  'wall.savePreset': { params: z.object({ id: z.string().min(1).max(64).optional(), name: z.string().trim().min(1).max(80), schedule: ScheduleSchema.nullable().default(null) }).strict(), result: WallStateSchema },
  'wall.schedulePreset': { params: z.object({ id: z.string().min(1).max(64), schedule: ScheduleSchema.nullable() }).strict(), result: WallStateSchema },
  'wall.recallPreset': { params: z.object({ id: z.string().min(1).max(64), baseRevision: z.number().int().min(0), editId: z.string().min(1).max(64) }).strict(), result: EditAnswerSchema },
  'wall.removePreset': { params: z.object({ id: z.string().min(1).max(64) }).strict(), result: WallStateSchema },
  'wall.saveTour': { params: z.object({ tour: TourSchema }).strict(), result: WallStateSchema },
  'wall.removeTour': { params: z.object({ id: z.string().min(1).max(64) }).strict(), result: WallStateSchema },
  'wall.startTour': { params: z.object({ id: z.string().min(1).max(64) }).strict(), result: WallStateSchema },
  'wall.stopTour': { params: z.object({ id: z.string().min(1).max(64) }).strict(), result: WallStateSchema },
  'wall.setAlarmRoute': { params: z.object({ route: AlarmRouteSchema }).strict(), result: WallStateSchema },
  'workspace.setLanguage': { params: z.object({ language: Language }).strict(), result: none },
  /** Opens (or focuses) a role's window; a wall output names the monitor it shows (default: the whole wall). */
  'windows.open': {
    params: z
      .object({ role: WindowRole, monitor: WallMonitor.optional() })
      .strict()
      .refine((p) => p.monitor === undefined || p.role === 'wall-output', { message: 'only a wall-output window shows a monitor', path: ['monitor'] }),
    result: none,
  },
  'store.status': { params: none, result: StoreStatus },
  /** Moves a damaged database aside (never deletes it) and starts a fresh one. */
  'store.recover': { params: z.object({ confirm: z.literal(true) }).strict(), result: StoreStatus },
  // Multi-monitor workspace
  /** The displays main knows, their saved roles, and where every role window is or goes. */
  'workspace.displays': { params: none, result: WorkspaceState },
  /** Sets the roles of all present displays (one not listed has none); an id main does not know is refused. */
  'workspace.setDisplayRoles': { params: z.object({ displays: RoleAssignment }).strict(), result: WorkspaceState },
  /** A browser window reports the screens it sees; main keeps the best source it has (see DisplaySource). */
  'workspace.reportDisplays': { params: z.object({ source: z.enum(['screens', 'window']), displays: DisplayList }).strict(), result: WorkspaceState },
  // Drones (docs/drones.md)
  /** The drones this workstation receives and the latest telemetry of each that has sent some. */
  'drones.list': { params: none, result: z.object({ drones: z.array(Drone), telemetry: z.array(DroneTelemetry) }) },
  // Running for months (operations.md)
  /** What this role's window last showed (view, selected incident, video grid); null when nothing was kept. */
  'workspace.windowState': { params: z.object({ role: WindowRole }).strict(), result: WindowState.nullable() },
  /** The window's state now; main keeps the latest and writes it shortly after (debounced in main). */
  'workspace.saveWindowState': { params: z.object({ role: WindowRole, state: WindowState }).strict(), result: none },
  /** Figures for the diagnostics view (诊断): sync, outbox, hub, streams, database, log, version, uptime. */
  'diagnostics.get': { params: none, result: Diagnostics },
  'backups.list': { params: none, result: BackupList },
  /** Checks the database and backs it up now (the same run as the schedule's). */
  'backups.run': { params: none, result: BackupInfo },
  /** Supervisor only. Puts a checked backup in place of the database in use, which is first moved into the backups folder. */
  'backups.restore': { params: z.object({ name: BackupName, confirm: z.literal(true) }).strict(), result: RestoreResult },
  /**
   * An operator's edit of a hub drone record (callsign, telemetry source, and a new stream address
   * or none; the current address is never sent to a window). Queued for the hub like any action:
   * works offline, shown at once, audited. not-found: not a hub record; conflict: callsign taken.
   */
  'drones.save': { params: DroneEdit, result: z.object({ drone: Drone }) },
  // Audit log (supervisor)
  'audit.list': { params: AuditFilter.extend({ limit: z.number().int().min(1).max(20000).default(5000) }).strict(), result: z.object({ rows: z.array(AuditRow), total: z.number().int() }) },
  /** CSV of the filtered audit log (UTF-8 with BOM, so Excel reads Chinese), at most AUDIT_EXPORT_MAX_ROWS rows. */
  'audit.export': { params: AuditFilter, result: z.object({ fileName: z.string(), csv: z.string(), rows: z.number().int().max(AUDIT_EXPORT_MAX_ROWS) }) },
} as const;

export type Requests = typeof requests;
export type Method = keyof Requests;
export const METHODS = Object.keys(requests) as Method[];
export type ParamsIn<M extends Method> = z.input<Requests[M]['params']>;
export type Params<M extends Method> = z.output<Requests[M]['params']>;
export type Result<M extends Method> = z.output<Requests[M]['result']>;

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(requests, name);
}
