// The software decoder's half of the wall benchmark on its own (npm run bench -- decode →
// bench/results/decode.json); `npm run bench -- wall` runs it with the layout engine.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureDecoder } from './wall/decoder';

// Bundled to dist/bench/: the repository is two folders up.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function main(_storeWorker: string, outFile: string): Promise<void> {
  const report = await measureDecoder(root);
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`decode: wrote ${outFile}`);
}
