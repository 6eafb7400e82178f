import fs from 'node:fs';
import { protocol } from 'electron';
import { resolveAsset } from '../services/http/assets';
import { ONLINE_TILE_ROUTE, type OnlineTileProxy } from '../services/maps/online-tiles';
import { answerTileRequest, TILE_ROUTE, type TileAnswer, type TileService } from '../services/maps/tile-service';

import { APP_SCHEME, appResponseHeaders } from './security-policy';

export { APP_ORIGIN, APP_SCHEME } from './security-policy';

/** Must run before app is ready: the scheme behaves like https (secure, standard origin). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/**
 * Serves the built renderer from vigil://app/ with the same CSP as the browser host, and the
 * offline map tiles at vigil://app/tiles/… (as the browser host serves /tiles/…). `maps` gives
 * the runtime's tile service once the services have started; until then tiles answer 503.
 */
export function serveRenderer(rendererDir: string, tiles: () => { maps: TileService; onlineTiles: OnlineTileProxy } | null = () => null): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const online = url.pathname.startsWith(ONLINE_TILE_ROUTE);
    if (url.host === 'app' && (online || url.pathname.startsWith(TILE_ROUTE))) {
      const services = tiles();
      if (!services) return new Response('map tiles not ready', { status: 503, headers: appResponseHeaders() });
      // Not relying on Chromium to undo Content-Encoding for a custom scheme: vector tiles go out unpacked.
      const answer = online ? await services.onlineTiles.answer(url.pathname) : answerTileRequest(services.maps, url.pathname, { decodeGzip: true });
      return tileResponse(answer);
    }
    const asset = url.host === 'app' ? resolveAsset(rendererDir, url.pathname) : null;
    if (!asset) return new Response('not found', { status: 404, headers: appResponseHeaders() });
    const body = await fs.promises.readFile(asset.file);
    return new Response(body, { headers: appResponseHeaders({ 'Content-Type': asset.type }) });
  });
}

function tileResponse(answer: TileAnswer): Response {
  return new Response(answer.status === 200 ? new Uint8Array(answer.body) : answer.body.toString('utf8'), { status: answer.status, headers: appResponseHeaders(answer.headers) });
}
