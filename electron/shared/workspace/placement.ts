// Where every role window goes, given the displays present and the roles they were given. The
// hosts only carry this out (Electron moves its windows, a browser opens windows at these
// bounds), so the rules are here and property-tested:
// - a window whose display is present goes on that display's work area (and stays put if it
//   already lies wholly inside it: the operator may have sized it);
// - any other window stays put if it lies wholly inside some display's work area, else it moves
//   to the console's display (or the primary one) at its own size, shrunk to fit if need be —
//   a wall output, which fills its display, to another display than that where there is one;
// - so every window ends fully on a present display's work area, and re-placing with the
//   same displays moves nothing.
import { z } from 'zod';
import { WindowRole, type WindowRole as Role } from '../domain/identity';
import type { DisplayRoles, SavedDisplay } from './assignment';
import { primaryOf, type Display } from './display';
import { contains, Rect } from './rect';
import { WallMonitor, windowKey, windowsOfRoles, type RoleWindow } from './role-window';

/** A window's size when nothing says otherwise (what the Electron host always opened at). */
export const DEFAULT_WINDOW_SIZE = { width: 1600, height: 900 } as const;
/** Windows moved onto one display are stepped by this much so none hides another's title bar. */
const CASCADE_STEP = 32;
const CASCADE_STEPS = 8;

export interface WindowNow extends RoleWindow {
  /** Where the window is now; null when it is not open (or the host cannot see it). */
  bounds: Rect | null;
}

export const Placement = z
  .object({
    key: z.string(),
    role: WindowRole,
    monitor: WallMonitor.optional(),
    displayId: z.string(),
    bounds: Rect,
    /** On the display it was assigned to (false: unassigned, or its display is absent). */
    onAssignedDisplay: z.boolean(),
  })
  .strict();
export type Placement = z.infer<typeof Placement>;

/**
 * Bounds for every window in `windows`, in the same order. With no display at all nothing can
 * be placed and the answer is empty (hosts then leave windows where they are).
 */
export function placeWindows(displays: readonly Display[], assignment: readonly DisplayRoles[], windows: readonly WindowNow[]): Placement[] {
  const fallbackPrimary = primaryOf(displays);
  if (!fallbackPrimary) return [];
  const home = homes(displays, assignment);
  const fallback = home.get('console') ?? fallbackPrimary;
  const outputFallback = displays.find((d) => d.id !== fallback.id) ?? fallback;
  let moved = 0;
  return windows.map((w) => {
    const key = windowKey(w);
    const base = { key, role: w.role, ...(w.role === 'wall-output' ? { monitor: w.monitor ?? 'all' } : {}) };
    const assigned = home.get(key);
    if (assigned) {
      const stays = w.bounds !== null && contains(assigned.workArea, w.bounds);
      return { ...base, displayId: assigned.id, bounds: { ...(stays ? w.bounds! : assigned.workArea) }, onAssignedDisplay: true };
    }
    const on = w.bounds && displays.find((d) => contains(d.workArea, w.bounds!));
    if (on) return { ...base, displayId: on.id, bounds: { ...w.bounds! }, onAssignedDisplay: false };
    const target = w.role === 'wall-output' ? outputFallback : fallback;
    return { ...base, displayId: target.id, bounds: fitInto(target.workArea, w.bounds ?? DEFAULT_WINDOW_SIZE, moved++), onAssignedDisplay: false };
  });
}

/** The present display each assigned window belongs on (ids not present are ignored). */
function homes(displays: readonly Display[], assignment: readonly DisplayRoles[]): Map<string, Display> {
  const byId = new Map(displays.map((d) => [d.id, d]));
  const home = new Map<string, Display>();
  for (const a of assignment) {
    const d = byId.get(a.displayId);
    if (!d) continue;
    for (const w of windowsOfRoles(a.roles, a.wallMonitor)) if (!home.has(windowKey(w))) home.set(windowKey(w), d);
  }
  return home;
}

/** A window of `size` (shrunk to fit) near the middle of `area`, stepped by its place in line. */
function fitInto(area: Rect, size: { width: number; height: number }, nth: number): Rect {
  const width = Math.max(1, Math.min(Math.round(size.width), area.width));
  const height = Math.max(1, Math.min(Math.round(size.height), area.height));
  const step = (nth % CASCADE_STEPS) * CASCADE_STEP;
  return {
    x: area.x + Math.min(Math.floor((area.width - width) / 2) + step, area.width - width),
    y: area.y + Math.min(Math.floor((area.height - height) / 2) + step, area.height - height),
    width,
    height,
  };
}

/**
 * The windows a workstation has: the console always, every role saved for a display (present
 * or not: a window whose display is absent waits on another one), and whatever else is open.
 */
export function wantedWindows(saved: readonly SavedDisplay[], open: readonly WindowNow[] = []): WindowNow[] {
  const byKey = new Map<string, WindowNow>([['console', { role: 'console', bounds: null }]]);
  for (const s of saved) for (const w of windowsOfRoles(s.roles, s.wallMonitor)) byKey.set(windowKey(w), { ...w, bounds: null });
  for (const w of open) byKey.set(windowKey(w), w);
  const rank = (r: Role) => WindowRole.options.indexOf(r);
  return [...byKey.values()].sort((a, b) => rank(a.role) - rank(b.role) || windowKey(a).localeCompare(windowKey(b)));
}
