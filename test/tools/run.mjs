// Runs a TypeScript tool script: bundles it with esbuild (packages stay external) and imports
// it, so tools share test/support code without a separate TypeScript runtime.
// Usage: node test/tools/run.mjs test/tools/screenshots.ts
import { build } from 'esbuild';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [entry] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node test/tools/run.mjs <script.ts>');
  process.exit(2);
}
const source = path.resolve(entry);
const outfile = path.resolve(import.meta.dirname, '..', '..', 'dist', 'tools', path.basename(source).replace(/\.ts$/, '.mjs'));
await build({
  entryPoints: [source],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  // Sources use import.meta.dirname for their own folder: keep it pointing there, not at dist/.
  define: { 'import.meta.dirname': JSON.stringify(path.dirname(source)) },
  logLevel: 'warning',
});
await import(pathToFileURL(outfile).href);
