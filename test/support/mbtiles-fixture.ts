// Test helper: writes real MBTiles files with better-sqlite3. Used only by the tests beside it.
import Database from 'better-sqlite3';

export const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
export const JPEG_MAGIC = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);

/** A PNG-looking payload that says which tile it is, so a mix-up shows. */
export function pngTile(label: string): Buffer {
  return Buffer.concat([PNG_MAGIC, Buffer.from(label, 'utf8')]);
}

/** A tile as MBTiles stores it: `row` is the TMS row (0 = southernmost). */
export type StoredTile = { z: number; x: number; row: number; data: Buffer | string | null };

export type FixtureOptions = {
  metadata?: Record<string, string | number> | null;
  tiles?: StoredTile[];
  /** 'flat': a tiles table. 'dedup': map + images tables behind a tiles view (as mbutil writes). */
  layout?: 'flat' | 'dedup';
};

export const DEFAULT_METADATA = {
  name: 'Dezhou city',
  format: 'png',
  minzoom: '0',
  maxzoom: '2',
  bounds: '116.1,37.2,116.6,37.6',
  center: '116.36,37.43,12',
  attribution: '© Dezhou survey office',
};

export function writeMbtiles(file: string, options: FixtureOptions = {}): void {
  const { metadata = DEFAULT_METADATA, tiles = [{ z: 0, x: 0, row: 0, data: pngTile('0/0/0') }], layout = 'flat' } = options;
  const db = new Database(file);
  try {
    if (metadata) {
      db.exec('CREATE TABLE metadata (name TEXT, value TEXT)');
      const put = db.prepare('INSERT INTO metadata (name, value) VALUES (?, ?)');
      for (const [name, value] of Object.entries(metadata)) put.run(name, value);
    }
    if (layout === 'flat') {
      db.exec('CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)');
      db.exec('CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row)');
      const put = db.prepare('INSERT INTO tiles VALUES (?, ?, ?, ?)');
      for (const t of tiles) put.run(t.z, t.x, t.row, t.data);
    } else {
      db.exec(`
        CREATE TABLE map (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_id TEXT);
        CREATE UNIQUE INDEX map_index ON map (zoom_level, tile_column, tile_row);
        CREATE TABLE images (tile_data BLOB, tile_id TEXT);
        CREATE UNIQUE INDEX images_id ON images (tile_id);
        CREATE VIEW tiles AS SELECT map.zoom_level AS zoom_level, map.tile_column AS tile_column,
          map.tile_row AS tile_row, images.tile_data AS tile_data FROM map JOIN images ON images.tile_id = map.tile_id;`);
      const putMap = db.prepare('INSERT INTO map VALUES (?, ?, ?, ?)');
      const putImage = db.prepare('INSERT OR IGNORE INTO images VALUES (?, ?)');
      tiles.forEach((t, i) => {
        putMap.run(t.z, t.x, t.row, `id-${i}`);
        putImage.run(t.data, `id-${i}`);
      });
    }
  } finally {
    db.close();
  }
}
