import path from 'node:path';
import { BrowserWindow, screen } from 'electron';
import type { WindowRole } from '../shared/domain/identity';
import { APP_ORIGIN } from './app-protocol';

/** Keyed by role, and wall outputs by their monitor (`wall-output:r1c1`): one window each. */
const windows = new Map<string, { role: WindowRole; win: BrowserWindow }>();

/**
 * One window per role; asking again focuses the existing one. A wall output (`monitor`: `all` or
 * `r1c1`) is a frameless full-screen window with a black background, on the first display that is
 * not the console's (the primary one) if there is such a display.
 */
export async function openRoleWindow(role: WindowRole, preloadPath: string, monitor = 'all'): Promise<BrowserWindow> {
  const key = role === 'wall-output' ? `${role}:${monitor}` : role;
  const existing = windows.get(key)?.win;
  if (existing && !existing.isDestroyed()) {
    existing.focus();
    return existing;
  }
  const output = role === 'wall-output';
  const display = output ? (screen.getAllDisplays().find((d) => d.id !== screen.getPrimaryDisplay().id) ?? screen.getPrimaryDisplay()) : null;
  const win = new BrowserWindow({
    width: 1600,
    height: 900,
    ...(display ? { ...display.bounds, frame: false, fullscreen: true, autoHideMenuBar: true } : {}),
    backgroundColor: output ? '#000000' : '#0b1118',
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
  windows.set(key, { role, win });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => windows.delete(key));
  const query = output ? `role=${role}&monitor=${encodeURIComponent(monitor)}` : `role=${role}`;
  await win.loadURL(`${APP_ORIGIN}/index.html?${query}`);
  return win;
}

export function roleOf(webContentsId: number): WindowRole | null {
  for (const { role, win } of windows.values()) if (!win.isDestroyed() && win.webContents.id === webContentsId) return role;
  return null;
}

export function allWindows(): BrowserWindow[] {
  return [...windows.values()].map((w) => w.win).filter((w) => !w.isDestroyed());
}
