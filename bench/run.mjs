// Runs the benchmarks: bundles each *.bench.ts with the shipping store worker and writes JSON
// results to bench/results/. Usage: npm run bench
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundle } from '../build/bundle.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const outDir = path.join(root, 'dist', 'bench');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

await bundle(outDir);
for (const file of fs.readdirSync(here).filter((f) => f.endsWith('.bench.ts'))) {
  const name = file.replace(/\.bench\.ts$/, '');
  const outfile = path.join(outDir, `${name}.bench.mjs`);
  await build({
    entryPoints: [path.join(here, file)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    external: Object.keys(pkg.dependencies ?? {}),
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url); const __filename = new URL(import.meta.url).pathname;" },
    logLevel: 'warning',
  });
  const mod = await import(pathToFileURL(outfile).href);
  await mod.main(path.join(outDir, 'store-worker.cjs'), path.join(here, 'results', `${name}.json`));
}
