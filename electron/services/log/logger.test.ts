import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { useTempDirs } from '../../../test/support/temp';
import { createLogger, logFile } from './logger';

const tempDir = useTempDirs();

const logFiles = (dir: string) => fs.readdirSync(dir).filter((f) => /^vigil\.log(\.\d+)?$/.test(f));

describe('log rotation (real files)', () => {
  it('rotates vigil.log by size and keeps only the configured number of old files', async () => {
    const dir = tempDir();
    const log = createLogger({ dir, rotation: { maxSize: '4K', maxFiles: 3 } });
    const filler = '值守'.repeat(40);
    // About 60 KB of lines: enough for a dozen rotations of 4 KB.
    for (let i = 0; i < 400; i++) {
      log.info({ line: i, filler }, 'rotation test line');
      // rotating-file-stream rotates between writes; let it run now and then as a busy process would.
      if (i % 20 === 19) await new Promise((r) => setImmediate(r));
    }
    log.info({ line: 'last' }, 'the newest line');
    log.flush();

    await vi.waitFor(() => expect(fs.readFileSync(logFile(dir), 'utf8')).toContain('the newest line'), { timeout: 10_000 });
    const files = logFiles(dir);
    const rotated = files.filter((f) => f !== 'vigil.log');
    expect(rotated.length).toBeGreaterThanOrEqual(1);
    expect(rotated.length).toBeLessThanOrEqual(3);
    // No file grows far past the limit: rotation happens once a write crosses it.
    for (const f of files) expect(fs.statSync(path.join(dir, f)).size).toBeLessThan(4096 + 1024);
    // Every kept line is whole JSON; the oldest lines are gone with the files that held them.
    const lines = files.flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean));
    const numbers = lines.map((l) => (JSON.parse(l) as { line: number | string }).line);
    expect(numbers).not.toContain(0);
    expect(numbers).toContain('last');
  });

  it('never writes a secret it was handed by mistake', async () => {
    const dir = tempDir();
    const log = createLogger({ dir });
    log.info({ camera: { password: 'hunter2', token: 'abc' } }, 'camera opened');
    log.flush();
    await vi.waitFor(() => expect(fs.readFileSync(logFile(dir), 'utf8')).toContain('camera opened'), { timeout: 10_000 });
    expect(fs.readFileSync(logFile(dir), 'utf8')).not.toMatch(/hunter2|"abc"/);
  });
});
