// The page's view of its screens: the Window Management API (`getScreenDetails`, permission
// 'window-management') where the browser has it, else the one screen the window is on.
import type { ScreenLike } from '../../../electron/shared/workspace/screens';
import { displaysFromScreens } from '../../../electron/shared/workspace/screens';
import { windowRole } from '../shell/window-role';
import type { ScreensEnv } from '../state/workspace-link';

interface ScreenDetails extends EventTarget {
  readonly screens: readonly ScreenLike[];
}
type WithScreenDetails = Window & { getScreenDetails?: () => Promise<ScreenDetails> };

/** Null outside a page (unit tests of the link). */
export function browserScreens(): ScreensEnv | null {
  if (typeof window === 'undefined') return null;
  const w = window as WithScreenDetails;
  let following = false;
  return {
    role: windowRole(w.location.search),
    async access() {
      if (typeof w.getScreenDetails !== 'function') return 'unsupported';
      try {
        return (await navigator.permissions.query({ name: 'window-management' as PermissionName })).state;
      } catch {
        return 'prompt';
      }
    },
    async screens(onChange) {
      try {
        const details = await w.getScreenDetails!();
        if (!following) {
          following = true;
          details.addEventListener('screenschange', onChange);
        }
        return displaysFromScreens(details.screens);
      } catch {
        return null; // the operator said no, or the page is not allowed to ask
      }
    },
    ownScreen() {
      // Without the API a page cannot tell where its screen sits among others: it is the origin.
      const s = w.screen;
      return displaysFromScreens([{ left: 0, top: 0, width: s.width, height: s.height, availLeft: 0, availTop: 0, availWidth: s.availWidth, availHeight: s.availHeight, devicePixelRatio: w.devicePixelRatio, isPrimary: true, label: '' }]);
    },
  };
}
