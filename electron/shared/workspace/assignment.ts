// Which roles each display has, as the operator set them and as they are saved per workstation.
// Saved by display id; a display whose id changed (some systems renumber them after a reboot)
// is found again by its label and size.
import { z } from 'zod';
import { WINDOW_ROLES, WindowRole } from '../domain/identity';
import { MAX_DISPLAYS, type Display } from './display';
import { MAX_COORDINATE } from './rect';
import { orderedRoles, WallMonitor, windowKey, windowsOfRoles } from './role-window';

/** Displays remembered while absent; beyond this the oldest remembered ones are forgotten. */
export const MAX_SAVED_DISPLAYS = 32;

const DisplayId = z.string().trim().min(1).max(100);
const Roles = z.array(WindowRole).max(WINDOW_ROLES.length);

interface RolesEntry {
  roles: readonly WindowRole[];
  wallMonitor?: string | undefined;
}

/**
 * A role window lives on one display: each role on at most one display, each wall monitor
 * shown on at most one display (a display has one wall-output window).
 */
function assignmentProblems<E extends RolesEntry>(idOf: (e: E) => string) {
  return (list: readonly E[], ctx: z.RefinementCtx): void => {
    const ids = new Set<string>();
    const owner = new Map<string, number>();
    list.forEach((e, i) => {
      const id = idOf(e);
      if (ids.has(id)) ctx.addIssue({ code: 'custom', message: `display "${id}" is listed twice`, path: [i] });
      ids.add(id);
      if (new Set(e.roles).size !== e.roles.length) ctx.addIssue({ code: 'custom', message: `a role is listed twice for display "${id}"`, path: [i, 'roles'] });
      if (e.wallMonitor !== undefined && !e.roles.includes('wall-output')) {
        ctx.addIssue({ code: 'custom', message: `display "${id}" has a wall monitor but not the wall-output role`, path: [i, 'wallMonitor'] });
      }
      for (const w of windowsOfRoles(e.roles, e.wallMonitor)) {
        const key = windowKey(w);
        const before = owner.get(key);
        if (before !== undefined && before !== i) {
          const what = w.role === 'wall-output' ? `wall monitor ${w.monitor}` : `role ${w.role}`;
          ctx.addIssue({ code: 'custom', message: `${what} is given to two displays ("${idOf(list[before]!)}" and "${id}")`, path: [i, 'roles'] });
        }
        owner.set(key, i);
      }
    });
  };
}

/** The roles of one present display, as the renderer sets them and main reports them. */
export const DisplayRoles = z.object({ displayId: DisplayId, roles: Roles, wallMonitor: WallMonitor.optional() }).strict();
export type DisplayRoles = z.infer<typeof DisplayRoles>;

/** A whole assignment for the displays present: a display not listed has no role. */
export const RoleAssignment = z.array(DisplayRoles).max(MAX_DISPLAYS).superRefine(assignmentProblems((e: DisplayRoles) => e.displayId));

/** A display's roles as saved: with what it takes to recognise the display if its id changes. */
export const SavedDisplay = z
  .object({
    id: DisplayId,
    label: z.string().max(100),
    width: z.number().int().min(1).max(MAX_COORDINATE),
    height: z.number().int().min(1).max(MAX_COORDINATE),
    roles: Roles.min(1),
    wallMonitor: WallMonitor.optional(),
  })
  .strict();
export type SavedDisplay = z.infer<typeof SavedDisplay>;

export const SavedAssignment = z.array(SavedDisplay).max(MAX_SAVED_DISPLAYS).superRefine(assignmentProblems((e: SavedDisplay) => e.id));

export interface ResolvedAssignment {
  /** Roles of the displays present, in the displays' order. */
  present: DisplayRoles[];
  /** Saved displays not present now: remembered until they return. */
  absent: SavedDisplay[];
}

const rolesOf = (displayId: string, e: RolesEntry): DisplayRoles => ({ displayId, roles: [...e.roles], ...(e.wallMonitor !== undefined ? { wallMonitor: e.wallMonitor } : {}) });

/** Matches saved displays to present ones: by id first, then by label and size. */
export function resolveAssignment(saved: readonly SavedDisplay[], displays: readonly Display[]): ResolvedAssignment {
  const matched = new Map<string, SavedDisplay>();
  const byIdMissed: SavedDisplay[] = [];
  const presentIds = new Set(displays.map((d) => d.id));
  for (const s of saved) {
    if (presentIds.has(s.id) && !matched.has(s.id)) matched.set(s.id, s);
    else byIdMissed.push(s);
  }
  const absent: SavedDisplay[] = [];
  for (const s of byIdMissed) {
    const d = displays.find((x) => !matched.has(x.id) && x.label === s.label && x.bounds.width === s.width && x.bounds.height === s.height);
    if (d) matched.set(d.id, s);
    else absent.push(s);
  }
  const present = displays.flatMap((d) => {
    const s = matched.get(d.id);
    return s ? [rolesOf(d.id, s)] : [];
  });
  return { present, absent };
}

/**
 * What to save after the operator set the roles of the present displays: those, plus the
 * displays remembered while absent, less any role (or wall monitor) now given to a present one.
 * Every id in `given` must be a present display (the caller refuses others first).
 */
export function mergeAssignment(saved: readonly SavedDisplay[], displays: readonly Display[], given: readonly DisplayRoles[]): SavedDisplay[] {
  const byId = new Map(displays.map((d) => [d.id, d]));
  const taken = new Set(given.flatMap((g) => windowsOfRoles(g.roles, g.wallMonitor).map(windowKey)));
  const fresh = given.flatMap((g): SavedDisplay[] => {
    const d = byId.get(g.displayId);
    if (!d || g.roles.length === 0) return [];
    const roles = orderedRoles(g.roles);
    return [{ id: d.id, label: d.label, width: d.bounds.width, height: d.bounds.height, roles, ...(roles.includes('wall-output') ? { wallMonitor: g.wallMonitor ?? 'all' } : {}) }];
  });
  const kept = resolveAssignment(saved, displays).absent.flatMap((s): SavedDisplay[] => {
    const roles = s.roles.filter((role) => !taken.has(windowKey({ role, ...(s.wallMonitor !== undefined ? { monitor: s.wallMonitor } : {}) })));
    if (roles.length === 0) return [];
    const { wallMonitor, ...rest } = s;
    return [{ ...rest, roles, ...(roles.includes('wall-output') && wallMonitor !== undefined ? { wallMonitor } : {}) }];
  });
  return [...fresh, ...kept].slice(0, MAX_SAVED_DISPLAYS);
}
