import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach } from 'vitest';

/**
 * Fresh folders on real disk, removed after each test ('each') or after the file ('all', for
 * folders made in beforeAll). Never shared between test files.
 */
export function useTempDirs(scope: 'each' | 'all' = 'each'): () => string {
  const made: string[] = [];
  (scope === 'each' ? afterEach : afterAll)(() => {
    for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-test-'));
    made.push(d);
    return d;
  };
}
