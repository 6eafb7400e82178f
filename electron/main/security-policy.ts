// Electron's security checklist as decisions that need no Electron: each is a pure function the
// thin wiring in hardening.ts, windows.ts, app-protocol.ts and main.ts calls, so every decision
// is unit-tested here even where the Electron binary cannot run (security-policy.test.ts).
import { SECURITY_HEADERS } from '../services/http/assets';

export const APP_SCHEME = 'vigil';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

/** One of Vigil's own pages or files: vigil://app/…, no credentials, no other host or scheme. */
export function isAppUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return u.protocol === `${APP_SCHEME}:` && u.host === 'app' && u.username === '' && u.password === '' && u.pathname.startsWith('/');
}

/** Navigation (and redirects) stay inside the app; everything else, remote or local, is refused. */
export function shouldAllowNavigation(url: string): boolean {
  return isAppUrl(url);
}

/** window.open and target=_blank never open a window: role windows are opened by main alone. */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

/**
 * Every permission a page can ask for (camera, microphone, geolocation, notifications, MIDI,
 * screen details, clipboard read, …) is refused. Vigil's pages need none: main reads the
 * monitors, video arrives over the app's own channel, alerts are drawn in the page.
 */
export function permissionDecision(_permission: string): boolean {
  return false;
}

/**
 * Requests a page may make beside the app's own scheme: nothing from the network or the disk.
 * (Main's own traffic — the hub, cameras, online tiles — is Node's, not the page's.)
 */
export function shouldAllowRequest(url: string): boolean {
  if (isAppUrl(url)) return true;
  return /^(data|blob|devtools):/i.test(url);
}

/**
 * IPC is answered only for the top frame of a window main opened, showing a page of the app:
 * not an iframe, not a page that got elsewhere, not a web contents main does not know.
 */
export function isTrustedSender(sender: { frameUrl: string | undefined; isMainFrame: boolean; knownWindow: boolean }): boolean {
  return sender.knownWindow && sender.isMainFrame && isAppUrl(sender.frameUrl ?? '');
}

/** The webPreferences of every Vigil window: isolated, sandboxed, no Node, no <webview>. */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  } as const;
}

/** Headers of every vigil:// response (pages, files, tiles, errors): the CSP always wins over what a tile source sent. */
export function appResponseHeaders(headers: Record<string, string> = {}): Record<string, string> {
  const kept = Object.fromEntries(Object.entries(headers).filter(([name]) => !(name.toLowerCase() in LOWER_SECURITY)));
  return { ...kept, ...SECURITY_HEADERS };
}
const LOWER_SECURITY = Object.fromEntries(Object.keys(SECURITY_HEADERS).map((k) => [k.toLowerCase(), true]));
