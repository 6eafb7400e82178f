// Keeps the console state in step with main: loads the session and rows when the link opens
// (again), follows pushed events, and carries the operator's actions to main. The only module
// that talks to the transport; every failure ends up in front of the operator, translated.
import type { ParamsIn } from '../../../electron/shared/contract/requests';
import type { Language } from '../../../electron/shared/domain/identity';
import type { BasemapChoice, MapSettings } from '../../../electron/shared/domain/tile-source';
import type { Incident, IncidentStatus } from '../../../electron/shared/domain/incident';
import { applyLanguage } from '../i18n/i18n';
import type { Transport } from '../transport/transport';
import { useConsole } from './console-store';
import type { IncidentPlan } from '../../../electron/shared/domain/plan';
import type { Result } from '../../../electron/shared/contract/requests';
import type { ActionName } from './notices';
import { attempt, failureCode, type Outcome } from './outcome';
import { linkDrones, type DroneLink } from '../drones/drone-link';
import { linkWorkspace, type ScreensEnv, type WorkspaceLink } from './workspace-link';
import { browserScreens } from '../workspace/browser-screens';
import { linkDiagnostics, type DiagnosticsLink } from '../diagnostics/diagnostics-link';
import type { SignInAnswer } from '../../../electron/shared/domain/operator';
import type { AuditFilter } from '../../../electron/shared/domain/audit';

export interface MainLink {
  toggleLanguage(): Promise<void>;
  recoverStore(): Promise<void>;
  /** The form shows a refusal next to the fields, so this one reports back instead of posting a notice. */
  createIncident(input: ParamsIn<'incidents.create'>): Promise<Outcome<Incident>>;
  /** These post a notice on failure and resolve true when main accepted the action. */
  setStatus(id: string, to: IncidentStatus): Promise<boolean>;
  addNote(id: string, text: string): Promise<boolean>;
  assignUnit(id: string, unitId: string): Promise<boolean>;
  releaseUnit(id: string, unitId: string): Promise<boolean>;
  dismissRejection(mutationId: string): Promise<boolean>;
  /** The incident's response plan with its progress (null: no plan for its type). */
  plan(id: string): Promise<Outcome<IncidentPlan | null>>;
  planStep(id: string, ordinal: number, outcome: 'done' | 'skipped'): Promise<boolean>;
  /** Main's verdict on an offline map file, or null when the request itself failed (then a notice). */
  importMap(path: string): Promise<Result<'maps.import'> | null>;
  /** The form shows a refusal next to the fields: reports back, and posts no notice. */
  saveTileSource(source: ParamsIn<'maps.saveOnlineSource'>): Promise<Outcome<MapSettings>>;
  removeTileSource(id: string): Promise<boolean>;
  setBasemap(basemap: BasemapChoice | null): Promise<boolean>;
  /** Asks again for the selected incident's chronology (after a failed load). */
  reloadChronology(): void;
  /** The workstation's monitors and the roles of their windows. */
  workspace: WorkspaceLink;
  /** The diagnostics view's figures and the database backups. */
  diagnostics: DiagnosticsLink;
  /** Edits of the hub's drone records. */
  drones: DroneLink;
  /** Sign-in, sign-out and hand-over for the whole workstation; the screens show main's verdict. */
  signIn(username: string, password: string): Promise<Outcome<SignInAnswer>>;
  signOut(): Promise<boolean>;
  handOver(username: string, password: string, note: string): Promise<Outcome<SignInAnswer>>;
  /** The audit log (supervisor): the view shows a refusal itself. */
  auditList(filter: AuditFilter): Promise<Outcome<Result<'audit.list'>>>;
  auditExport(filter: AuditFilter): Promise<Outcome<Result<'audit.export'>>>;
}

export function linkToMain(transport: Transport, screens: ScreensEnv | null = browserScreens()): MainLink {
  const state = useConsole.getState;
  const workspace = linkWorkspace(transport, screens);
  const drones = linkDrones(transport);

  /** An action whose failure the operator is told about in the notice bar. */
  async function act<T>(action: ActionName, call: () => Promise<T>): Promise<Outcome<T>> {
    const got = await attempt(call);
    if (!got.ok) state().pushNotice({ kind: 'action-failed', action, code: got.code });
    return got;
  }

  async function loadRows(): Promise<void> {
    const got = await attempt(() =>
      Promise.all([transport.request('incidents.list', { limit: 5000 }), transport.request('videoPoints.list', { limit: 50000 })]),
    );
    if (!got.ok) {
      state().pushNotice({ kind: 'load-failed', code: got.code });
      return;
    }
    const [incidents, videoPoints] = got.value;
    state().replaceIncidents(incidents);
    state().setVideoPoints(videoPoints);
    state().dismissNotices('load-failed');
    // Units, rejections and the open chronology load on their own: one failing must not hide the queue.
    await Promise.all([loadUnits(), loadRejections(), reloadSelectedChronology()]);
  }

  async function loadUnits(): Promise<void> {
    const got = await act('loadUnits', () => transport.request('units.list', {}));
    if (got.ok) state().replaceUnits(got.value);
  }

  async function loadRejections(): Promise<void> {
    const got = await act('loadRejections', () => transport.request('sync.rejections', {}));
    if (got.ok) state().setRejections(got.value);
  }

  // Replies can overtake one another when the operator moves quickly through the queue: only
  // the newest ask, for the incident still selected, is shown.
  let chronologyAsk = 0;
  async function loadChronology(id: string): Promise<void> {
    const ask = ++chronologyAsk;
    // Keep the entries on screen while asking again for the same incident (no flicker on every change).
    if (state().chronology?.incidentId !== id) state().setChronology({ incidentId: id, state: 'loading' });
    const got = await attempt(() => transport.request('incidents.chronology', { id }));
    if (ask !== chronologyAsk || state().selectedIncidentId !== id) return;
    state().setChronology(got.ok ? { incidentId: id, state: 'ready', entries: got.value } : { incidentId: id, state: 'failed', code: got.code });
  }

  function reloadSelectedChronology(): Promise<void> {
    const id = state().selectedIncidentId;
    return id ? loadChronology(id) : Promise.resolve();
  }

  /** Without them (a damaged database) the map shows its default: an imported map, else the bundled one. */
  async function loadMapSettings(): Promise<void> {
    const got = await attempt(() => transport.request('maps.settings', {}));
    if (got.ok) state().setMapSettings(got.value);
  }

  /** After this window changed an incident: main also announces it, but the operator should not wait on that. */
  function refreshIfShown(id: string): void {
    if (state().selectedIncidentId === id) void loadChronology(id);
  }

  async function loadSession(): Promise<void> {
    const session = await transport.request('session.get', {});
    state().setSession(session);
    await applyLanguage(session.language);
    // Nothing of the city is asked for before someone signs in (main would refuse it).
    if (session.signIn.operator && session.store.state === 'ready') await Promise.all([loadRows(), loadMapSettings()]);
  }

  useConsole.subscribe((s, prev) => {
    if (s.selectedIncidentId === prev.selectedIncidentId) return;
    chronologyAsk++; // whatever was in flight is for another incident now
    if (s.selectedIncidentId) void loadChronology(s.selectedIncidentId);
    else state().setChronology(null);
  });

  transport.onLinkState((link) => {
    state().setLink(link);
    if (link === 'open') loadSession().catch((e: unknown) => state().pushNotice({ kind: 'load-failed', code: failureCode(e) }));
  });
  // Sign-in, sign-out, hand-over or expiry at this workstation: every window follows at once.
  transport.on('session.changed', (p) => {
    const held = state().session;
    if (held) state().setSession({ ...held, signIn: p });
    loadSession().catch((e: unknown) => state().pushNotice({ kind: 'load-failed', code: failureCode(e) }));
  });
  transport.on('incidents.changed', (p) => state().upsertIncidents(p.upserted));
  transport.on('units.changed', (p) => state().upsertUnits(p.upserted));
  // The catalogue changes in bursts while it downloads: ask once the burst is over.
  let cameraReload: ReturnType<typeof setTimeout> | null = null;
  transport.on('videoPoints.changed', () => {
    if (cameraReload) clearTimeout(cameraReload);
    cameraReload = setTimeout(() => {
      cameraReload = null;
      void attempt(() => transport.request('videoPoints.list', { limit: 50000 })).then((got) => got.ok && state().setVideoPoints(got.value));
    }, 300);
  });
  transport.on('chronology.changed', (p) => {
    const id = state().selectedIncidentId;
    if (id && p.incidentIds.includes(id)) void loadChronology(id);
  });
  transport.on('sync.rejections', (p) => state().setRejections(p.rejections));
  transport.on('hub.status', (hub) => state().setHub(hub));
  transport.on('workspace.language', (p) => {
    state().setLanguage(p.language);
    void applyLanguage(p.language);
  });
  transport.on('maps.settings', (settings) => state().setMapSettings(settings));
  // Main announces the store when it opens, is recovered or restored from a backup, or has been
  // checked: the rows are asked again whenever it is ready (after a restore they are others).
  transport.on('store.status', (store) => {
    state().setStore(store);
    if (store.state === 'ready' && state().session?.signIn.operator) void loadRows();
  });

  async function signedIn(got: Outcome<SignInAnswer>): Promise<Outcome<SignInAnswer>> {
    if (got.ok && got.value.ok) await loadSession().catch((e: unknown) => state().pushNotice({ kind: 'load-failed', code: failureCode(e) }));
    return got;
  }

  return {
    signIn: async (username, password) => signedIn(await attempt(() => transport.request('session.signIn', { username, password }))),
    async signOut() {
      const got = await attempt(() => transport.request('session.signOut', {}));
      if (got.ok) await loadSession().catch(() => undefined);
      return got.ok;
    },
    handOver: async (username, password, note) => signedIn(await attempt(() => transport.request('session.handOver', { username, password, note }))),
    auditList: (filter) => attempt(() => transport.request('audit.list', { ...filter, limit: 20000 })),
    auditExport: (filter) => attempt(() => transport.request('audit.export', filter)),
    async toggleLanguage() {
      const next: Language = state().language === 'zh-CN' ? 'en' : 'zh-CN';
      // Shown at once; main saves it for the workstation and tells every other window.
      state().setLanguage(next);
      await applyLanguage(next);
      await act('setLanguage', () => transport.request('workspace.setLanguage', { language: next }));
    },
    async recoverStore() {
      try {
        const store = await transport.request('store.recover', { confirm: true });
        state().setStore(store);
        if (store.state === 'ready') {
          if (store.movedAside) state().pushNotice({ kind: 'recovered', path: store.movedAside });
          await loadRows();
        }
      } catch (e) {
        state().pushNotice({ kind: 'recover-failed', message: e instanceof Error ? e.message : String(e) });
      }
    },
    async createIncident(input) {
      const got = await attempt(() => transport.request('incidents.create', input));
      if (got.ok) {
        state().upsertIncidents([got.value]);
        state().setView('incidents');
        state().selectIncident(got.value.id);
      }
      return got;
    },
    async setStatus(id, to) {
      const got = await act('setStatus', () => transport.request('incidents.setStatus', { id, to }));
      if (got.ok) {
        state().upsertIncidents([got.value]);
        refreshIfShown(id);
      }
      return got.ok;
    },
    async addNote(id, text) {
      const got = await act('addNote', () => transport.request('incidents.addNote', { id, text }));
      if (got.ok) refreshIfShown(id);
      return got.ok;
    },
    async assignUnit(id, unitId) {
      const got = await act('assignUnit', () => transport.request('incidents.assignUnit', { id, unitId }));
      if (got.ok) refreshIfShown(id);
      return got.ok;
    },
    async releaseUnit(id, unitId) {
      const got = await act('releaseUnit', () => transport.request('incidents.releaseUnit', { id, unitId }));
      if (got.ok) refreshIfShown(id);
      return got.ok;
    },
    async dismissRejection(mutationId) {
      const got = await act('dismissRejection', () => transport.request('sync.dismissRejection', { mutationId }));
      if (got.ok) state().removeRejection(mutationId);
      return got.ok;
    },
    async plan(id) {
      const got = await attempt(() => transport.request('incidents.plan', { id }));
      if (!got.ok) state().pushNotice({ kind: 'action-failed', action: 'loadPlan', code: got.code });
      return got;
    },
    async planStep(id, ordinal, outcome) {
      const got = await act('planStep', () => transport.request('incidents.planStep', { id, ordinal, outcome }));
      if (got.ok) refreshIfShown(id);
      return got.ok;
    },
    async importMap(path) {
      const got = await act('importMap', () => transport.request('maps.import', { path }));
      return got.ok ? got.value : null;
    },
    async saveTileSource(source) {
      const got = await attempt(() => transport.request('maps.saveOnlineSource', source));
      if (got.ok) state().setMapSettings(got.value);
      return got;
    },
    async removeTileSource(id) {
      const got = await act('removeTileSource', () => transport.request('maps.removeOnlineSource', { id }));
      if (got.ok) state().setMapSettings(got.value);
      return got.ok;
    },
    async setBasemap(basemap) {
      const got = await act('setBasemap', () => transport.request('maps.setBasemap', { basemap }));
      if (got.ok) state().setMapSettings(got.value);
      return got.ok;
    },
    reloadChronology() {
      void reloadSelectedChronology();
    },
    workspace,
    diagnostics: linkDiagnostics(transport),
    drones,
  };
}
