// A window's role is in its address (?role=map); the view it opens on follows from it. Pure:
// takes the query string, so it is testable without a browser.
import { WindowRole } from '../../../electron/shared/domain/identity';
import type { View } from '../state/console-store';

export function windowRole(search: string): WindowRole {
  const role = WindowRole.safeParse(new URLSearchParams(search).get('role'));
  return role.success ? role.data : 'console';
}

const VIEW_OF_ROLE: Partial<Record<WindowRole, View>> = { map: 'map', video: 'video', wall: 'wall' };

/** The view a role window opens on; the console (and anything else) opens on the incidents. */
export const viewOfRole = (role: WindowRole): View => VIEW_OF_ROLE[role] ?? 'incidents';
