import fs from 'node:fs';
import path from 'node:path';

/** The repository a benchmark runs from (bundled into dist/bench/, so found upwards). */
export function repoRoot(from: string = import.meta.dirname): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
  return dir;
}
