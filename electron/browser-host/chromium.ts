import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function findChromium(): string | null {
  const fromEnv = process.env.VIGIL_CHROMIUM;
  if (fromEnv && fs.existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((c) => fs.existsSync(c)) ?? null;
}

export function hasDisplay(): boolean {
  return process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

/**
 * Opens the console as a Chromium app window (no tabs, no address bar) with its own profile in
 * the data folder, so the operator's everyday browser profile is never touched.
 */
export function openAppWindow(executable: string, url: string, dataDir: string): void {
  const child = spawn(
    executable,
    [
      `--app=${url}`,
      `--user-data-dir=${path.join(dataDir, 'chromium-profile')}`,
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    { detached: true, stdio: 'ignore' },
  );
  child.unref();
}
