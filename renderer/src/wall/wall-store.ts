// The wall as this window knows it: main's last word (wall.state), who else is working on it
// (wall.presence), this console's identity, and what happened to its own recent changes.
import { create } from 'zustand';
import type { EditAnswer, Presence, WallEdit, WallState } from '../../../electron/shared/wall';
import type { FailureCode } from '../state/outcome';

/** What became of one of this console's changes, for the operator to see (and put back if overridden). */
export type WallOutcome =
  | { kind: 'overrode'; revision: number; others: EditAnswer['overrode'] }
  | { kind: 'overridden'; revision: number; by: { workstationId: string; operator: string }; byRevision: number }
  | { kind: 'refused'; code: string; message: string }
  | { kind: 'failed'; code: FailureCode };

export interface WallClientState {
  wall: WallState | null;
  editors: Presence[];
  /** This console's id (kept per browser profile / window) and the name other consoles see. */
  consoleId: string;
  label: string;
  outcomes: { id: number; outcome: WallOutcome }[];
  /** This console's recent applied edits by revision, so one another console replaced can be put back. */
  mine: { revision: number; edit: WallEdit }[];
  setWall(wall: WallState): void;
  setEditors(editors: Presence[]): void;
  setLabel(label: string): void;
  pushOutcome(outcome: WallOutcome): void;
  dismissOutcome(id: number): void;
  rememberEdit(revision: number, edit: WallEdit): void;
}

const CONSOLE_KEY = 'vigil.wall.console';
const LABEL_KEY = 'vigil.wall.label';
const KEPT_OUTCOMES = 4;
/** As many as wall.state's recent history holds: older overrides are not reported anyway. */
const KEPT_EDITS = 50;

function stored(key: string, make: () => string): string {
  try {
    const v = localStorage.getItem(key);
    if (v) return v;
    const made = make();
    localStorage.setItem(key, made);
    return made;
  } catch {
    return make();
  }
}

let nextOutcome = 1;

export const useWall = create<WallClientState>((set, get) => ({
  wall: null,
  editors: [],
  consoleId: stored(CONSOLE_KEY, () => `c-${crypto.randomUUID().slice(0, 18)}`),
  label: stored(LABEL_KEY, () => ''),
  outcomes: [],
  mine: [],
  setWall(wall) {
    const mine = get().consoleId;
    const before = get().wall;
    // A change of this console's that another console has just replaced: tell the operator once.
    const overridden = before
      ? wall.recent.filter((h) => h.by.workstationId === mine && h.overriddenBy && !before.recent.some((b) => b.revision === h.revision && b.overriddenBy))
      : [];
    set({ wall });
    for (const h of overridden) get().pushOutcome({ kind: 'overridden', revision: h.revision, by: h.overriddenBy!.by, byRevision: h.overriddenBy!.revision });
  },
  setEditors: (editors) => set({ editors }),
  setLabel(label) {
    try {
      localStorage.setItem(LABEL_KEY, label);
    } catch {
      /* private mode: the label lasts this session */
    }
    set({ label });
  },
  pushOutcome: (outcome) => set((s) => ({ outcomes: [...s.outcomes, { id: nextOutcome++, outcome }].slice(-KEPT_OUTCOMES) })),
  dismissOutcome: (id) => set((s) => ({ outcomes: s.outcomes.filter((o) => o.id !== id) })),
  rememberEdit: (revision, edit) => set((s) => ({ mine: [...s.mine, { revision, edit }].slice(-KEPT_EDITS) })),
}));
