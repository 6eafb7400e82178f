import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Path of the Electron binary, or null with the reason. The `electron` npm package installs
 * without it where the download is impossible (air-gapped sites, closed CI networks). Its own
 * index.js would try the download again on require, so the files are read here instead.
 */
export function findElectron(): { path: string } | { path: null; reason: string } {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  let dir: string;
  try {
    // __filename exists in the bundled CommonJS CLI; ES-module callers (tests) resolve from the working folder.
    const from = typeof __filename === 'string' ? __filename : path.join(process.cwd(), 'index.js');
    dir = path.dirname(createRequire(from).resolve('electron/package.json'));
  } catch {
    return { path: null, reason: 'the electron package is not installed' };
  }
  let relative = '';
  try {
    relative = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
  } catch {
    if (!override) return { path: null, reason: 'the Electron binary was never downloaded (node_modules/electron/path.txt is missing)' };
  }
  const binary = override ? path.join(override, relative || 'electron') : path.join(dir, 'dist', relative);
  return fs.existsSync(binary) ? { path: binary } : { path: null, reason: `${binary} does not exist` };
}
