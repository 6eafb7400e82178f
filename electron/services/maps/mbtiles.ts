// Offline map tiles from MBTiles files (https://github.com/mapbox/mbtiles-spec): SQLite databases
// with a `metadata(name, value)` table and `tiles(zoom_level, tile_column, tile_row, tile_data)`
// table or view, rows numbered the TMS way (south up). Files are only ever opened read-only, and
// are examined cheaply (structure and one row, never a full integrity check: map files run to
// gigabytes) before anything is served from them.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { ServiceError, type ErrorCode } from '../../shared/contract/errors';
import { isValidTile, MAX_ZOOM, xyzToTmsRow, type LonLatBounds } from './tile-math';

/** Why a file cannot be used as a map. The renderer translates these. */
export const MBTILES_REASONS = ['not-found', 'not-sqlite', 'not-mbtiles', 'unsupported-format', 'unreadable'] as const;
export type MbtilesReason = (typeof MBTILES_REASONS)[number];

const CODE_FOR: Record<MbtilesReason, ErrorCode> = {
  'not-found': 'not-found',
  'not-sqlite': 'bad-request',
  'not-mbtiles': 'bad-request',
  'unsupported-format': 'bad-request',
  unreadable: 'internal',
};

/** A file that cannot be used as a map; `reason` says why, the message says it in English. */
export class MbtilesError extends ServiceError {
  readonly reason: MbtilesReason;
  readonly file: string;
  constructor(reason: MbtilesReason, file: string, message: string, cause?: unknown) {
    super(CODE_FOR[reason], message);
    this.name = 'MbtilesError';
    this.reason = reason;
    this.file = file;
    if (cause !== undefined) this.cause = cause;
  }
}

export const MBTILES_FORMATS = ['png', 'jpg', 'webp', 'pbf'] as const;
export type MbtilesFormat = (typeof MBTILES_FORMATS)[number];

const CONTENT_TYPE: Record<MbtilesFormat, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  pbf: 'application/x-protobuf',
};

export type MbtilesMetadata = {
  /** From the file's metadata, or its file name when it has none. */
  name: string;
  format: MbtilesFormat;
  /** From the metadata when it gives them sensibly, else from the zoom levels that hold tiles. */
  minzoom: number;
  maxzoom: number;
  bounds: LonLatBounds | null;
  center: { lon: number; lat: number; zoom: number | null } | null;
  /** As the file gives it; the spec allows HTML, so show it as text or sanitise it. */
  attribution: string | null;
};

export type Tile = { data: Buffer; contentType: string; encoding?: 'gzip' };

export interface MbtilesSource {
  readonly file: string;
  readonly metadata: MbtilesMetadata;
  /**
   * The tile at XYZ z/x/y (Leaflet's numbering), or null when the file has none there. Throws a
   * ServiceError 'bad-request' for coordinates that name no tile, and an MbtilesError
   * 'unreadable' when the file turns out to be damaged.
   */
  tile(z: number, x: number, y: number): Tile | null;
  close(): void;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Opens an MBTiles file read-only after checking that it is one, or throws an MbtilesError
 * saying why it is not usable.
 */
export function openMbtiles(file: string): MbtilesSource {
  const label = `"${path.basename(file)}"`;
  checkHeader(file, label);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw fromSqlite(err, file, label, 'unreadable');
  }
  try {
    checkStructure(db, file, label);
    const select = db.prepare<[number, number, number], unknown>('SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?').pluck();
    const metadata = readMetadata(db, file, label);
    return {
      file,
      metadata,
      tile(z, x, y) {
        if (!isValidTile(z, x, y)) throw new ServiceError('bad-request', `tile ${z}/${x}/${y} does not exist: zoom must be 0 to ${MAX_ZOOM}, x and y 0 to 2^zoom − 1`);
        let data: unknown;
        try {
          data = select.get(z, x, xyzToTmsRow(z, y));
        } catch (err) {
          throw fromSqlite(err, file, label, 'unreadable');
        }
        const bytes = asBuffer(data);
        return bytes ? describeTile(bytes, metadata.format) : null;
      },
      close() {
        db.close();
      },
    };
  } catch (err) {
    db.close();
    throw err instanceof Database.SqliteError ? fromSqlite(err, file, label, 'not-mbtiles') : err;
  }
}

/** Refuses files that do not exist, are not files, or do not start like a SQLite database. */
function checkHeader(file: string, label: string): void {
  let fd: number | undefined;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) throw new MbtilesError('unreadable', file, `${label} is a folder, not a map file.`);
    if (stat.size === 0) throw new MbtilesError('not-sqlite', file, `${label} is empty: it is not a map file.`);
    fd = fs.openSync(file, 'r');
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const got = fs.readSync(fd, head, 0, head.length, 0);
    if (got < head.length || !head.equals(SQLITE_HEADER)) throw new MbtilesError('not-sqlite', file, `${label} is not a map file: it is not an SQLite database, so it cannot be MBTiles.`);
  } catch (err) {
    if (err instanceof MbtilesError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new MbtilesError('not-found', file, `${label} does not exist (looked for ${file}).`, err);
    throw new MbtilesError('unreadable', file, `${label} cannot be read: ${(err as Error).message}`, err);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function checkStructure(db: Database.Database, file: string, label: string): void {
  const objects = db.prepare<[], { name: string; type: string }>("SELECT lower(name) AS name, type FROM sqlite_master WHERE type IN ('table', 'view') AND lower(name) IN ('tiles', 'metadata')").all();
  const has = (name: string) => objects.some((o) => o.name === name);
  if (!has('tiles')) throw new MbtilesError('not-mbtiles', file, `${label} is an SQLite database but not a map file (MBTiles): it has no "tiles" table.`);
  if (!has('metadata')) throw new MbtilesError('not-mbtiles', file, `${label} is an SQLite database but not a map file (MBTiles): it has no "metadata" table.`);
  requireColumns(db, 'tiles', ['zoom_level', 'tile_column', 'tile_row', 'tile_data'], file, label);
  requireColumns(db, 'metadata', ['name', 'value'], file, label);
}

function requireColumns(db: Database.Database, table: string, wanted: string[], file: string, label: string): void {
  const columns = (db.pragma(`table_info(${table})`) as Array<{ name: string }>).map((c) => c.name.toLowerCase());
  const missing = wanted.filter((w) => !columns.includes(w));
  if (missing.length > 0) {
    throw new MbtilesError('not-mbtiles', file, `${label} is not a valid map file (MBTiles): its "${table}" table lacks ${missing.map((m) => `"${m}"`).join(', ')}.`);
  }
}

function readMetadata(db: Database.Database, file: string, label: string): MbtilesMetadata {
  const entries = new Map<string, string>();
  for (const row of db.prepare<[], { name: unknown; value: unknown }>('SELECT name, value FROM metadata').all()) {
    const name = text(row.name)?.trim().toLowerCase();
    const value = text(row.value)?.trim();
    // The spec does not make names unique; the first non-empty value wins.
    if (name && value && !entries.has(name)) entries.set(name, value);
  }
  const first = asBuffer(db.prepare('SELECT tile_data FROM tiles LIMIT 1').pluck().get());
  if (!first) throw new MbtilesError('not-mbtiles', file, `${label} holds no map tiles.`);

  const declared = entries.get('format');
  let format: MbtilesFormat | null;
  if (declared !== undefined) {
    format = normaliseFormat(declared);
    if (!format) throw new MbtilesError('unsupported-format', file, `${label} holds "${declared}" tiles; only PNG, JPEG, WebP and vector (pbf) tiles can be shown.`);
  } else {
    format = sniffFormat(first);
    if (!format) throw new MbtilesError('unsupported-format', file, `${label} does not say what kind of tiles it holds, and they are not PNG, JPEG, WebP or vector (pbf) tiles.`);
  }

  let minzoom = zoomLevel(entries.get('minzoom'));
  let maxzoom = zoomLevel(entries.get('maxzoom'));
  if (minzoom === null || maxzoom === null || minzoom > maxzoom) {
    // Tiles deeper than MAX_ZOOM cannot be served, so they do not count.
    const present = zoomLevelsWithTiles(db);
    const lowest = present[0] ?? 0;
    const highest = present.at(-1) ?? lowest;
    if (minzoom !== null && maxzoom !== null) [minzoom, maxzoom] = [lowest, highest];
    minzoom ??= lowest;
    maxzoom ??= highest;
    if (minzoom > maxzoom) [minzoom, maxzoom] = [lowest, highest];
  }

  return {
    name: entries.get('name') ?? path.basename(file, path.extname(file)),
    format,
    minzoom,
    maxzoom,
    bounds: parseBounds(entries.get('bounds')),
    center: parseCenter(entries.get('center')),
    attribution: entries.get('attribution') ?? null,
  };
}

/** One indexed probe per zoom level: cheap even when `tiles` is a view over a join. */
function zoomLevelsWithTiles(db: Database.Database): number[] {
  const probe = db.prepare<[number], unknown>('SELECT 1 FROM tiles WHERE zoom_level = ? LIMIT 1').pluck();
  const levels: number[] = [];
  for (let z = 0; z <= MAX_ZOOM; z++) if (probe.get(z) !== undefined) levels.push(z);
  return levels;
}

function normaliseFormat(value: string): MbtilesFormat | null {
  const v = value.toLowerCase();
  if (v === 'jpeg') return 'jpg';
  return (MBTILES_FORMATS as readonly string[]).includes(v) ? (v as MbtilesFormat) : null;
}

function sniffFormat(data: Buffer): MbtilesFormat | null {
  return sniffRaster(data) ?? (isGzip(data) ? 'pbf' : null);
}

function sniffRaster(data: Buffer): 'png' | 'jpg' | 'webp' | null {
  if (data.length >= 8 && data.readUInt32BE(0) === 0x89504e47 && data.readUInt32BE(4) === 0x0d0a1a0a) return 'png';
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpg';
  if (data.length >= 12 && data.toString('latin1', 0, 4) === 'RIFF' && data.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  return null;
}

function isGzip(data: Buffer): boolean {
  return data.length >= 2 && data[0] === 0x1f && data[1] === 0x8b;
}

function describeTile(data: Buffer, format: MbtilesFormat): Tile {
  if (format === 'pbf') return isGzip(data) ? { data, contentType: CONTENT_TYPE.pbf, encoding: 'gzip' } : { data, contentType: CONTENT_TYPE.pbf };
  // Some raster tile sets mix formats (JPEG inside, PNG with transparency at the edges): the
  // bytes decide when they are recognisable, the metadata otherwise.
  return { data, contentType: CONTENT_TYPE[sniffRaster(data) ?? format] };
}

function zoomLevel(value: string | undefined): number | null {
  // Whole numbers, also as some tools write them: "5.0".
  if (value === undefined || !/^\d{1,2}(\.0*)?$/.test(value)) return null;
  const z = Number(value);
  return z <= MAX_ZOOM ? z : null;
}

function numbers(value: string | undefined): number[] | null {
  if (value === undefined) return null;
  const parts = value.split(',').map((p) => p.trim());
  if (parts.some((p) => p === '')) return null;
  const nums = parts.map(Number);
  return nums.every(Number.isFinite) ? nums : null;
}

const isLon = (v: number) => v >= -180 && v <= 180;
const isLat = (v: number) => v >= -90 && v <= 90;

function parseBounds(value: string | undefined): LonLatBounds | null {
  const n = numbers(value);
  if (!n || n.length !== 4) return null;
  const [west, south, east, north] = n as [number, number, number, number];
  if (!isLon(west) || !isLon(east) || !isLat(south) || !isLat(north) || west > east || south > north) return null;
  return { west, south, east, north };
}

function parseCenter(value: string | undefined): MbtilesMetadata['center'] {
  const n = numbers(value);
  if (!n || (n.length !== 2 && n.length !== 3)) return null;
  const [lon, lat, zoom] = n as [number, number, number | undefined];
  if (!isLon(lon) || !isLat(lat)) return null;
  return { lon, lat, zoom: zoom !== undefined && zoom >= 0 && zoom <= MAX_ZOOM ? zoom : null };
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  return null;
}

function asBuffer(value: unknown): Buffer | null {
  if (Buffer.isBuffer(value)) return value;
  if (typeof value === 'string') return Buffer.from(value, 'utf8');
  return null;
}

/** Turns a SQLite failure into an MbtilesError; `otherwise` covers errors that are not damage. */
function fromSqlite(err: unknown, file: string, label: string, otherwise: MbtilesReason): MbtilesError {
  const code = (err as { code?: unknown }).code;
  const detail = (err as Error).message;
  if (code === 'SQLITE_NOTADB') return new MbtilesError('not-sqlite', file, `${label} is not a map file: it is not an SQLite database (${detail}).`, err);
  if (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT')) return new MbtilesError('unreadable', file, `${label} is damaged and cannot be read (${detail}).`, err);
  if (typeof code === 'string' && /^SQLITE_(CANTOPEN|IOERR|PERM|BUSY|LOCKED|NOMEM|AUTH|READONLY)/.test(code)) {
    return new MbtilesError('unreadable', file, `${label} cannot be read (${detail}).`, err);
  }
  if (otherwise === 'not-mbtiles') return new MbtilesError('not-mbtiles', file, `${label} is not a valid map file (MBTiles): ${detail}.`, err);
  return new MbtilesError(otherwise, file, `${label} cannot be read (${detail}).`, err);
}
