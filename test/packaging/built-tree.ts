// A stand-in for the built repository, just what the packaging check reads: the real
// configuration, package.json, icons and decoder.gypi, with placeholder build output. Lets the
// tests break one thing at a time without touching the repository or building anything.
import fs from 'node:fs';
import path from 'node:path';

const repo = path.resolve(import.meta.dirname, '../..');
export const CONFIG = 'build/electron-builder.yml';

const COPIED = ['package.json', '.gitignore', CONFIG, 'native/decoder.gypi', 'resources'];
const BUILT = [
  'dist/electron/main.cjs',
  'dist/electron/preload.cjs',
  'dist/electron/store-worker.cjs',
  'dist/renderer/index.html',
  'dist/renderer/assets/index.js',
  'native/build/Release/vigil_native.node',
  'node_modules/better-sqlite3/prebuilds/linux-x64.node',
  'node_modules/better-sqlite3/prebuilds/win32-x64.node',
];

export function makeBuiltTree(dir: string): string {
  for (const f of COPIED) fs.cpSync(path.join(repo, f), path.join(dir, f), { recursive: true });
  for (const f of BUILT) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), `placeholder for ${f}\n`);
  }
  return dir;
}

/** Rewrites the tree's configuration; fails loudly when the text to change is not there. */
export function editConfig(dir: string, from: string, to: string): void {
  const file = path.join(dir, CONFIG);
  const text = fs.readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${CONFIG} no longer contains ${JSON.stringify(from)}: update the test`);
  fs.writeFileSync(file, text.replace(from, to));
}
