// Which desktop icons the packages need, made from resources/icons/vigil.svg (the logo the
// renderer shows too) by `npm run icons`, and checked by `npm run package:check`.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Linux: electron-builder takes NxN.png from the folder; desktops ask for 16 to 512. */
export const LINUX_PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;
/** Windows: the sizes Explorer, the taskbar, the Start menu and the installer pick from. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;

export const ICON_SOURCE = 'resources/icons/vigil.svg';
/** Apart from the renderer's icons: vite copies resources/icons into dist/renderer. */
export const DESKTOP_ICON_DIR = 'resources/desktop-icons';
export const ICO_FILE = `${DESKTOP_ICON_DIR}/vigil.ico`;
/** Records the source's hash, so a changed logo without regenerated icons is caught. */
export const ICON_MANIFEST = `${DESKTOP_ICON_DIR}/icons.json`;

export interface IconManifest {
  source: string;
  sourceSha256: string;
  png: string[];
  ico: string;
}

export function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

export function pngName(size: number): string {
  return `${size}x${size}.png`;
}

export function readManifest(root: string): IconManifest {
  return JSON.parse(fs.readFileSync(path.join(root, ICON_MANIFEST), 'utf8')) as IconManifest;
}
