import fs from 'node:fs';
import { protocol } from 'electron';
import { resolveAsset, SECURITY_HEADERS } from '../services/http/assets';

export const APP_SCHEME = 'vigil';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

/** Must run before app is ready: the scheme behaves like https (secure, standard origin). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves the built renderer from vigil://app/ with the same CSP as the browser host. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const asset = url.host === 'app' ? resolveAsset(rendererDir, url.pathname) : null;
    if (!asset) return new Response('not found', { status: 404, headers: SECURITY_HEADERS });
    const body = await fs.promises.readFile(asset.file);
    return new Response(body, { headers: { 'Content-Type': asset.type, ...SECURITY_HEADERS } });
  });
}
