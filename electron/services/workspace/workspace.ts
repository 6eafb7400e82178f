// The workstation's monitors in main: which displays there are (from the Electron host, a
// browser window, or the `--displays` file), which roles they have (saved per workstation),
// and where every role window belongs. The rules are pure (electron/shared/workspace); this
// keeps the state, saves it, tells every window, and has the host move its windows.
import { ServiceError } from '../../shared/contract/errors';
import type { Actor } from '../../shared/domain/identity';
import {
  DISPLAY_SOURCES,
  DisplayList,
  OpenWindows,
  windowsToReopen,
  type OpenWindow,
  mergeAssignment,
  placeWindows,
  resolveAssignment,
  wantedWindows,
  windowKey,
  type Display,
  type DisplayRoles,
  type DisplaySource,
  type Placement,
  type RoleWindow,
  type SavedDisplay,
  type WorkspaceState,
  type WindowNow,
} from '../../shared/workspace';
import type { EventBus } from '../api/event-bus';
import type { Logger } from '../log/logger';
import type { Store } from '../store/store';

/** A host that can see and move its role windows (Electron); the browser host has none. */
export interface WindowHost {
  /** The role windows open now, where they are. */
  openWindows(): WindowNow[];
  /** Moves the open windows to their placements, and opens the missing ones when told to. */
  apply(placements: readonly Placement[], openMissing: boolean): Promise<void>;
}

export interface WorkspaceDeps {
  store: Store;
  bus: EventBus;
  log: Logger;
  actor: Actor;
  /** From `vigil start --displays FILE`, already validated. */
  configured: readonly Display[] | null;
}

const rank = (s: DisplaySource) => DISPLAY_SOURCES.indexOf(s);
const OPEN_WINDOWS_KEY = 'workspace.openWindows';
/** Windows are moved by dragging: one write once the operator lets go, not one per step. */
const REMEMBER_QUIET_MS = 1000;

export class Workspace {
  private source: DisplaySource;
  private displays: Display[];
  private host: WindowHost | null = null;
  /** Display changes and role changes are applied one at a time, in the order they came. */
  private queue: Promise<unknown> = Promise.resolve();
  /** The windows open when the workstation last ran, until the start's placement has opened them. */
  private reopening: OpenWindow[] = [];
  private remembered: OpenWindow[] | null = null;
  private rememberTimer: NodeJS.Timeout | null = null;

  constructor(private readonly d: WorkspaceDeps) {
    this.source = d.configured ? 'configured' : 'none';
    this.displays = d.configured ? [...d.configured] : [];
  }

  attach(host: WindowHost): void {
    this.host = host;
  }

  /**
   * At start (Electron): the windows that were open when the workstation last ran come back with
   * the first placement that opens missing windows, each where it was if that is still on screen.
   */
  async restoreOpenWindows(): Promise<void> {
    let stored: unknown;
    try {
      stored = await this.d.store.call('getViewState', { workstationId: this.d.actor.workstationId, key: OPEN_WINDOWS_KEY });
    } catch {
      return; // a damaged database: the console alone, as on a first start
    }
    const parsed = OpenWindows.safeParse(stored ?? []);
    if (!parsed.success) this.d.log.warn({ issues: parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`) }, 'saved open windows refused; the console opens alone');
    this.reopening = parsed.success ? parsed.data : [];
  }

  /** The host's windows changed (opened, closed, moved, resized): kept for the next start. */
  rememberOpen(windows: readonly WindowNow[]): void {
    this.remembered = windows.map((w) => ({ role: w.role, ...(w.monitor ? { monitor: w.monitor } : {}), bounds: w.bounds }));
    if (this.rememberTimer) clearTimeout(this.rememberTimer);
    this.rememberTimer = setTimeout(() => void this.flushRemembered(), REMEMBER_QUIET_MS);
  }

  /** Writes the open windows not yet written (also when the services stop). */
  async flushRemembered(): Promise<void> {
    if (this.rememberTimer) clearTimeout(this.rememberTimer);
    this.rememberTimer = null;
    const value = this.remembered;
    this.remembered = null;
    if (!value) return;
    await this.d.store
      .call('saveViewStates', { workstationId: this.d.actor.workstationId, entries: [{ key: OPEN_WINDOWS_KEY, value }] })
      .catch((err: unknown) => this.d.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'open windows could not be saved'));
  }

  state(): Promise<WorkspaceState> {
    return this.compute(null);
  }

  /**
   * The displays as `source` sees them now. A lesser source than the one in use is ignored (a
   * browser window's own screen never replaces the configured displays); a list that fails
   * the schema is refused and the displays stay as they were.
   */
  setDisplays(source: DisplaySource, displays: readonly Display[], openMissing = false): Promise<WorkspaceState> {
    return this.serial(async () => {
      if (rank(source) > rank(this.source)) return this.compute(null);
      const checked = DisplayList.safeParse(displays);
      if (!checked.success) {
        this.d.log.warn({ source, issues: checked.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`) }, 'displays refused');
        return this.compute(null);
      }
      const changed = source !== this.source || JSON.stringify(checked.data) !== JSON.stringify(this.displays);
      this.source = source;
      this.displays = checked.data;
      const state = await this.compute(null);
      if (changed) this.d.log.info({ source, displays: state.displays.map((x) => `${x.id} ${x.bounds.width}x${x.bounds.height}@${x.bounds.x},${x.bounds.y}`) }, 'displays changed');
      if (changed || openMissing) await this.publish(state, openMissing);
      if (openMissing) this.reopening = [];
      return state;
    });
  }

  /** The operator's roles for the displays present; any other display id is refused. */
  setRoles(given: readonly DisplayRoles[]): Promise<WorkspaceState> {
    return this.serial(async () => {
      const known = new Set(this.displays.map((x) => x.id));
      const unknown = given.map((g) => g.displayId).filter((id) => !known.has(id));
      if (unknown.length) {
        throw new ServiceError('not-found', `no display ${unknown.map((id) => `"${id}"`).join(', ')} here (present: ${[...known].join(', ') || 'none'})`);
      }
      const saved = mergeAssignment(await this.d.store.call('getDisplayRoles', { workstationId: this.d.actor.workstationId }), this.displays, given);
      await this.d.store.call('setDisplayRoles', { actor: this.d.actor, saved });
      this.d.log.info({ action: 'workspace.display-roles', saved: saved.map((s) => `${s.id}: ${s.roles.join('+')}`) }, 'display roles saved');
      const state = await this.compute(null, saved);
      await this.publish(state, true);
      return state;
    });
  }

  /** Where a window opened now goes (assigned or not). Null when there is no display to place it on. */
  async placementOf(w: RoleWindow): Promise<Placement | null> {
    const state = await this.compute({ ...w, bounds: null });
    return state.windows.find((p) => p.key === windowKey(w)) ?? null;
  }

  /** `known`: the roles as just written, so they are not read back. */
  private async compute(extra: WindowNow | null, known?: SavedDisplay[]): Promise<WorkspaceState> {
    const saved = known ?? (await this.saved());
    const { present, absent } = resolveAssignment(saved, this.displays);
    const now = this.host?.openWindows() ?? [];
    const back = this.reopening.length ? windowsToReopen(this.reopening, this.displays).filter((w) => !now.some((o) => windowKey(o) === windowKey(w))) : [];
    const open = [...now, ...back];
    const wanted = wantedWindows(saved, extra && !open.some((o) => windowKey(o) === windowKey(extra)) ? [...open, extra] : open);
    return { source: this.source, displays: this.displays, roles: present, absent, windows: placeWindows(this.displays, present, wanted) };
  }

  /** A damaged database has no saved roles: windows still go on the displays there are. */
  private async saved(): Promise<SavedDisplay[]> {
    try {
      return await this.d.store.call('getDisplayRoles', { workstationId: this.d.actor.workstationId });
    } catch (err) {
      if ((err as { code?: unknown }).code !== 'store-unavailable') throw err;
      return [];
    }
  }

  private async publish(state: WorkspaceState, openMissing: boolean): Promise<void> {
    try {
      await this.host?.apply(state.windows, openMissing);
    } catch (err) {
      this.d.log.error({ err }, 'role windows could not be placed');
    }
    this.d.bus.emit('workspace.displays', state);
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
