import path from 'node:path';
import { BrowserWindow } from 'electron';
import type { WindowRole } from '../shared/domain/identity';
import { DEFAULT_WINDOW_SIZE, type WindowNow } from '../shared/workspace/placement';
import type { Rect } from '../shared/workspace/rect';
import { windowKey, type RoleWindow } from '../shared/workspace/role-window';
import { APP_ORIGIN } from './app-protocol';

const windows = new Map<string, { win: BrowserWindow; window: RoleWindow }>();

/**
 * One window per role (and per wall monitor shown); asking again focuses the existing one.
 * `bounds` come from the workspace's placement, so a window never opens off-screen.
 */
export async function openRoleWindow(w: RoleWindow, preloadPath: string, bounds: Rect | null = null): Promise<BrowserWindow> {
  const key = windowKey(w);
  const existing = windows.get(key)?.win;
  if (existing && !existing.isDestroyed()) {
    existing.focus();
    return existing;
  }
  const win = new BrowserWindow({
    ...(bounds ?? DEFAULT_WINDOW_SIZE),
    backgroundColor: '#0b1118',
    title: 'Vigil 值守',
    show: false,
    webPreferences: {
      preload: path.resolve(preloadPath),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  windows.set(key, { win, window: w });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => windows.delete(key));
  const query = new URLSearchParams({ role: w.role, ...(w.role === 'wall-output' ? { monitor: w.monitor ?? 'all' } : {}) });
  await win.loadURL(`${APP_ORIGIN}/index.html?${query}`);
  return win;
}

/** Moves an open role window; false when no window by that key is open. */
export function moveRoleWindow(key: string, bounds: Rect): boolean {
  const win = windows.get(key)?.win;
  if (!win || win.isDestroyed()) return false;
  const now = win.getBounds();
  if (now.x === bounds.x && now.y === bounds.y && now.width === bounds.width && now.height === bounds.height) return true;
  // A maximised window ignores new bounds on some platforms: it is given its display's work area instead.
  if (win.isMaximized()) win.unmaximize();
  win.setBounds(bounds);
  return true;
}

/** The role windows open now and where they are (DIP). */
export function roleWindows(): WindowNow[] {
  return [...windows.values()].filter(({ win }) => !win.isDestroyed()).map(({ win, window }) => ({ ...window, bounds: win.getBounds() }));
}

export function roleOf(webContentsId: number): WindowRole | null {
  for (const { win, window } of windows.values()) if (!win.isDestroyed() && win.webContents.id === webContentsId) return window.role;
  return null;
}

export function allWindows(): BrowserWindow[] {
  return [...windows.values()].map(({ win }) => win).filter((w) => !w.isDestroyed());
}
