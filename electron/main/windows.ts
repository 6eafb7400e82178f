import path from 'node:path';
import { BrowserWindow } from 'electron';
import type { WindowRole } from '../shared/domain/identity';
import { APP_ORIGIN } from './app-protocol';

const windows = new Map<WindowRole, BrowserWindow>();

/** One window per role; asking again focuses the existing one. */
export async function openRoleWindow(role: WindowRole, preloadPath: string): Promise<BrowserWindow> {
  const existing = windows.get(role);
  if (existing && !existing.isDestroyed()) {
    existing.focus();
    return existing;
  }
  const win = new BrowserWindow({
    width: 1600,
    height: 900,
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
  windows.set(role, win);
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => windows.delete(role));
  await win.loadURL(`${APP_ORIGIN}/index.html?role=${role}`);
  return win;
}

export function roleOf(webContentsId: number): WindowRole | null {
  for (const [role, win] of windows) if (!win.isDestroyed() && win.webContents.id === webContentsId) return role;
  return null;
}

export function allWindows(): BrowserWindow[] {
  return [...windows.values()].filter((w) => !w.isDestroyed());
}
