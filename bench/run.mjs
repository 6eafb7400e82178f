// Runs the benchmarks: bundles each *.bench.ts with the shipping store worker and writes JSON
// results to bench/results/. Usage: npm run bench [-- name…]
// With names, only the benchmarks whose name contains one of them run (`npm run bench -- sync`
// runs sync.bench.ts); without, all of them.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundle } from '../build/bundle.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const outDir = path.join(root, 'dist', 'bench');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

const filters = process.argv.slice(2);
const all = fs.readdirSync(here).filter((f) => f.endsWith('.bench.ts')).map((f) => f.replace(/\.bench\.ts$/, ''));
const chosen = filters.length ? all.filter((name) => filters.some((f) => name === f || name.includes(f))) : all;
if (chosen.length === 0) {
  console.error(`no benchmark matches ${filters.join(', ')}; there are: ${all.join(', ')}`);
  process.exit(2);
}

await bundle(outDir);
for (const name of chosen) {
  const file = `${name}.bench.ts`;
  const outfile = path.join(outDir, `${name}.bench.mjs`);
  await build({
    entryPoints: [path.join(here, file)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    // Runtime dependencies stay external, and so do the tools a benchmark drives (esbuild for a
    // page bundle, Playwright for the browser): neither can be bundled.
    external: [...Object.keys(pkg.dependencies ?? {}), 'esbuild', '@playwright/test'],
    banner: { js: "import { createRequire as bannerCreateRequire } from 'node:module'; const require = bannerCreateRequire(import.meta.url); const __filename = new URL(import.meta.url).pathname;" },
    logLevel: 'warning',
  });
  const mod = await import(pathToFileURL(outfile).href);
  await mod.main(path.join(outDir, 'store-worker.cjs'), path.join(here, 'results', `${name}.json`));
}
