// What one console window knows. Filled from main through the transport (state/main-link.ts);
// components read it with selectors and never talk to the transport for data themselves.
import type { MapSettings } from '../../../electron/shared/domain/tile-source';
import { create } from 'zustand';
import type { HubStatus, SessionInfo, StoreStatus } from '../../../electron/shared/contract/status';
import type { ChronologyEntry, Rejection } from '../../../electron/shared/domain/chronology';
import type { Language } from '../../../electron/shared/domain/identity';
import type { GeoPoint, Incident } from '../../../electron/shared/domain/incident';
import type { Unit } from '../../../electron/shared/domain/unit';
import type { VideoPoint } from '../../../electron/shared/domain/video-point';
import type { LinkState } from '../transport/transport';
import { isFinished } from './incident-order';
import { DEFAULT_FILTER, type QueueFilter } from './queue-filter';
import { withNotice, type Notice, type ShownNotice } from './notices';
import type { FailureCode } from './outcome';
import { upsertByVersion } from './versioned';
import { emptyLayout, type VideoLayout } from '../video/video-layout';

export type { Notice } from './notices';

/** `diagnostics` (Alt+5) is for everyone; `audit` is the supervisor's audit log (Alt+6), which Nav shows only to a role that may read it. */
export const VIEWS = ['incidents', 'map', 'video', 'wall', 'diagnostics', 'audit'] as const;
export type View = (typeof VIEWS)[number];

/** The selected incident's chronology as last asked of main. */
export type ChronologyView =
  | { incidentId: string; state: 'loading' }
  | { incidentId: string; state: 'ready'; entries: readonly ChronologyEntry[] }
  | { incidentId: string; state: 'failed'; code: FailureCode };

export interface ConsoleState {
  link: LinkState;
  session: SessionInfo | null;
  store: StoreStatus | null;
  hub: HubStatus | null;
  language: Language;
  /** The workstation's online tile sources and base map choice (none until main says). */
  mapSettings: MapSettings;
  view: View;
  incidents: ReadonlyMap<string, Incident>;
  units: ReadonlyMap<string, Unit>;
  videoPoints: readonly VideoPoint[];
  selectedIncidentId: string | null;
  chronology: ChronologyView | null;
  /** Actions the hub refused, until the operator dismisses each. */
  rejections: readonly Rejection[];
  /** The new-incident form is open (one per window; Alt+N opens it from any view). */
  creatingIncident: boolean;
  notices: readonly ShownNotice[];
  queueFilter: QueueFilter;
  /** Drill: marked on every screen, and every incident this window creates is an exercise. */
  exerciseMode: boolean;
  /** The units board under the queue (Alt+U). */
  unitsBoardOpen: boolean;
  /** Where the operator right-clicked the map to report an incident: the form starts there. */
  draftLocation: GeoPoint | null;
  /** Urgent incidents that arrived while this window was open, newest first, until looked at. */
  alerts: readonly string[];
  /** A camera opened from elsewhere (an incident's cameras, the map), for the video view to place. */
  cameraToOpen: string | null;
  /** The video view's grid and the camera in each tile (kept by main with the window's view). */
  videoLayout: VideoLayout;

  setLink(link: LinkState): void;
  setSession(session: SessionInfo): void;
  setStore(store: StoreStatus): void;
  setHub(hub: HubStatus): void;
  setLanguage(language: Language): void;
  setMapSettings(settings: MapSettings): void;
  setView(view: View): void;
  /** Shows a camera in the video view (the selected tile if free, else the first free one). */
  openCamera(id: string | null): void;
  setVideoLayout(layout: VideoLayout): void;
  replaceIncidents(rows: readonly Incident[]): void;
  upsertIncidents(rows: readonly Incident[]): void;
  replaceUnits(rows: readonly Unit[]): void;
  upsertUnits(rows: readonly Unit[]): void;
  setVideoPoints(rows: readonly VideoPoint[]): void;
  selectIncident(id: string | null): void;
  setChronology(chronology: ChronologyView | null): void;
  setRejections(rows: readonly Rejection[]): void;
  removeRejection(mutationId: string): void;
  setCreatingIncident(open: boolean): void;
  pushNotice(notice: Notice): void;
  dismissNotice(id: number): void;
  dismissNotices(kind: Notice['kind']): void;
  setQueueFilter(patch: Partial<QueueFilter>): void;
  setExerciseMode(on: boolean): void;
  setUnitsBoardOpen(open: boolean): void;
  setDraftLocation(at: GeoPoint | null): void;
  dismissAlert(id: string): void;
}

/** Priority 1 and 2 arrivals are announced; the rest simply appear in the queue. */
const ANNOUNCED_PRIORITY = 2;
const MAX_ALERTS = 5;

function arrivals(known: ReadonlyMap<string, Incident>, rows: readonly Incident[]): string[] {
  return rows.filter((r) => !known.has(r.id) && !r.pending && r.priority <= ANNOUNCED_PRIORITY && !isFinished(r)).map((r) => r.id);
}

let nextNoticeId = 1;

export const useConsole = create<ConsoleState>()((set) => ({
  link: 'connecting',
  session: null,
  store: null,
  hub: null,
  language: 'zh-CN',
  mapSettings: { onlineSources: [], basemap: null },
  view: 'incidents',
  incidents: new Map(),
  units: new Map(),
  videoPoints: [],
  selectedIncidentId: null,
  chronology: null,
  rejections: [],
  creatingIncident: false,
  notices: [],
  queueFilter: DEFAULT_FILTER,
  exerciseMode: false,
  unitsBoardOpen: false,
  draftLocation: null,
  alerts: [],
  cameraToOpen: null,
  videoLayout: emptyLayout(),

  setLink: (link) => set({ link }),
  setSession: (session) => set({ session, store: session.store, hub: session.hub, language: session.language }),
  setStore: (store) => set({ store }),
  setHub: (hub) => set({ hub }),
  setLanguage: (language) => set({ language }),
  setMapSettings: (mapSettings) => set({ mapSettings }),
  setView: (view) => set({ view }),
  setVideoLayout: (videoLayout) => set({ videoLayout }),
  openCamera: (cameraToOpen) => set(cameraToOpen ? { cameraToOpen, view: 'video' } : { cameraToOpen }),
  replaceIncidents: (rows) => set({ incidents: new Map(rows.map((r) => [r.id, r])) }),
  upsertIncidents: (rows) =>
    set((s) => {
      // Only after the first load: what was there when the window opened is not news.
      const fresh = s.session && s.incidents.size > 0 ? arrivals(s.incidents, rows) : [];
      return { incidents: upsertByVersion(s.incidents, rows), ...(fresh.length ? { alerts: [...fresh.reverse(), ...s.alerts].slice(0, MAX_ALERTS) } : {}) };
    }),
  replaceUnits: (rows) => set({ units: new Map(rows.map((r) => [r.id, r])) }),
  upsertUnits: (rows) => set((s) => ({ units: upsertByVersion(s.units, rows) })),
  setVideoPoints: (videoPoints) => set({ videoPoints }),
  selectIncident: (selectedIncidentId) => set((s) => ({ selectedIncidentId, alerts: s.alerts.filter((a) => a !== selectedIncidentId) })),
  setChronology: (chronology) => set({ chronology }),
  setRejections: (rejections) => set({ rejections }),
  removeRejection: (mutationId) => set((s) => ({ rejections: s.rejections.filter((r) => r.mutationId !== mutationId) })),
  setCreatingIncident: (creatingIncident) => set({ creatingIncident }),
  pushNotice: (notice) => set((s) => ({ notices: withNotice(s.notices, notice, nextNoticeId++) })),
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  dismissNotices: (kind) => set((s) => ({ notices: s.notices.filter((n) => n.notice.kind !== kind) })),
  setExerciseMode: (exerciseMode) => set({ exerciseMode }),
  setUnitsBoardOpen: (unitsBoardOpen) => set({ unitsBoardOpen }),
  setDraftLocation: (draftLocation) => set({ draftLocation }),
  setQueueFilter: (patch) => set((s) => ({ queueFilter: { ...s.queueFilter, ...patch } })),
  dismissAlert: (id) => set((s) => ({ alerts: s.alerts.filter((a) => a !== id) })),
}));
