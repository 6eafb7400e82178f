// Tiles of the configured online sources (Tianditu, an OSM-style server, AMap/Gaode, a city's
// own tile server), fetched by main and served to the windows from their own origin at
// /online-tiles/<source>/<z>/<x>/<y>, beside the MBTiles at /tiles/. Going through main keeps
// the pages' content security policy at 'self' whatever the operator configures (a policy
// cannot widen for a page already open), keeps keys in templates out of the pages, and is the
// one place that checks every address before anything leaves the workstation.
import type { OnlineTileSource } from '../../shared/domain/tile-source';
import { fillTemplate, templateProblem } from '../../shared/domain/tile-source';
import { textAnswer as text, type TileAnswer } from './tile-service';
import { isValidTile } from './tile-math';

export const ONLINE_TILE_ROUTE = '/online-tiles/';
/** A tile server that has not answered by then is treated as away; the bundled map shows beneath. */
const FETCH_TIMEOUT_MS = 8000;
/** Far above any real raster tile; a bigger answer is not a tile. */
const MAX_TILE_BYTES = 2 * 1024 * 1024;
/** Requests in flight across all sources; beyond that a window is told to come back (503) rather than queueing without bound. */
const MAX_IN_FLIGHT = 24;
const CACHE_CONTROL = 'private, max-age=86400';

export type Fetcher = (url: string, init: { signal: AbortSignal; headers: Record<string, string>; redirect: 'follow' }) => Promise<Response>;

export interface OnlineTileProxy {
  /** Replaces the sources it serves (after the operator changed them, and at start). */
  setSources(sources: readonly OnlineTileSource[]): void;
  /** Answers GET `pathname` under ONLINE_TILE_ROUTE. Never throws. */
  answer(pathname: string): Promise<TileAnswer>;
}

export interface OnlineTileProxyOptions {
  userAgent: string;
  fetch?: Fetcher;
  /** Told when a source fails (once per source until it works again), for the log. */
  onFailure?: (sourceId: string, reason: string) => void;
}

export function createOnlineTileProxy(o: OnlineTileProxyOptions): OnlineTileProxy {
  const fetcher: Fetcher = o.fetch ?? ((url, init) => fetch(url, init));
  let sources = new Map<string, OnlineTileSource>();
  const failing = new Set<string>();
  let inFlight = 0;

  function failed(id: string, status: number, reason: string): TileAnswer {
    if (!failing.has(id)) {
      failing.add(id);
      o.onFailure?.(id, reason);
    }
    return text(status, reason);
  }

  return {
    setSources(list) {
      sources = new Map(list.map((s) => [s.id, s]));
    },
    async answer(pathname) {
      if (!pathname.startsWith(ONLINE_TILE_ROUTE)) return text(404, 'not found');
      const parts = pathname.slice(ONLINE_TILE_ROUTE.length).split('/');
      if (parts.length !== 4 || !parts.slice(1).every((c) => /^\d{1,8}$/.test(c))) return text(404, 'not found');
      const [id, ...coords] = parts as [string, string, string, string];
      const [z, x, y] = coords.map(Number) as [number, number, number];
      const source = sources.get(id);
      if (!source) return text(404, 'no such tile source');
      if (!isValidTile(z, x, y)) return text(400, 'bad tile coordinates');
      if (z < source.minZoom || z > source.maxZoom) return text(404, 'no tile at this zoom');
      // Stored sources were checked when saved; checked again here, since this is where a request leaves the machine.
      if (templateProblem(source.urlTemplate, source.subdomains)) return text(500, 'tile source address is not usable');
      const url = new URL(fillTemplate(source.urlTemplate, source.subdomains, z, x, y));
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return text(500, 'tile source address is not usable');
      if (inFlight >= MAX_IN_FLIGHT) return text(503, 'busy');
      inFlight++;
      try {
        const res = await fetcher(url.href, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), headers: { 'User-Agent': o.userAgent, Accept: 'image/*' }, redirect: 'follow' });
        if (res.status === 404) return text(404, 'no such tile');
        if (!res.ok) return failed(id, 502, `tile server answered ${res.status}`);
        const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
        if (!/^image\/(png|jpeg|webp|gif)$/.test(type)) return failed(id, 502, `tile server sent ${type || 'no type'}, not an image`);
        const body = await readCapped(res, MAX_TILE_BYTES);
        if (!body) return failed(id, 502, 'tile too large');
        failing.delete(id);
        return { status: 200, headers: { 'Content-Type': type, 'Content-Length': String(body.length), 'Cache-Control': CACHE_CONTROL }, body };
      } catch (err) {
        const reason = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError') ? 'tile server did not answer in time' : 'tile server cannot be reached';
        return failed(id, 504, reason);
      } finally {
        inFlight--;
      }
    },
  };
}

/** The body, or null (and the download stopped) once it passes `cap` bytes. */
async function readCapped(res: Response, cap: number): Promise<Buffer | null> {
  if (Number(res.headers.get('content-length') ?? '0') > cap) {
    await res.body?.cancel();
    return null;
  }
  if (!res.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  // Leaving the loop early cancels the stream.
  for await (const chunk of res.body) {
    size += chunk.length;
    if (size > cap) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
