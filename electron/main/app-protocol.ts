import fs from 'node:fs';
import { protocol } from 'electron';
import { resolveAsset, SECURITY_HEADERS } from '../services/http/assets';
import { answerTileRequest, TILE_ROUTE, type TileService } from '../services/maps/tile-service';

export const APP_SCHEME = 'vigil';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

/** Must run before app is ready: the scheme behaves like https (secure, standard origin). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/**
 * Serves the built renderer from vigil://app/ with the same CSP as the browser host, and the
 * offline map tiles at vigil://app/tiles/… (as the browser host serves /tiles/…). `maps` gives
 * the runtime's tile service once the services have started; until then tiles answer 503.
 */
export function serveRenderer(rendererDir: string, maps: () => TileService | null = () => null): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host === 'app' && url.pathname.startsWith(TILE_ROUTE)) {
      const service = maps();
      if (!service) return new Response('map tiles not ready', { status: 503, headers: SECURITY_HEADERS });
      // Not relying on Chromium to undo Content-Encoding for a custom scheme: vector tiles go out unpacked.
      const answer = answerTileRequest(service, url.pathname, { decodeGzip: true });
      return new Response(answer.status === 200 ? new Uint8Array(answer.body) : answer.body.toString('utf8'), { status: answer.status, headers: { ...answer.headers, ...SECURITY_HEADERS } });
    }
    const asset = url.host === 'app' ? resolveAsset(rendererDir, url.pathname) : null;
    if (!asset) return new Response('not found', { status: 404, headers: SECURITY_HEADERS });
    const body = await fs.promises.readFile(asset.file);
    return new Response(body, { headers: { 'Content-Type': asset.type, ...SECURITY_HEADERS } });
  });
}
