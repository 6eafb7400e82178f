import path from 'node:path';
import { BrowserWindow, screen, type Rectangle } from 'electron';
import type { WindowRole } from '../shared/domain/identity';
import { DEFAULT_WINDOW_SIZE, type WindowNow } from '../shared/workspace/placement';
import { sameRect, type Rect } from '../shared/workspace/rect';
import { windowKey, type RoleWindow } from '../shared/workspace/role-window';
import { APP_ORIGIN, secureWebPreferences } from './security-policy';

/** Keyed by role, and wall outputs by their monitor (`wall-output:r1c1`): one window each. */
const windows = new Map<string, { win: BrowserWindow; window: RoleWindow }>();
let changed: () => void = () => undefined;

/** Told whenever a role window opens, closes, moves or is resized (main keeps them for the next start). */
export function onRoleWindowsChanged(listener: () => void): void {
  changed = listener;
}

/**
 * One window per role; asking again focuses the existing one. `bounds` come from the
 * workspace's placement, so a window never opens off-screen. A wall output is a frameless
 * full-screen window with a black background, on the display its bounds are on.
 */
export async function openRoleWindow(w: RoleWindow, preloadPath: string, bounds: Rect | null = null): Promise<BrowserWindow> {
  const key = windowKey(w);
  const existing = windows.get(key)?.win;
  if (existing && !existing.isDestroyed()) {
    existing.focus();
    return existing;
  }
  const output = w.role === 'wall-output';
  const win = new BrowserWindow({
    ...(bounds ?? DEFAULT_WINDOW_SIZE),
    ...(output ? { frame: false, fullscreen: true, autoHideMenuBar: true } : {}),
    backgroundColor: output ? '#000000' : '#0b1118',
    title: 'Vigil 值守',
    show: false,
    webPreferences: secureWebPreferences(path.resolve(preloadPath)),
  });
  windows.set(key, { win, window: w });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    windows.delete(key);
    changed();
  });
  win.on('moved', () => changed());
  win.on('resized', () => changed());
  win.on('enter-full-screen', () => changed());
  win.on('leave-full-screen', () => changed());
  changed();
  const query = new URLSearchParams({ role: w.role, ...(output ? { monitor: w.monitor ?? 'all' } : {}) });
  await win.loadURL(`${APP_ORIGIN}/index.html?${query}`);
  return win;
}

const displayOf = (r: Rectangle) => screen.getDisplayMatching(r);

/** Moves an open role window; false when no window by that key is open. */
export function moveRoleWindow(key: string, bounds: Rect): boolean {
  const win = windows.get(key)?.win;
  if (!win || win.isDestroyed()) return false;
  const now = win.getBounds();
  if (win.isFullScreen()) {
    // A full-screen window covers its display: it moves only when it belongs on another one.
    if (displayOf(now).id === displayOf(bounds).id) return true;
    win.setFullScreen(false);
    win.setBounds(bounds);
    win.setFullScreen(true);
    return true;
  }
  if (sameRect(now, bounds)) return true;
  // A maximised window ignores new bounds on some platforms.
  if (win.isMaximized()) win.unmaximize();
  win.setBounds(bounds);
  return true;
}

/**
 * The role windows open now and where they are (DIP). A full-screen window stands for its
 * display's work area, so placement sees it as lying on that display (its bounds overlap the
 * task bar, which would otherwise count as off the work area and move it every time).
 */
export function roleWindows(): WindowNow[] {
  return [...windows.values()]
    .filter(({ win }) => !win.isDestroyed())
    .map(({ win, window }) => ({ ...window, bounds: win.isFullScreen() ? displayOf(win.getBounds()).workArea : win.getBounds() }));
}

export function roleOf(webContentsId: number): WindowRole | null {
  for (const { win, window } of windows.values()) if (!win.isDestroyed() && win.webContents.id === webContentsId) return window.role;
  return null;
}

export function allWindows(): BrowserWindow[] {
  return [...windows.values()].map(({ win }) => win).filter((w) => !w.isDestroyed());
}
