// Which offline base map to show. Both hosts list the MBTiles files of <data>/maps at
// ./tiles/ and serve their tiles at ./tiles/<id>/<z>/<x>/<y> (same origin, so the CSP's
// img-src 'self' covers them); a relative address works under http:// and vigil://app/ alike.

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
