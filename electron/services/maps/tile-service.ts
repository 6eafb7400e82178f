// Serves map tiles from the MBTiles files in the workstation's maps folder (<data>/maps), for
// both hosts: the browser host's GET /tiles/… and the Electron host's vigil://app/tiles/…. A
// source is named by its file stem ("dezhou.mbtiles" is "dezhou"). Files are opened read-only
// the first time they are asked for and kept open until close(); a file that is replaced or
// removed is noticed by its size and modification time and reopened or forgotten.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { ServiceError } from '../../shared/contract/errors';
import { openMbtiles, type MbtilesMetadata, type MbtilesSource, type Tile } from './mbtiles';
import { isValidTile } from './tile-math';

export const MAPS_FOLDER = 'maps';
const EXTENSION = '.mbtiles';

/** One usable map in the maps folder, as the renderer is told about it. */
export type TileSourceInfo = { id: string; metadata: MbtilesMetadata };

export interface TileService {
  /** The folder the sources live in. */
  readonly dir: string;
  /** The usable sources in the folder, ordered by id. Files that are not usable maps are left out. */
  list(): TileSourceInfo[];
  /**
   * The tile at XYZ z/x/y of source `sourceId`, or null when there is no such source (or it is not
   * a usable map) or it has no tile there. Throws ServiceError 'bad-request' for an id that
   * cannot name a file in the folder and for coordinates that name no tile.
   */
  tile(sourceId: string, z: number, x: number, y: number): Tile | null;
  close(): void;
}

export interface TileServiceOptions {
  /** Told once per file version about a file in the folder that cannot be used as a map. */
  onUnusable?: (file: string, err: unknown) => void;
}

type Stamp = { size: number; mtimeMs: number; ino: number };
type Entry = { stamp: Stamp; source: MbtilesSource | null };

/** An id names a file directly inside the folder: no separators, no "..", nothing hidden. */
export function isValidSourceId(id: string): boolean {
  return id.length > 0 && id.length <= 200 && !/[/\\\0]/.test(id) && !id.startsWith('.') && id.trim() === id;
}

export function createTileService(dir: string, options: TileServiceOptions = {}): TileService {
  /** Open sources, and files known to be unusable (source null) until they change. */
  const entries = new Map<string, Entry>();
  let closed = false;

  function stampOf(file: string): Stamp | null {
    try {
      const st = fs.statSync(file);
      return st.isFile() ? { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino } : null;
    } catch {
      return null;
    }
  }

  function forget(id: string): void {
    entries.get(id)?.source?.close();
    entries.delete(id);
  }

  /** The open source for `id`, opening (or reopening a changed file) as needed; null if unusable. */
  function sourceFor(id: string): MbtilesSource | null {
    if (closed) throw new ServiceError('internal', 'the tile service is closed');
    const file = path.join(dir, id + EXTENSION);
    const stamp = stampOf(file);
    const known = entries.get(id);
    if (!stamp) {
      if (known) forget(id);
      return null;
    }
    if (known && sameStamp(known.stamp, stamp)) return known.source;
    if (known) forget(id);
    let source: MbtilesSource | null = null;
    try {
      source = openMbtiles(file);
    } catch (err) {
      options.onUnusable?.(file, err);
    }
    entries.set(id, { stamp, source });
    return source;
  }

  return {
    dir,
    list() {
      let names: string[];
      try {
        names = fs.readdirSync(dir);
      } catch {
        names = [];
      }
      const ids = names
        .filter((n) => n.endsWith(EXTENSION) && !n.startsWith('.'))
        .map((n) => n.slice(0, -EXTENSION.length))
        .filter(isValidSourceId)
        .sort();
      for (const id of [...entries.keys()]) if (!ids.includes(id)) forget(id);
      const found: TileSourceInfo[] = [];
      for (const id of ids) {
        const source = sourceFor(id);
        if (source) found.push({ id, metadata: source.metadata });
      }
      return found;
    },
    tile(sourceId, z, x, y) {
      if (!isValidSourceId(sourceId)) throw new ServiceError('bad-request', `"${sourceId}" cannot name a map file`);
      if (!isValidTile(z, x, y)) throw new ServiceError('bad-request', `tile ${z}/${x}/${y} does not exist`);
      return sourceFor(sourceId)?.tile(z, x, y) ?? null;
    },
    close() {
      closed = true;
      for (const id of [...entries.keys()]) forget(id);
    },
  };
}

function sameStamp(a: Stamp, b: Stamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;
}

/** What a host sends back for a request under /tiles/. */
export type TileAnswer = { status: number; headers: Record<string, string>; body: Buffer };

export const TILE_ROUTE = '/tiles/';
/** Tiles change only when an operator imports a new map; an hour keeps panning snappy. */
export const TILE_CACHE_CONTROL = 'private, max-age=3600';

export interface TileAnswerOptions {
  /** Unpack gzip-compressed tiles instead of declaring Content-Encoding (for hosts whose network stack would not). */
  decodeGzip?: boolean;
}

/**
 * Answers GET `pathname` (already without query) for either host:
 * - `/tiles/` → 200 JSON `{ sources: TileSourceInfo[] }` (ids, names, formats, zooms, bounds);
 * - `/tiles/<id>/<z>/<x>/<y>` → 200 with the tile, 404 when the source or tile is absent, 400
 *   for coordinates or an id that cannot exist.
 * Never throws for a bad request; a damaged file answers 500.
 */
export function answerTileRequest(maps: TileService, pathname: string, opts: TileAnswerOptions = {}): TileAnswer {
  if (!pathname.startsWith(TILE_ROUTE)) return textAnswer(404, 'not found');
  const rest = pathname.slice(TILE_ROUTE.length);
  if (rest === '' || rest === 'index.json') {
    let sources: TileSourceInfo[];
    try {
      sources = maps.list();
    } catch {
      return textAnswer(500, 'maps cannot be listed');
    }
    const body = Buffer.from(JSON.stringify({ sources }), 'utf8');
    return { status: 200, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-cache' }, body };
  }
  const parts = rest.split('/');
  if (parts.length !== 4) return textAnswer(404, 'not found');
  const [rawId, ...coords] = parts as [string, string, string, string];
  let id: string;
  try {
    id = decodeURIComponent(rawId);
  } catch {
    return textAnswer(400, 'bad map name');
  }
  if (!coords.every((c) => /^\d{1,8}$/.test(c))) return textAnswer(400, 'bad tile coordinates');
  const [z, x, y] = coords.map(Number) as [number, number, number];
  let tile: Tile | null;
  try {
    tile = maps.tile(id, z, x, y);
  } catch (err) {
    if (err instanceof ServiceError && err.code === 'bad-request') return textAnswer(400, err.message);
    return textAnswer(500, 'map file cannot be read');
  }
  if (!tile) return textAnswer(404, 'no such tile');
  const headers: Record<string, string> = { 'Content-Type': tile.contentType, 'Cache-Control': TILE_CACHE_CONTROL };
  let body = tile.data;
  if (tile.encoding === 'gzip') {
    if (opts.decodeGzip) {
      try {
        body = zlib.gunzipSync(body);
      } catch {
        return textAnswer(500, 'map tile cannot be unpacked');
      }
    } else {
      headers['Content-Encoding'] = 'gzip';
    }
  }
  headers['Content-Length'] = String(body.length);
  return { status: 200, headers, body };
}

/** A short plain-text answer (errors), never cached. */
export function textAnswer(status: number, message: string): TileAnswer {
  const body = Buffer.from(message, 'utf8');
  return { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(body.length), 'Cache-Control': 'no-store' }, body };
}
