// What one console window knows. Filled from main through the transport (state/main-link.ts);
// components read it with selectors and never talk to the transport for data themselves.
import { create } from 'zustand';
import type { ErrorCode } from '../../../electron/shared/contract/errors';
import type { HubStatus, SessionInfo, StoreStatus } from '../../../electron/shared/contract/status';
import type { Language } from '../../../electron/shared/domain/identity';
import type { Incident } from '../../../electron/shared/domain/incident';
import type { VideoPoint } from '../../../electron/shared/domain/video-point';
import type { LinkState } from '../transport/transport';

export const VIEWS = ['incidents', 'map', 'video', 'wall'] as const;
export type View = (typeof VIEWS)[number];

/** A message for the operator, named by translation key so it follows the language. */
export type Notice =
  | { kind: 'recovered'; path: string }
  | { kind: 'recover-failed'; message: string }
  | { kind: 'load-failed'; code: ErrorCode | 'link-down' };

export interface ConsoleState {
  link: LinkState;
  session: SessionInfo | null;
  store: StoreStatus | null;
  hub: HubStatus | null;
  language: Language;
  view: View;
  incidents: ReadonlyMap<string, Incident>;
  videoPoints: readonly VideoPoint[];
  selectedIncidentId: string | null;
  notice: Notice | null;

  setLink(link: LinkState): void;
  setSession(session: SessionInfo): void;
  setStore(store: StoreStatus): void;
  setHub(hub: HubStatus): void;
  setLanguage(language: Language): void;
  setView(view: View): void;
  replaceIncidents(rows: readonly Incident[]): void;
  upsertIncidents(rows: readonly Incident[]): void;
  setVideoPoints(rows: readonly VideoPoint[]): void;
  selectIncident(id: string | null): void;
  setNotice(notice: Notice | null): void;
}

export const useConsole = create<ConsoleState>()((set) => ({
  link: 'connecting',
  session: null,
  store: null,
  hub: null,
  language: 'zh-CN',
  view: 'incidents',
  incidents: new Map(),
  videoPoints: [],
  selectedIncidentId: null,
  notice: null,

  setLink: (link) => set({ link }),
  setSession: (session) => set({ session, store: session.store, hub: session.hub, language: session.language }),
  setStore: (store) => set({ store }),
  setHub: (hub) => set({ hub }),
  setLanguage: (language) => set({ language }),
  setView: (view) => set({ view }),
  replaceIncidents: (rows) => set({ incidents: new Map(rows.map((r) => [r.id, r])) }),
  // A pushed change may arrive before or after a list reply; the higher rowVersion wins so a
  // late, older copy never overwrites a newer one.
  upsertIncidents: (rows) =>
    set((s) => {
      const next = new Map(s.incidents);
      for (const r of rows) {
        const have = next.get(r.id);
        if (!have || have.rowVersion <= r.rowVersion) next.set(r.id, r);
      }
      return { incidents: next };
    }),
  setVideoPoints: (videoPoints) => set({ videoPoints }),
  selectIncident: (selectedIncidentId) => set({ selectedIncidentId }),
  setNotice: (notice) => set({ notice }),
}));
