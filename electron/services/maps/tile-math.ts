// Web Mercator tile arithmetic (the XYZ scheme Leaflet uses, and the TMS rows MBTiles stores).
// Pure: no imports, no I/O.

/** Deepest zoom level a map tile may have here (MBTiles files in practice stop well before). */
export const MAX_ZOOM = 24;

/** Web Mercator's latitude limit: the square world map reaches exactly this far north and south. */
export const MAX_LATITUDE = 85.0511287798066;

/** A box on the earth in degrees. */
export type LonLatBounds = { west: number; south: number; east: number; north: number };

/** A tile in the XYZ scheme: row 0 is the northernmost. */
export type TileXyz = { z: number; x: number; y: number };

/** Whether z/x/y names a tile: integers, 0 ≤ z ≤ MAX_ZOOM and 0 ≤ x, y < 2^z. */
export function isValidTile(z: number, x: number, y: number): boolean {
  if (!Number.isInteger(z) || z < 0 || z > MAX_ZOOM) return false;
  const n = 2 ** z;
  return Number.isInteger(x) && Number.isInteger(y) && x >= 0 && y >= 0 && x < n && y < n;
}

/**
 * The TMS row (row 0 is the southernmost, as MBTiles stores it) of XYZ row y at zoom z. The same
 * formula converts back: applying it twice gives y again.
 */
export function xyzToTmsRow(z: number, y: number): number {
  if (!isValidTile(z, 0, y)) throw new RangeError(`row ${y} does not exist at zoom ${z}`);
  return 2 ** z - 1 - y;
}

/**
 * The XYZ tile at zoom z that holds the point. Longitudes outside ±180 wrap around the world;
 * latitudes beyond ±MAX_LATITUDE (where Web Mercator ends) are clamped to its edge.
 */
export function tileForLonLat(lon: number, lat: number, z: number): TileXyz {
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) throw new RangeError(`not a position: ${lon}, ${lat}`);
  if (!isValidTile(z, 0, 0)) throw new RangeError(`zoom ${z} is not between 0 and ${MAX_ZOOM}`);
  const n = 2 ** z;
  // 180° itself is the east edge of the last column, not the west edge of the first.
  const wrapped = lon >= -180 && lon <= 180 ? lon : ((((lon + 180) % 360) + 360) % 360) - 180;
  const clampedLat = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
  const phi = (clampedLat * Math.PI) / 180;
  const fx = ((wrapped + 180) / 360) * n;
  const fy = ((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * n;
  return { z, x: clampIndex(Math.floor(fx), n), y: clampIndex(Math.floor(fy), n) };
}

/** The box an XYZ tile covers, in degrees. */
export function tileBounds(z: number, x: number, y: number): LonLatBounds {
  if (!isValidTile(z, x, y)) throw new RangeError(`tile ${z}/${x}/${y} does not exist`);
  const n = 2 ** z;
  return { west: (x / n) * 360 - 180, south: rowEdgeLatitude(y + 1, n), east: ((x + 1) / n) * 360 - 180, north: rowEdgeLatitude(y, n) };
}

function rowEdgeLatitude(row: number, n: number): number {
  return (Math.atan(Math.sinh(Math.PI * (1 - (2 * row) / n))) * 180) / Math.PI;
}

function clampIndex(i: number, n: number): number {
  return Math.max(0, Math.min(n - 1, i));
}
