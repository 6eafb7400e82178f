import Database from 'better-sqlite3';
import fc from 'fast-check';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useTempDirs } from '../../../test/support/temp';
import { importMbtiles, safeMapFileStem } from './import';
import { MbtilesError, openMbtiles } from './mbtiles';
import { DEFAULT_METADATA, pngTile, writeMbtiles } from '../../../test/support/mbtiles-fixture';

const tempDir = useTempDirs();
afterEach(() => {
  vi.restoreAllMocks();
});

function source(name = 'Dezhou.mbtiles', label = 'a'): string {
  const file = path.join(tempDir(), name);
  writeMbtiles(file, { tiles: [{ z: 0, x: 0, row: 0, data: pngTile(label) }] });
  return file;
}

/** Every file in the folder with its bytes, to show that nothing changed. */
function snapshot(dir: string): Record<string, string> {
  if (!fs.existsSync(dir)) return {};
  return Object.fromEntries(fs.readdirSync(dir).sort().map((f) => [f, crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, f))).digest('hex')]));
}

describe('importMbtiles', () => {
  it('copies a good file into the maps folder, byte for byte, and reports what it holds', async () => {
    const from = source('Dezhou.mbtiles');
    const mapsDir = path.join(tempDir(), 'maps'); // made on the first import
    const result = await importMbtiles(from, mapsDir);
    expect(result).toEqual({ file: path.join(mapsDir, 'Dezhou.mbtiles'), fileName: 'Dezhou.mbtiles', metadata: expect.objectContaining({ name: DEFAULT_METADATA.name, format: 'png' }) });
    expect(fs.readdirSync(mapsDir)).toEqual(['Dezhou.mbtiles']); // no temporary file left behind
    expect(fs.readFileSync(result.file).equals(fs.readFileSync(from))).toBe(true);
    const copy = openMbtiles(result.file);
    expect(copy.tile(0, 0, 0)?.data).toEqual(pngTile('a'));
    copy.close();
    expect(fs.existsSync(from)).toBe(true); // the original stays where it was
  });

  it('never replaces a file already in the maps folder', async () => {
    const mapsDir = tempDir();
    fs.writeFileSync(path.join(mapsDir, 'Dezhou.mbtiles'), 'an earlier map, keep me');
    fs.writeFileSync(path.join(mapsDir, 'Dezhou-2.mbtiles'), 'another, keep me too');
    const before = snapshot(mapsDir);
    const first = await importMbtiles(source('Dezhou.mbtiles', 'first'), mapsDir);
    const second = await importMbtiles(source('Dezhou.mbtiles', 'second'), mapsDir);
    expect([first.fileName, second.fileName]).toEqual(['Dezhou-3.mbtiles', 'Dezhou-4.mbtiles']);
    expect(snapshot(mapsDir)).toMatchObject(before);
    expect(fs.readdirSync(mapsDir).sort()).toEqual(['Dezhou-2.mbtiles', 'Dezhou-3.mbtiles', 'Dezhou-4.mbtiles', 'Dezhou.mbtiles']);
    const a = openMbtiles(first.file);
    const b = openMbtiles(second.file);
    expect([a.tile(0, 0, 0)?.data, b.tile(0, 0, 0)?.data]).toEqual([pngTile('first'), pngTile('second')]);
    a.close();
    b.close();
  });

  it('gives simultaneous imports of the same name different files', async () => {
    const mapsDir = tempDir();
    const results = await Promise.all(['p', 'q', 'r'].map((label) => importMbtiles(source('city.mbtiles', label), mapsDir)));
    expect(results.map((r) => r.fileName).sort()).toEqual(['city-2.mbtiles', 'city-3.mbtiles', 'city.mbtiles']);
    expect(fs.readdirSync(mapsDir)).toHaveLength(3);
  });

  it('still never overwrites where the file system has no hard links', async () => {
    const mapsDir = tempDir();
    fs.writeFileSync(path.join(mapsDir, 'city.mbtiles'), 'keep me');
    vi.spyOn(fs, 'linkSync').mockImplementation(() => {
      throw Object.assign(new Error('operation not permitted'), { code: 'EPERM' });
    });
    const result = await importMbtiles(source('city.mbtiles'), mapsDir);
    expect(result.fileName).toBe('city-2.mbtiles');
    expect(fs.readFileSync(path.join(mapsDir, 'city.mbtiles'), 'utf8')).toBe('keep me');
    expect(fs.readdirSync(mapsDir).sort()).toEqual(['city-2.mbtiles', 'city.mbtiles']);
    vi.restoreAllMocks();
    openMbtiles(result.file).close();
  });

  it('refuses unusable files before copying anything, with the reason', async () => {
    const dir = tempDir();
    const text = path.join(dir, 'roster.mbtiles');
    fs.writeFileSync(text, 'not a map\n');
    const noise = path.join(dir, 'noise.mbtiles');
    fs.writeFileSync(noise, crypto.randomBytes(8192));
    const plainDb = path.join(dir, 'vigil.db');
    const db = new Database(plainDb);
    db.exec('CREATE TABLE incidents (id TEXT)');
    db.close();
    const tiff = path.join(dir, 'scan.mbtiles');
    writeMbtiles(tiff, { metadata: { ...DEFAULT_METADATA, format: 'tiff' } });
    const cases = [
      [path.join(dir, 'missing.mbtiles'), 'not-found'],
      [text, 'not-sqlite'],
      [noise, 'not-sqlite'],
      [plainDb, 'not-mbtiles'],
      [tiff, 'unsupported-format'],
    ] as const;

    const mapsDir = tempDir();
    fs.writeFileSync(path.join(mapsDir, 'existing.mbtiles'), 'keep');
    const before = snapshot(mapsDir);
    const absentDir = path.join(tempDir(), 'maps');
    for (const [file, reason] of cases) {
      await expect(importMbtiles(file, mapsDir), file).rejects.toSatisfy((e) => e instanceof MbtilesError && e.reason === reason && e.file === file);
      await expect(importMbtiles(file, absentDir)).rejects.toBeInstanceOf(MbtilesError);
    }
    expect(snapshot(mapsDir)).toEqual(before);
    expect(fs.existsSync(absentDir)).toBe(false); // not even the folder is made
  });

  it('leaves no partial copy when copying fails', async () => {
    const mapsDir = tempDir();
    const from = source();
    vi.spyOn(fs.promises, 'copyFile').mockImplementation(async (_src, dest) => {
      fs.writeFileSync(dest as string, fs.readFileSync(from).subarray(0, 100));
      throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    });
    await expect(importMbtiles(from, mapsDir)).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(fs.readdirSync(mapsDir)).toEqual([]);
  });

  it('refuses, and removes, a copy that does not read back as a map', async () => {
    const mapsDir = tempDir();
    const from = source('Dezhou.mbtiles');
    vi.spyOn(fs.promises, 'copyFile').mockImplementation(async (_src, dest) => {
      fs.writeFileSync(dest as string, fs.readFileSync(from).subarray(0, 100)); // truncated, "successfully"
    });
    await expect(importMbtiles(from, mapsDir)).rejects.toMatchObject({ reason: 'unreadable', file: from, message: expect.stringContaining('"Dezhou.mbtiles" could not be copied intact') });
    expect(fs.readdirSync(mapsDir)).toEqual([]);
  });

  it('folds a WAL-mode source, with pages still in its -wal file, into one self-contained copy', async () => {
    const from = source('live.mbtiles', 'old');
    const writer = new Database(from);
    writer.pragma('journal_mode = WAL');
    writer.pragma('wal_autocheckpoint = 0');
    writer.prepare('INSERT INTO tiles VALUES (1, 0, 0, ?)').run(pngTile('only in the wal'));
    try {
      expect(fs.statSync(`${from}-wal`).size).toBeGreaterThan(0);
      const mapsDir = tempDir();
      const result = await importMbtiles(from, mapsDir);
      expect(fs.readdirSync(mapsDir)).toEqual(['live.mbtiles']);
      expect(fs.readFileSync(result.file)[18]).toBe(1); // rollback journal, not WAL
      const copy = openMbtiles(result.file);
      expect(copy.tile(1, 0, 1)?.data).toEqual(pngTile('only in the wal'));
      expect(copy.metadata.maxzoom).toBe(2);
      copy.close();
      expect(fs.readdirSync(mapsDir)).toEqual(['live.mbtiles']); // reading left nothing beside it
    } finally {
      writer.close();
    }
  });

  it('keeps the original name, made safe', async () => {
    const mapsDir = tempDir();
    const cases = [
      ['德州 城区.mbtiles', '德州 城区.mbtiles'],
      ['CON.mbtiles', 'map-CON.mbtiles'],
      ['.hidden.mbtiles', 'hidden.mbtiles'],
      ['tiles:v2*?.db', 'tiles_v2_.mbtiles'],
    ] as const;
    for (const [name, expected] of cases) {
      expect((await importMbtiles(source(name), mapsDir)).fileName).toBe(expected);
    }
  });
});

describe('safeMapFileStem', () => {
  it('is a non-empty, short, portable name without folders, whatever the input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('../../etc/passwd', '..\\..\\boot.ini', 'a/b\\c.mbtiles', ' . ', 'nul', 'LPT1.txt', '')), (name) => {
        const stem = safeMapFileStem(name);
        expect(stem).not.toBe('');
        expect(Buffer.byteLength(stem, 'utf8')).toBeLessThanOrEqual(124);
        expect(stem).toMatch(/^[\p{L}\p{M}\p{N} ._()-]+$/u);
        expect(stem).not.toMatch(/^[ ._-]/);
        expect(stem).not.toMatch(/[ .]$/);
        expect(stem.split('.')[0]).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/i);
      }),
      { numRuns: 3000 },
    );
    expect(safeMapFileStem('/data/usb/Dezhou Old Town.mbtiles')).toBe('Dezhou Old Town');
    expect(safeMapFileStem('C:\\Maps\\城区 (2024).mbtiles')).toBe('城区 (2024)');
    expect(safeMapFileStem('x'.repeat(500) + '.mbtiles')).toHaveLength(120);
  });
});
