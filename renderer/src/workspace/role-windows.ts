// Role windows in a browser: the console opens each at its placement with window.open. The
// browser decides in the end: without the 'window-management' permission Chromium keeps a
// new window on the opener's screen, and it allows one new window per click.
import type { Placement } from '../../../electron/shared/workspace/placement';
import type { RoleWindow } from '../../../electron/shared/workspace/role-window';

export function roleWindowUrl(base: string, w: RoleWindow): string {
  const query = new URLSearchParams({ role: w.role, ...(w.role === 'wall-output' ? { monitor: w.monitor ?? 'all' } : {}) });
  return `${base}?${query}`;
}

/** Position and size for window.open; a window by the same name is reused, not duplicated. */
export const windowFeatures = (p: Placement): string => `popup,left=${p.bounds.x},top=${p.bounds.y},width=${p.bounds.width},height=${p.bounds.height}`;

/**
 * Opens (or brings back) a role window; false when the browser blocked it. Not noopener: the
 * new window gets a copy of this tab's session storage, and with it the pairing token.
 */
export function openRoleWindow(p: Placement): boolean {
  return window.open(roleWindowUrl(location.origin + location.pathname, p), `vigil-${p.key}`, windowFeatures(p)) !== null;
}
