// The roles the operator is editing in the Displays panel, before they are saved. Pure. A role
// window lives on one display, so giving a role to a display takes it from any other; two
// displays showing the same wall monitor is a problem shown to the operator, not guessed away.
import type { WindowRole } from '../../../electron/shared/domain/identity';
import type { DisplayRoles } from '../../../electron/shared/workspace/assignment';
import { orderedRoles, WallMonitor } from '../../../electron/shared/workspace/role-window';
import type { WorkspaceState } from '../../../electron/shared/workspace/state';

export interface DraftEntry {
  roles: WindowRole[];
  /** Kept while the role is off, so switching it back on restores what was typed. */
  wallMonitor: string;
}
/** Display id → its roles, in the displays' order. */
export type RoleDraft = ReadonlyMap<string, DraftEntry>;

export function draftOf(state: WorkspaceState): RoleDraft {
  const byId = new Map(state.roles.map((r) => [r.displayId, r]));
  return new Map(state.displays.map((d) => [d.id, { roles: [...(byId.get(d.id)?.roles ?? [])], wallMonitor: byId.get(d.id)?.wallMonitor ?? 'all' }]));
}

export function toggleRole(draft: RoleDraft, displayId: string, role: WindowRole): RoleDraft {
  const on = !draft.get(displayId)?.roles.includes(role);
  return new Map(
    [...draft].map(([id, e]) => {
      if (id === displayId) return [id, { ...e, roles: on ? orderedRoles([...e.roles, role]) : e.roles.filter((r) => r !== role) }];
      // The wall output is one window per wall monitor, so other displays may keep theirs.
      if (on && role !== 'wall-output') return [id, { ...e, roles: e.roles.filter((r) => r !== role) }];
      return [id, e];
    }),
  );
}

export function setWallMonitor(draft: RoleDraft, displayId: string, wallMonitor: string): RoleDraft {
  return new Map([...draft].map(([id, e]) => [id, id === displayId ? { ...e, wallMonitor } : e]));
}

export type DraftProblem = { kind: 'monitor-invalid'; displayId: string } | { kind: 'monitor-twice'; monitor: string };

/** What stops the draft from being saved, if anything. */
export function draftProblem(draft: RoleDraft): DraftProblem | null {
  const shown = new Set<string>();
  for (const [displayId, e] of draft) {
    if (!e.roles.includes('wall-output')) continue;
    const monitor = e.wallMonitor.trim();
    if (!WallMonitor.safeParse(monitor).success) return { kind: 'monitor-invalid', displayId };
    if (shown.has(monitor)) return { kind: 'monitor-twice', monitor };
    shown.add(monitor);
  }
  return null;
}

/** The draft as main takes it: every display, with its roles (none is a valid answer). */
export function toAssignment(draft: RoleDraft): DisplayRoles[] {
  return [...draft].map(([displayId, e]) => ({ displayId, roles: e.roles, ...(e.roles.includes('wall-output') ? { wallMonitor: e.wallMonitor.trim() } : {}) }));
}

/** The draft differs from what main has saved. */
export function draftChanged(draft: RoleDraft, state: WorkspaceState): boolean {
  return JSON.stringify(toAssignment(draft)) !== JSON.stringify(toAssignment(draftOf(state)));
}
