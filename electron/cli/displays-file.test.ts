// `vigil start --displays FILE`: the reader on real files, and the shipped CLI refusing a bad
// file with the reason before it starts anything.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { useTempDirs } from '../../test/support/temp';
import { readDisplaysFile } from './displays-file';

const tempDir = useTempDirs();

function write(content: string): string {
  const file = path.join(tempDir(), 'displays.json');
  fs.writeFileSync(file, content);
  return file;
}

describe('--displays file', () => {
  it('reads a list of displays, filling in work area, scale and primary', () => {
    const file = write(
      JSON.stringify([
        { id: 'left', label: '调度台左', bounds: { x: -1920, y: 0, width: 1920, height: 1080 } },
        { id: 'main', label: '调度台中', bounds: { x: 0, y: 0, width: 2560, height: 1440 }, workArea: { x: 0, y: 0, width: 2560, height: 1400 }, scaleFactor: 1.5, primary: true },
      ]),
    );
    expect(readDisplaysFile(file)).toEqual([
      { id: 'left', label: '调度台左', bounds: { x: -1920, y: 0, width: 1920, height: 1080 }, workArea: { x: -1920, y: 0, width: 1920, height: 1080 }, scaleFactor: 1, primary: false },
      { id: 'main', label: '调度台中', bounds: { x: 0, y: 0, width: 2560, height: 1440 }, workArea: { x: 0, y: 0, width: 2560, height: 1400 }, scaleFactor: 1.5, primary: true },
    ]);
  });

  it('refuses a missing file, broken JSON and a list that is not displays, saying where', () => {
    expect(() => readDisplaysFile(path.join(tempDir(), 'nothing.json'))).toThrow(/cannot read .*nothing\.json: ENOENT/);
    expect(() => readDisplaysFile(write('[{"id": "a",'))).toThrow(/is not JSON/);
    expect(() => readDisplaysFile(write('{"id": "a"}'))).toThrow(/is not a list of displays: \(the list\): /);
    expect(() => readDisplaysFile(write(JSON.stringify([{ id: 'a', bounds: { x: 0, y: 0, width: 0, height: 1080 } }])))).toThrow(/0\.bounds\.width: /);
    expect(() => readDisplaysFile(write(JSON.stringify([{ id: 'a', bounds: { x: 0, y: 0, width: 10, height: 10 } }, { id: 'a', bounds: { x: 10, y: 0, width: 10, height: 10 } }])))).toThrow(
      /1\.id: display id "a" is used twice/,
    );
  });

  it('makes `vigil start` stop with the reason before starting anything', async () => {
    const data = tempDir();
    const file = write(JSON.stringify([{ id: 'a', bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 3000, height: 1080 } }]));
    const child = spawn(process.execPath, [path.join(inject('distDir'), 'cli.cjs'), 'start', '--host', 'browser', '--no-open', '--port', '0', '--data', data, '--displays', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += String(d)));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).not.toBe(0);
    expect(err).toContain('0.workArea: workArea must lie within bounds');
    expect(fs.readdirSync(data)).toEqual([]);
  });
});
