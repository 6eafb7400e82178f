import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../test/support/temp';
import { ServiceError } from '../../shared/contract/errors';
import { MbtilesError, openMbtiles, type MbtilesReason, type MbtilesSource } from './mbtiles';
import { DEFAULT_METADATA, JPEG_MAGIC, pngTile, writeMbtiles, type FixtureOptions, type StoredTile } from '../../../test/support/mbtiles-fixture';

const tempDir = useTempDirs();
const opened: MbtilesSource[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

function fixture(options?: FixtureOptions, name = 'city.mbtiles'): string {
  const file = path.join(tempDir(), name);
  writeMbtiles(file, options);
  return file;
}

function open(file: string): MbtilesSource {
  const s = openMbtiles(file);
  opened.push(s);
  return s;
}

function reasonFor(file: string): { reason: MbtilesReason; message: string } {
  try {
    openMbtiles(file).close();
  } catch (err) {
    expect(err).toBeInstanceOf(MbtilesError);
    const e = err as MbtilesError;
    expect(e.file).toBe(file);
    return { reason: e.reason, message: e.message };
  }
  throw new Error(`${file} opened`);
}

/** Every tile of zoom levels 0–2, each payload naming its own TMS address. */
const pyramid: StoredTile[] = [0, 1, 2].flatMap((z) =>
  Array.from({ length: 4 ** z }, (_, i) => ({ z, x: i % 2 ** z, row: Math.floor(i / 2 ** z), data: pngTile(`tms ${z}/${i % 2 ** z}/${Math.floor(i / 2 ** z)}`) })),
);

describe('openMbtiles: reading tiles', () => {
  it('serves the tile stored at TMS row 2^z − 1 − y for an XYZ request', () => {
    const src = open(fixture({ tiles: pyramid }));
    expect(src.tile(0, 0, 0)?.data.subarray(8).toString()).toBe('tms 0/0/0');
    expect(src.tile(1, 0, 0)?.data.subarray(8).toString()).toBe('tms 1/0/1');
    expect(src.tile(1, 1, 1)?.data.subarray(8).toString()).toBe('tms 1/1/0');
    for (let x = 0; x < 4; x++) {
      for (let y = 0; y < 4; y++) {
        const t = src.tile(2, x, y);
        expect(t).toEqual({ data: pngTile(`tms 2/${x}/${3 - y}`), contentType: 'image/png' });
      }
    }
  });

  it('returns null where the file has no tile, including zoom levels it does not cover', () => {
    const src = open(fixture({ tiles: [{ z: 1, x: 0, row: 0, data: pngTile('a') }, { z: 1, x: 1, row: 1, data: null }] }));
    expect(src.tile(1, 0, 1)).not.toBeNull();
    expect(src.tile(1, 0, 0)).toBeNull();
    expect(src.tile(1, 1, 0)).toBeNull(); // stored, but with no data
    expect(src.tile(0, 0, 0)).toBeNull();
    expect(src.tile(24, 2 ** 24 - 1, 0)).toBeNull();
  });

  it('refuses coordinates that name no tile', () => {
    const src = open(fixture());
    const bad: Array<[number, number, number]> = [
      [-1, 0, 0], [25, 0, 0], [1.5, 0, 0], [Number.NaN, 0, 0], [Number.POSITIVE_INFINITY, 0, 0],
      [0, 1, 0], [0, 0, 1], [2, 4, 0], [2, 0, 4], [2, -1, 0], [2, 0, -1], [2, 0.5, 0], [2, 0, Number.NaN],
    ];
    for (const [z, x, y] of bad) {
      let caught: unknown;
      try {
        src.tile(z, x, y);
      } catch (err) {
        caught = err;
      }
      expect(caught, `${z}/${x}/${y}`).toBeInstanceOf(ServiceError);
      expect((caught as ServiceError).code).toBe('bad-request');
    }
  });

  it('serves the same tiles through the deduplicating layout (tiles as a view)', () => {
    const src = open(fixture({ tiles: pyramid, layout: 'dedup' }));
    expect(src.tile(2, 1, 0)?.data).toEqual(pngTile('tms 2/1/3'));
    expect(src.tile(2, 3, 3)?.data).toEqual(pngTile('tms 2/3/0'));
    expect(src.metadata).toMatchObject({ minzoom: 0, maxzoom: 2 });
  });

  it('marks gzip-compressed vector tiles, and leaves plain ones unmarked', () => {
    const plain = Buffer.from([0x1a, 0x02, 0x08, 0x01]);
    const src = open(fixture({
      metadata: { ...DEFAULT_METADATA, format: 'pbf' },
      tiles: [{ z: 0, x: 0, row: 0, data: zlib.gzipSync(plain) }, { z: 1, x: 0, row: 0, data: plain }],
    }));
    expect(src.metadata.format).toBe('pbf');
    const gz = src.tile(0, 0, 0)!;
    expect(gz).toMatchObject({ contentType: 'application/x-protobuf', encoding: 'gzip' });
    expect(zlib.gunzipSync(gz.data)).toEqual(plain);
    expect(src.tile(1, 0, 1)).toEqual({ data: plain, contentType: 'application/x-protobuf' });
  });

  it('labels each raster tile by its bytes when a set mixes PNG and JPEG', () => {
    const jpeg = Buffer.concat([JPEG_MAGIC, Buffer.from('inner')]);
    const src = open(fixture({ metadata: { ...DEFAULT_METADATA, format: 'jpg' }, tiles: [{ z: 1, x: 0, row: 0, data: jpeg }, { z: 1, x: 1, row: 0, data: pngTile('edge') }, { z: 1, x: 1, row: 1, data: 'no magic' }] }));
    expect(src.tile(1, 0, 1)?.contentType).toBe('image/jpeg');
    expect(src.tile(1, 1, 1)?.contentType).toBe('image/png');
    expect(src.tile(1, 1, 0)).toEqual({ data: Buffer.from('no magic'), contentType: 'image/jpeg' });
  });

  it('no longer reads after close', () => {
    const src = openMbtiles(fixture());
    src.close();
    expect(() => src.tile(0, 0, 0)).toThrow();
    expect(() => src.close()).not.toThrow();
  });

  it('never writes to the file it reads', () => {
    const file = fixture({ tiles: pyramid });
    const before = fs.readFileSync(file);
    const dir = path.dirname(file);
    const src = openMbtiles(file);
    src.tile(2, 1, 1);
    src.close();
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual([path.basename(file)]);
  });
});

describe('openMbtiles: metadata', () => {
  it('reads name, format, zoom range, bounds, center and attribution', () => {
    const src = open(fixture({ tiles: pyramid }));
    expect(src.file).toMatch(/city\.mbtiles$/);
    expect(src.metadata).toEqual({
      name: 'Dezhou city',
      format: 'png',
      minzoom: 0,
      maxzoom: 2,
      bounds: { west: 116.1, south: 37.2, east: 116.6, north: 37.6 },
      center: { lon: 116.36, lat: 37.43, zoom: 12 },
      attribution: '© Dezhou survey office',
    });
  });

  it('derives the zoom range from the tiles when the metadata lacks it or contradicts itself', () => {
    const tiles = pyramid.filter((t) => t.z >= 1);
    const { minzoom: _a, maxzoom: _b, ...rest } = DEFAULT_METADATA;
    expect(open(fixture({ metadata: rest, tiles })).metadata).toMatchObject({ minzoom: 1, maxzoom: 2 });
    expect(open(fixture({ metadata: { ...rest, minzoom: 'one', maxzoom: '99' }, tiles })).metadata).toMatchObject({ minzoom: 1, maxzoom: 2 });
    expect(open(fixture({ metadata: { ...rest, minzoom: 2, maxzoom: 1 }, tiles })).metadata).toMatchObject({ minzoom: 1, maxzoom: 2 });
    expect(open(fixture({ metadata: { ...rest, maxzoom: 5 }, tiles })).metadata).toMatchObject({ minzoom: 1, maxzoom: 5 });
    // Metadata is trusted when it is consistent, even if it claims levels without tiles.
    expect(open(fixture({ metadata: { ...rest, minzoom: 0, maxzoom: 14 }, tiles })).metadata).toMatchObject({ minzoom: 0, maxzoom: 14 });
  });

  it('falls back sensibly when optional fields are absent or malformed', () => {
    const src = open(fixture({ metadata: { format: 'PNG', bounds: '1,2,3', center: 'east', attribution: '   ' } }, 'Bare Map.mbtiles'));
    expect(src.metadata).toEqual({ name: 'Bare Map', format: 'png', minzoom: 0, maxzoom: 0, bounds: null, center: null, attribution: null });
    const odd = open(fixture({ metadata: { ...DEFAULT_METADATA, bounds: '200,0,10,10', center: '116.36,37.43' } }));
    expect(odd.metadata.bounds).toBeNull();
    expect(odd.metadata.center).toEqual({ lon: 116.36, lat: 37.43, zoom: null });
  });

  it('recognises the tile format from the tiles when the metadata does not name it', () => {
    const { format: _f, ...rest } = DEFAULT_METADATA;
    const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]);
    expect(open(fixture({ metadata: rest, tiles: [{ z: 0, x: 0, row: 0, data: webp }] })).metadata.format).toBe('webp');
    expect(open(fixture({ metadata: rest, tiles: [{ z: 0, x: 0, row: 0, data: zlib.gzipSync('x') }] })).metadata.format).toBe('pbf');
    expect(open(fixture({ metadata: { ...rest, format: 'jpeg' } })).metadata.format).toBe('jpg');
  });
});

describe('openMbtiles: files that are not usable maps', () => {
  it('missing file → not-found', () => {
    const file = path.join(tempDir(), 'gone.mbtiles');
    expect(reasonFor(file)).toMatchObject({ reason: 'not-found', message: expect.stringContaining('"gone.mbtiles" does not exist') });
    expect(reasonFor(path.join(tempDir(), 'no-such-folder', 'x.mbtiles')).reason).toBe('not-found');
  });

  it('text file, random bytes, empty file → not-sqlite', () => {
    const dir = tempDir();
    const text = path.join(dir, 'notes.mbtiles');
    fs.writeFileSync(text, 'Duty roster for Monday\n'.repeat(500));
    const random = path.join(dir, 'noise.mbtiles');
    fs.writeFileSync(random, crypto.randomBytes(64 * 1024));
    const empty = path.join(dir, 'empty.mbtiles');
    fs.writeFileSync(empty, '');
    expect(reasonFor(text)).toMatchObject({ reason: 'not-sqlite', message: expect.stringContaining('"notes.mbtiles" is not a map file') });
    expect(reasonFor(random).reason).toBe('not-sqlite');
    expect(reasonFor(empty).reason).toBe('not-sqlite');
  });

  it('SQLite without tiles, without metadata, with the wrong columns, or with no tiles at all → not-mbtiles', () => {
    const dir = tempDir();
    const make = (name: string, sql: string) => {
      const file = path.join(dir, name);
      const db = new Database(file);
      db.exec(sql);
      db.close();
      return file;
    };
    const noTiles = make('vigil.db', 'CREATE TABLE incidents (id TEXT); CREATE TABLE metadata (name TEXT, value TEXT);');
    const noMetadata = make('bare.mbtiles', 'CREATE TABLE tiles (zoom_level, tile_column, tile_row, tile_data);');
    const wrongColumns = make('cols.mbtiles', 'CREATE TABLE metadata (name, value); CREATE TABLE tiles (z, x, y, tile_data);');
    const brokenView = make('view.mbtiles', 'CREATE TABLE metadata (name, value); CREATE TABLE t (a); CREATE VIEW tiles AS SELECT a AS zoom_level, a AS tile_column, a AS tile_row, a AS tile_data FROM t; DROP TABLE t;');
    const empty = fixture({ tiles: [] });
    expect(reasonFor(noTiles)).toMatchObject({ reason: 'not-mbtiles', message: expect.stringContaining('no "tiles" table') });
    expect(reasonFor(noMetadata)).toMatchObject({ reason: 'not-mbtiles', message: expect.stringContaining('no "metadata" table') });
    expect(reasonFor(wrongColumns)).toMatchObject({ reason: 'not-mbtiles', message: expect.stringContaining('"zoom_level", "tile_column", "tile_row"') });
    expect(reasonFor(brokenView).reason).toBe('not-mbtiles');
    expect(reasonFor(empty)).toMatchObject({ reason: 'not-mbtiles', message: expect.stringContaining('holds no map tiles') });
  });

  it('a format that cannot be shown → unsupported-format', () => {
    expect(reasonFor(fixture({ metadata: { ...DEFAULT_METADATA, format: 'tiff' } }))).toMatchObject({ reason: 'unsupported-format', message: expect.stringContaining('"tiff"') });
    const { format: _f, ...rest } = DEFAULT_METADATA;
    expect(reasonFor(fixture({ metadata: rest, tiles: [{ z: 0, x: 0, row: 0, data: 'GIF89a' }] })).reason).toBe('unsupported-format');
  });

  it('a folder, or a database whose pages are damaged → unreadable', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'folder.mbtiles'));
    expect(reasonFor(path.join(dir, 'folder.mbtiles')).reason).toBe('unreadable');

    const file = fixture({ tiles: pyramid });
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    // Keep page 1 (header and schema), overwrite every other page with noise.
    crypto.randomFillSync(bytes, pageSize);
    fs.writeFileSync(file, bytes);
    expect(reasonFor(file)).toMatchObject({ reason: 'unreadable', message: expect.stringContaining('damaged') });
  });

  it('is a ServiceError the dispatcher can report', () => {
    const err = (() => {
      try {
        openMbtiles(path.join(tempDir(), 'gone.mbtiles'));
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ServiceError);
    expect(err).toMatchObject({ name: 'MbtilesError', code: 'not-found', reason: 'not-found' });
  });
});
