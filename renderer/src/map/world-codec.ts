// The bundled world map's file format, written at build time (build/world-basemap.ts) and read
// by the map (world-layer.ts). Natural Earth's shapes as rings of points quantised to 1e-4°
// (about 11 m, far finer than the data's own accuracy at 1:10 million), each ring stored as its
// first point and then the steps between points: small integers, so the files stay small
// without a decoder library in the page.

export const WORLD_SCALE = 1e4;

export interface WorldFile {
  /** Where the shapes come from and under what terms, shown as the map's attribution. */
  source: string;
  resolution: WorldResolution;
  /** Polygons' rings (outer and holes alike: filled even-odd). */
  land: number[][];
  lakes: number[][];
  /** Lines, not rings. */
  rivers: number[][];
}

export const WORLD_RESOLUTIONS = ['110m', '50m', '10m'] as const;
export type WorldResolution = (typeof WORLD_RESOLUTIONS)[number];

/** [lon, lat] pairs → the stored integers; points that quantise onto the one before are dropped. */
export function encodeRing(points: readonly (readonly number[])[]): number[] {
  const out: number[] = [];
  let px = 0;
  let py = 0;
  for (const p of points) {
    const x = Math.round(p[0]! * WORLD_SCALE);
    const y = Math.round(p[1]! * WORLD_SCALE);
    if (out.length && x === px && y === py) continue;
    out.push(out.length ? x - px : x, out.length ? y - py : y);
    px = x;
    py = y;
  }
  return out;
}

/** The stored integers → lon, lat, lon, lat, … in degrees. */
export function decodeRing(encoded: readonly number[]): Float64Array {
  const out = new Float64Array(encoded.length);
  let x = 0;
  let y = 0;
  for (let i = 0; i + 1 < encoded.length; i += 2) {
    x += encoded[i]!;
    y += encoded[i + 1]!;
    out[i] = x / WORLD_SCALE;
    out[i + 1] = y / WORLD_SCALE;
  }
  return out;
}

/** Which file to draw at a zoom: coarse shapes for the whole world, the finest from a country's scale down. */
export function worldResolutionFor(zoom: number): WorldResolution {
  return zoom < 3 ? '110m' : zoom < 6 ? '50m' : '10m';
}
