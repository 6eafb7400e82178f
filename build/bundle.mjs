// Bundles the Node-side entry points into dist/electron/ (CommonJS, what Electron's main and a
// sandboxed preload load). Runtime dependencies stay external: they ship in node_modules.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const outdir = process.argv[2] ? path.resolve(process.argv[2]) : path.join(root, 'dist', 'electron');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  define: { __VIGIL_VERSION__: JSON.stringify(pkg.version) },
};

export async function bundle(dir = outdir) {
  const external = [...Object.keys(pkg.dependencies ?? {}), 'electron'];
  await Promise.all([
    build({
      ...common,
      entryPoints: {
        main: path.join(root, 'electron/main/main.ts'),
        cli: path.join(root, 'electron/cli/cli.ts'),
        'store-worker': path.join(root, 'electron/services/store/worker.ts'),
        hub: path.join(root, 'electron/hub/cli.ts'),
      },
      outdir: dir,
      outExtension: { '.js': '.cjs' },
      external,
    }),
    // A sandboxed preload can require only 'electron' and a few polyfills: bundle everything.
    build({
      ...common,
      entryPoints: { preload: path.join(root, 'electron/preload/preload.ts') },
      outdir: dir,
      outExtension: { '.js': '.cjs' },
      external: ['electron'],
      platform: 'browser',
    }),
  ]);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await bundle();
}
