// Which base map to show. The bundled world map (world-layer.ts) is always drawn underneath;
// over it, one tiled map: an imported MBTiles file or a configured online source. Both hosts
// list the MBTiles files of <data>/maps at ./tiles/ and serve their tiles at
// ./tiles/<id>/<z>/<x>/<y>, and the online sources' tiles (fetched by main) at
// ./online-tiles/<id>/<z>/<x>/<y>: same origin, so the CSP's img-src 'self' covers them, and a
// relative address works under http:// and vigil://app/ alike.
import type { BasemapChoice, Datum, OnlineTileSource } from '../../../electron/shared/domain/tile-source';

/** One map as the hosts list it (electron/services/maps/tile-service.ts, TileSourceInfo). */
export type TileSource = {
  id: string;
  metadata: {
    name: string;
    format: 'png' | 'jpg' | 'webp' | 'pbf';
    minzoom: number;
    maxzoom: number;
    bounds: { west: number; south: number; east: number; north: number } | null;
    attribution: string | null;
  };
};

const RASTER = new Set(['png', 'jpg', 'webp']);

/** The first map, by id, that Leaflet can draw: raster tiles. Vector (pbf) maps need a renderer Vigil does not have yet. */
export function pickBasemap(sources: readonly TileSource[]): TileSource | null {
  return [...sources].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).find((s) => RASTER.has(s.metadata.format)) ?? null;
}

/** Leaflet's tile address template for a map. */
export function tileUrlTemplate(sourceId: string): string {
  return `./tiles/${encodeURIComponent(sourceId)}/{z}/{x}/{y}`;
}

/**
 * Leaflet puts attributions into the page as HTML; an MBTiles file's attribution is text
 * from outside (the spec even allows HTML in it), so it is shown as text.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function isTileSource(v: unknown): v is TileSource {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as { id?: unknown; metadata?: { format?: unknown; minzoom?: unknown; maxzoom?: unknown } };
  return typeof s.id === 'string' && typeof s.metadata === 'object' && s.metadata !== null && typeof s.metadata.format === 'string' && typeof s.metadata.minzoom === 'number' && typeof s.metadata.maxzoom === 'number';
}

/** The maps the host offers; none when it cannot say (an older host, a failed request). */
export async function fetchTileSources(signal?: AbortSignal): Promise<TileSource[]> {
  try {
    const res = await fetch('./tiles/', { signal, cache: 'no-cache' });
    if (!res.ok) return [];
    const body = (await res.json()) as { sources?: unknown };
    return Array.isArray(body.sources) ? body.sources.filter(isTileSource) : [];
  } catch {
    return [];
  }
}

/** The MBTiles maps, asked once per window and again after an import (maps change rarely). */
let mbtilesRequest: Promise<TileSource[]> | null = null;
export function mbtilesSources(refresh = false): Promise<TileSource[]> {
  if (refresh || !mbtilesRequest) mbtilesRequest = fetchTileSources();
  return mbtilesRequest;
}

/** What the map shows over the bundled world map. */
export type Basemap = { kind: 'bundled' } | { kind: 'mbtiles'; source: TileSource } | { kind: 'online'; source: OnlineTileSource };

/**
 * The operator's choice where it can be shown; otherwise (no choice, or it names a map that is
 * gone or cannot be drawn) the first imported raster map, else the bundled world map alone.
 */
export function resolveBasemap(choice: BasemapChoice | null, mbtiles: readonly TileSource[], online: readonly OnlineTileSource[]): Basemap {
  if (choice?.kind === 'bundled') return { kind: 'bundled' };
  if (choice?.kind === 'online') {
    const source = online.find((s) => s.id === choice.id);
    if (source) return { kind: 'online', source };
  }
  if (choice?.kind === 'mbtiles') {
    const source = mbtiles.find((s) => s.id === choice.id && RASTER.has(s.metadata.format));
    if (source) return { kind: 'mbtiles', source };
  }
  const first = pickBasemap(mbtiles);
  return first ? { kind: 'mbtiles', source: first } : { kind: 'bundled' };
}

/** The datum the base map is drawn in; imported MBTiles maps are taken to be WGS-84, as the format's Web Mercator tiles are. */
export function datumOf(b: Basemap): Datum {
  return b.kind === 'online' ? b.source.datum : 'wgs84';
}

/** How Leaflet should load the tiles of a base map; null for the bundled map, which has none. */
export type TileLayerSpec = {
  /** Changes whenever the layer must be made anew. */
  key: string;
  url: string;
  minNativeZoom: number;
  maxNativeZoom: number;
  bounds: { west: number; south: number; east: number; north: number } | null;
  /** As text: shown escaped. */
  attribution: string | null;
};

export function tileLayerSpec(b: Basemap): TileLayerSpec | null {
  if (b.kind === 'bundled') return null;
  if (b.kind === 'mbtiles') {
    const m = b.source.metadata;
    return { key: `mbtiles:${b.source.id}:${m.minzoom}:${m.maxzoom}`, url: tileUrlTemplate(b.source.id), minNativeZoom: m.minzoom, maxNativeZoom: m.maxzoom, bounds: m.bounds, attribution: m.attribution };
  }
  const s = b.source;
  // The source's content is in the address: an edited template must not show old tiles from the browser's cache.
  const version = hash(JSON.stringify(s));
  return { key: `online:${s.id}:${version}`, url: `${onlineTileUrlTemplate(s.id)}?v=${version}`, minNativeZoom: s.minZoom, maxNativeZoom: s.maxZoom, bounds: null, attribution: s.attribution || null };
}

/** Leaflet's address template for an online source's tiles, which main fetches. */
export function onlineTileUrlTemplate(sourceId: string): string {
  return `./online-tiles/${encodeURIComponent(sourceId)}/{z}/{x}/{y}`;
}

/** A base map as the choice that names it (for the picker). */
export function choiceOf(b: Basemap): BasemapChoice {
  return b.kind === 'bundled' ? { kind: 'bundled' } : { kind: b.kind, id: b.source.id };
}

/** FNV-1a, base 36: a short tag that changes with the text. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}
