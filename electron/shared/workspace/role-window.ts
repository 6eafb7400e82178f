// Which windows a workstation has: one per role, except the wall output, of which there is one
// per wall monitor shown (a wall controller PC drives several outputs).
import { z } from 'zod';
import { WINDOW_ROLES, type WindowRole } from '../domain/identity';

/** What a wall-output window shows: the whole wall, or one monitor by row and column. */
export const WallMonitor = z.string().regex(/^(all|r[1-9][0-9]?c[1-9][0-9]?)$/, 'a wall monitor is "all" or r<row>c<column>, e.g. r1c2');
export type WallMonitor = z.infer<typeof WallMonitor>;

export interface RoleWindow {
  role: WindowRole;
  /** Only for 'wall-output'. */
  monitor?: string;
}

/** The name a window is known by: its role, or the wall monitor it shows. */
export const windowKey = (w: RoleWindow): string => (w.role === 'wall-output' ? `wall-output:${w.monitor ?? 'all'}` : w.role);

/** The windows a display's roles stand for. */
export function windowsOfRoles(roles: readonly WindowRole[], wallMonitor: string | undefined): RoleWindow[] {
  return roles.map((role) => (role === 'wall-output' ? { role, monitor: wallMonitor ?? 'all' } : { role }));
}

/** Roles in the product's order, each once. */
export const orderedRoles = (roles: Iterable<WindowRole>): WindowRole[] => {
  const set = new Set(roles);
  return WINDOW_ROLES.filter((r) => set.has(r));
};
