import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../test/support/temp';
import { resolveAsset } from './assets';

const tempDir = useTempDirs();

describe('resolveAsset', () => {
  it('never resolves to a file outside the renderer folder, whatever the URL', () => {
    const parent = tempDir();
    const root = path.join(parent, 'renderer');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), '');
    fs.writeFileSync(path.join(root, 'assets', 'app.js'), '');
    fs.writeFileSync(path.join(parent, 'secret.db'), '');
    const segment = fc.oneof(fc.constantFrom('..', '.', '%2e%2e', '..%2f', '%2f', 'assets', 'app.js', 'secret.db', ''), fc.string());
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (parts) => {
        const hit = resolveAsset(root, '/' + parts.join('/'));
        if (hit) expect(hit.file.startsWith(root + path.sep)).toBe(true);
      }),
      { numRuns: 2000 },
    );
    expect(resolveAsset(root, '/')?.file).toBe(path.join(root, 'index.html'));
    expect(resolveAsset(root, '/assets/app.js')?.type).toMatch(/javascript/);
    expect(resolveAsset(root, '/../secret.db')).toBeNull();
  });
});
