// What a window knows of the workstation's monitors: main's answer (displays, roles, where the
// role windows go), whether this browser may list every screen, and the panel's visibility.
import { create } from 'zustand';
import type { WorkspaceState } from '../../../electron/shared/workspace/state';
import type { FailureCode } from './outcome';

/** The Window Management API here: absent, not yet asked, allowed, or refused by the operator. */
export type ScreenAccess = 'unsupported' | 'prompt' | 'granted' | 'denied';

export interface WorkspaceView {
  state: WorkspaceState | null;
  /** Why the last load failed (shown in the panel; the console works without it). */
  failed: FailureCode | null;
  access: ScreenAccess;
  panelOpen: boolean;
  setState(state: WorkspaceState): void;
  setFailed(code: FailureCode): void;
  setAccess(access: ScreenAccess): void;
  setPanelOpen(open: boolean): void;
}

export const useWorkspace = create<WorkspaceView>()((set) => ({
  state: null,
  failed: null,
  access: 'unsupported',
  panelOpen: false,
  setState: (state) => set({ state, failed: null }),
  setFailed: (failed) => set({ failed }),
  setAccess: (access) => set({ access }),
  setPanelOpen: (panelOpen) => set({ panelOpen }),
}));
