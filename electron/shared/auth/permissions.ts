// Which roles may make which request: the table main checks in the dispatch boundary before any
// handler runs (electron/services/api/dispatch.ts). The renderer reads the same table to hide or
// disable what the signed-in role may not do, but main is the real check.
// Adding a request to requests.ts without a row here is a type error (the Record below) and a
// failing test (permissions.test.ts).
import type { Method } from '../contract/requests';
import type { EventName } from '../contract/events';
import type { Role } from '../domain/operator';

/** `signed-out`: may be asked before anyone has signed in (the sign-in screen needs these). */
export type Access = 'signed-out' | readonly Role[];

const ANY: readonly Role[] = ['operator', 'supervisor', 'wall', 'viewer'];
const DISPATCH: readonly Role[] = ['operator', 'supervisor'];
/** Pushing a source to the wall and working on its layout: the wall's operator and the desks that feed it. */
const WALL_WORK: readonly Role[] = ['operator', 'supervisor', 'wall'];
/** Presets, tours and alarm routes: prepared by the wall's operator or the duty officer. */
const WALL_SETUP: readonly Role[] = ['supervisor', 'wall'];
const SUPERVISOR: readonly Role[] = ['supervisor'];
/** Workstation settings anyone working here may change (not a viewer). */
const DESK: readonly Role[] = ['operator', 'supervisor', 'wall'];

export const PERMISSIONS: Readonly<Record<Method, Access>> = {
  'session.get': 'signed-out',
  'session.signIn': 'signed-out',
  'session.signOut': ANY,
  'session.handOver': ANY,
  'incidents.list': ANY,
  'incidents.create': DISPATCH,
  'incidents.setStatus': DISPATCH,
  'incidents.addNote': DISPATCH,
  'incidents.assignUnit': DISPATCH,
  'incidents.releaseUnit': DISPATCH,
  'incidents.chronology': ANY,
  'incidents.plan': ANY,
  'incidents.planStep': DISPATCH,
  'units.list': ANY,
  'maps.import': SUPERVISOR,
  'maps.settings': ANY,
  'maps.saveOnlineSource': SUPERVISOR,
  'maps.removeOnlineSource': SUPERVISOR,
  'maps.setBasemap': DESK,
  'sync.status': ANY,
  'sync.rejections': ANY,
  'sync.dismissRejection': DISPATCH,
  'videoPoints.list': ANY,
  // Joining only lists the console as present; focus shows which window it looks at.
  'wall.join': ANY,
  'wall.state': ANY,
  'wall.focus': ANY,
  'wall.edit': WALL_WORK,
  'wall.push': WALL_WORK,
  'wall.setModel': SUPERVISOR,
  'wall.savePreset': WALL_SETUP,
  'wall.schedulePreset': WALL_SETUP,
  'wall.recallPreset': WALL_WORK,
  'wall.removePreset': WALL_SETUP,
  'wall.saveTour': WALL_SETUP,
  'wall.removeTour': WALL_SETUP,
  'wall.startTour': WALL_WORK,
  'wall.stopTour': WALL_WORK,
  'wall.setAlarmRoute': WALL_SETUP,
  // The language of the screens, including the sign-in screen.
  'workspace.setLanguage': 'signed-out',
  'windows.open': ANY,
  // The damaged-database screen shows before sign-in: reading the state is harmless, recovering is not.
  'store.status': 'signed-out',
  'store.recover': DISPATCH,
  'workspace.displays': ANY,
  'workspace.setDisplayRoles': DESK,
  'workspace.reportDisplays': ANY,
  'drones.list': ANY,
  // A drone record is the hub's shared configuration (callsign, stream, telemetry source).
  'drones.save': SUPERVISOR,
  // Each window's own view, grid and selection, kept by main for the next start.
  'workspace.windowState': ANY,
  'workspace.saveWindowState': ANY,
  // Figures only: no address, password or operator data (running-handlers.ts).
  'diagnostics.get': ANY,
  'backups.list': DISPATCH,
  'backups.run': DISPATCH,
  // Replaces the database in use: the duty officer's decision.
  'backups.restore': SUPERVISOR,
  'audit.list': SUPERVISOR,
  'audit.export': SUPERVISOR,
};

/** null: allowed. Otherwise why not: nobody signed in, or the role may not. */
export function refusalFor(method: Method, role: Role | null): 'signed-out' | 'forbidden' | null {
  const access = PERMISSIONS[method];
  if (access === 'signed-out') return null;
  if (role === null) return 'signed-out';
  return access.includes(role) ? null : 'forbidden';
}

export function mayCall(method: Method, role: Role | null): boolean {
  return refusalFor(method, role) === null;
}

/** Events a window hears before anyone has signed in: nothing of the city's data. Every event goes to every role once signed in. */
export const SIGNED_OUT_EVENTS: ReadonlySet<EventName> = new Set<EventName>(['session.changed', 'store.status', 'workspace.language', 'hub.status']);

export function mayReceive(event: string, role: Role | null): boolean {
  return role !== null || SIGNED_OUT_EVENTS.has(event as EventName);
}
