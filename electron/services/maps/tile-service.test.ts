import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../test/support/temp';
import { DEFAULT_METADATA, pngTile, writeMbtiles } from '../../../test/support/mbtiles-fixture';
import { ServiceError } from '../../shared/contract/errors';
import { answerTileRequest, createTileService, isValidSourceId, TILE_CACHE_CONTROL, type TileService } from './tile-service';

const tempDir = useTempDirs();
const services: TileService[] = [];
afterEach(() => {
  for (const s of services.splice(0)) s.close();
});

function mapsDir(files: Record<string, Parameters<typeof writeMbtiles>[1]> = {}): string {
  const dir = path.join(tempDir(), 'maps');
  fs.mkdirSync(dir);
  for (const [name, options] of Object.entries(files)) writeMbtiles(path.join(dir, name), options);
  return dir;
}

function service(dir: string, onUnusable?: (file: string, err: unknown) => void): TileService {
  const s = createTileService(dir, { onUnusable });
  services.push(s);
  return s;
}

const label = (data: Buffer | undefined) => data?.subarray(8).toString();

describe('tile service: sources', () => {
  it('lists the MBTiles files of the folder by file stem, ordered, with their metadata', () => {
    const dir = mapsDir({
      'dezhou.mbtiles': {},
      'Beijing 2.mbtiles': { metadata: { ...DEFAULT_METADATA, name: 'Beijing', maxzoom: '1' } },
    });
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a map');
    const list = service(dir).list();
    expect(list.map((s) => s.id)).toEqual(['Beijing 2', 'dezhou']);
    expect(list[1]!.metadata).toMatchObject({ name: 'Dezhou city', format: 'png', minzoom: 0, maxzoom: 2, bounds: { west: 116.1, south: 37.2, east: 116.6, north: 37.6 } });
    expect(list[0]!.metadata).toMatchObject({ name: 'Beijing', maxzoom: 1 });
  });

  it('ignores dot-files (imports in progress) and files that are not usable maps, telling about the latter', () => {
    const dir = mapsDir({ '.dezhou.abc123.mbtiles': {}, 'good.mbtiles': {} });
    fs.writeFileSync(path.join(dir, 'broken.mbtiles'), 'this is not SQLite');
    const unusable: string[] = [];
    const s = service(dir, (file) => unusable.push(path.basename(file)));
    expect(s.list().map((x) => x.id)).toEqual(['good']);
    expect(unusable).toEqual(['broken.mbtiles']);
    // Remembered as unusable: not examined again until it changes.
    s.list();
    expect(unusable).toEqual(['broken.mbtiles']);
    expect(s.tile('broken', 0, 0, 0)).toBeNull();
    expect(() => s.tile('.dezhou.abc123', 0, 0, 0)).toThrow(ServiceError);
  });

  it('answers an empty list when the folder does not exist yet', () => {
    const s = service(path.join(tempDir(), 'no-maps-here'));
    expect(s.list()).toEqual([]);
    expect(s.tile('dezhou', 0, 0, 0)).toBeNull();
  });
});

describe('tile service: tiles', () => {
  it('serves XYZ tiles from the named source, opening it only when asked', () => {
    const dir = mapsDir({
      'a.mbtiles': { tiles: [{ z: 1, x: 1, row: 0, data: pngTile('a 1/1/tms0') }] },
      'b.mbtiles': { tiles: [{ z: 1, x: 1, row: 0, data: pngTile('b 1/1/tms0') }] },
    });
    const s = service(dir);
    // XYZ y = 1 at zoom 1 is TMS row 0.
    expect(label(s.tile('a', 1, 1, 1)?.data)).toBe('a 1/1/tms0');
    expect(label(s.tile('b', 1, 1, 1)?.data)).toBe('b 1/1/tms0');
    expect(s.tile('a', 1, 1, 1)?.contentType).toBe('image/png');
    expect(s.tile('a', 1, 0, 0)).toBeNull();
    expect(s.tile('nowhere', 1, 1, 1)).toBeNull();
  });

  it('picks up a file added after start, and forgets one that is removed', () => {
    const dir = mapsDir();
    const s = service(dir);
    expect(s.tile('late', 0, 0, 0)).toBeNull();
    writeMbtiles(path.join(dir, 'late.mbtiles'));
    expect(label(s.tile('late', 0, 0, 0)?.data)).toBe('0/0/0');
    expect(s.list().map((x) => x.id)).toEqual(['late']);
    fs.rmSync(path.join(dir, 'late.mbtiles'));
    expect(s.tile('late', 0, 0, 0)).toBeNull();
    expect(s.list()).toEqual([]);
  });

  it('reopens a file that was replaced under the same name', () => {
    const dir = mapsDir({ 'city.mbtiles': { tiles: [{ z: 0, x: 0, row: 0, data: pngTile('old') }] } });
    const s = service(dir);
    expect(label(s.tile('city', 0, 0, 0)?.data)).toBe('old');
    const next = path.join(path.dirname(dir), 'next.mbtiles');
    writeMbtiles(next, { tiles: [{ z: 0, x: 0, row: 0, data: pngTile('new, and longer') }] });
    fs.renameSync(next, path.join(dir, 'city.mbtiles'));
    expect(label(s.tile('city', 0, 0, 0)?.data)).toBe('new, and longer');
  });

  it('refuses ids that could leave the folder and coordinates that name no tile', () => {
    const dir = mapsDir({ 'city.mbtiles': {} });
    writeMbtiles(path.join(path.dirname(dir), 'outside.mbtiles'));
    const s = service(dir);
    for (const id of ['../outside', '..', 'a/b', 'a\\b', '', '.hidden', 'x\0y', ' city']) {
      expect(isValidSourceId(id)).toBe(false);
      expect(() => s.tile(id, 0, 0, 0)).toThrow(ServiceError);
    }
    for (const [z, x, y] of [[0, 1, 0], [1, 0, 2], [-1, 0, 0], [25, 0, 0], [0.5, 0, 0]] as const) {
      try {
        s.tile('city', z, x, y);
        expect.unreachable();
      } catch (err) {
        expect(err).toBeInstanceOf(ServiceError);
        expect((err as ServiceError).code).toBe('bad-request');
      }
    }
  });

  it('closes its files, and refuses work afterwards', () => {
    const dir = mapsDir({ 'city.mbtiles': {} });
    const s = createTileService(dir);
    expect(s.tile('city', 0, 0, 0)).not.toBeNull();
    s.close();
    expect(() => s.tile('city', 0, 0, 0)).toThrow(/closed/);
  });
});

describe('answerTileRequest', () => {
  const gz = zlib.gzipSync(Buffer.from('vector tile bytes'));

  function maps(): TileService {
    return service(
      mapsDir({
        'city.mbtiles': { tiles: [{ z: 0, x: 0, row: 0, data: pngTile('0/0/0') }] },
        'vector.mbtiles': { metadata: { ...DEFAULT_METADATA, format: 'pbf' }, tiles: [{ z: 0, x: 0, row: 0, data: gz }] },
        '德州 市.mbtiles': {},
      }),
    );
  }

  it('serves a tile with its type and a private hour of caching', () => {
    const a = answerTileRequest(maps(), '/tiles/city/0/0/0');
    expect(a.status).toBe(200);
    expect(a.headers).toMatchObject({ 'Content-Type': 'image/png', 'Cache-Control': TILE_CACHE_CONTROL, 'Content-Length': String(a.body.length) });
    expect(label(a.body)).toBe('0/0/0');
  });

  it('decodes percent-encoded ids', () => {
    expect(answerTileRequest(maps(), `/tiles/${encodeURIComponent('德州 市')}/0/0/0`).status).toBe(200);
  });

  it('declares gzip for compressed vector tiles, or unpacks them when asked', () => {
    const m = maps();
    const packed = answerTileRequest(m, '/tiles/vector/0/0/0');
    expect(packed.headers).toMatchObject({ 'Content-Type': 'application/x-protobuf', 'Content-Encoding': 'gzip' });
    expect(packed.body.equals(gz)).toBe(true);
    const unpacked = answerTileRequest(m, '/tiles/vector/0/0/0', { decodeGzip: true });
    expect(unpacked.headers['Content-Encoding']).toBeUndefined();
    expect(unpacked.body.toString()).toBe('vector tile bytes');
  });

  it('answers 404 for an unknown source or an absent tile, 400 for impossible requests', () => {
    const m = maps();
    expect(answerTileRequest(m, '/tiles/elsewhere/0/0/0').status).toBe(404);
    expect(answerTileRequest(m, '/tiles/city/1/0/0').status).toBe(404);
    expect(answerTileRequest(m, '/tiles/city/0/0').status).toBe(404);
    expect(answerTileRequest(m, '/tiles/city/0/0/1').status).toBe(400);
    expect(answerTileRequest(m, '/tiles/city/0/0/-1').status).toBe(400);
    expect(answerTileRequest(m, '/tiles/city/0/0/0.png').status).toBe(400);
    expect(answerTileRequest(m, '/tiles/city/99/0/0').status).toBe(400);
    expect(answerTileRequest(m, '/tiles/%2e%2e%2foutside/0/0/0').status).toBe(400);
    expect(answerTileRequest(m, '/tiles/%E0%A4%A/0/0/0').status).toBe(400);
  });

  it('lists the sources as JSON at /tiles/', () => {
    const a = answerTileRequest(maps(), '/tiles/');
    expect(a.status).toBe(200);
    expect(a.headers['Content-Type']).toMatch(/^application\/json/);
    const { sources } = JSON.parse(a.body.toString()) as { sources: Array<{ id: string; metadata: { format: string } }> };
    expect(sources.map((s) => [s.id, s.metadata.format])).toEqual([
      ['city', 'png'],
      ['vector', 'pbf'],
      ['德州 市', 'png'],
    ]);
  });
});
