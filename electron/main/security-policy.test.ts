// Electron's security checklist, decision by decision. Electron itself cannot run here (no
// binary can be downloaded): these are the pure functions the Electron wiring (hardening.ts,
// windows.ts, app-protocol.ts, main.ts, media-port.ts) calls, tested without Electron.
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../services/http/assets';
import { APP_ORIGIN, appResponseHeaders, isAppUrl, isTrustedSender, permissionDecision, secureWebPreferences, shouldAllowNavigation, shouldAllowRequest, windowOpenDecision } from './security-policy';

describe('Electron security policy (pure decisions; Electron is not run here)', () => {
  it('knows the app’s own pages and nothing that merely looks like them', () => {
    expect(isAppUrl(`${APP_ORIGIN}/index.html?role=console`)).toBe(true);
    expect(isAppUrl(`${APP_ORIGIN}/tiles/osm/1/2/3`)).toBe(true);
    for (const url of ['vigil://app.evil/index.html', 'vigil://evil/index.html', 'vigil://user:pw@app/index.html', 'https://app/index.html', 'file:///etc/passwd', 'vigil:app/index.html', 'javascript:alert(1)', '', 'not a url']) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });

  it('blocks navigation and redirects away from the app', () => {
    expect(shouldAllowNavigation(`${APP_ORIGIN}/index.html?role=map`)).toBe(true);
    for (const url of ['https://example.com/', 'http://127.0.0.1:7410/', 'file:///home/op/', 'data:text/html,<script>1</script>', 'about:blank', 'devtools://devtools/bundled/x.html']) {
      expect(shouldAllowNavigation(url), url).toBe(false);
    }
  });

  it('never opens a window for window.open or target=_blank', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
  });

  it('denies every permission a page can ask for', () => {
    const all = ['media', 'camera', 'microphone', 'geolocation', 'notifications', 'midi', 'midiSysex', 'pointerLock', 'fullscreen', 'openExternal', 'clipboard-read', 'clipboard-sanitized-write', 'display-capture', 'window-management', 'idle-detection', 'hid', 'serial', 'usb', 'speaker-selection', 'storage-access', 'top-level-storage-access', 'mediaKeySystem', 'keyboardLock', 'fileSystem', 'unknown'];
    for (const p of all) expect(permissionDecision(p), p).toBe(false);
  });

  it('lets a page load nothing from the network or the disk, only the app’s own scheme', () => {
    expect(shouldAllowRequest(`${APP_ORIGIN}/assets/index.js`)).toBe(true);
    expect(shouldAllowRequest('data:image/png;base64,AAAA')).toBe(true);
    expect(shouldAllowRequest('blob:vigil://app/1234')).toBe(true);
    for (const url of ['https://tile.openstreetmap.org/1/1/1.png', 'http://10.0.0.5:7420/socket.io/', 'ws://127.0.0.1:7410/api', 'file:///etc/passwd', 'ftp://x/']) {
      expect(shouldAllowRequest(url), url).toBe(false);
    }
  });

  it('answers IPC only from the top frame of a window main opened, on an app page', () => {
    const ok = { frameUrl: `${APP_ORIGIN}/index.html?role=console`, isMainFrame: true, knownWindow: true };
    expect(isTrustedSender(ok)).toBe(true);
    expect(isTrustedSender({ ...ok, knownWindow: false })).toBe(false);
    expect(isTrustedSender({ ...ok, isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ ...ok, frameUrl: 'https://evil.example/' })).toBe(false);
    expect(isTrustedSender({ ...ok, frameUrl: 'vigil://app.evil/index.html' })).toBe(false);
    expect(isTrustedSender({ ...ok, frameUrl: undefined })).toBe(false);
  });

  it('builds every window isolated and sandboxed, without Node or <webview>', () => {
    const prefs = secureWebPreferences('/opt/vigil/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/opt/vigil/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
    });
  });

  it('puts the CSP and security headers on every vigil:// response, whatever a tile source sent', () => {
    expect(appResponseHeaders()['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    const tile = appResponseHeaders({ 'Content-Type': 'image/png', 'content-security-policy': "default-src *", 'Cache-Control': 'max-age=60' });
    expect(tile['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(tile).not.toHaveProperty('content-security-policy');
    expect(tile).toMatchObject({ 'Content-Type': 'image/png', 'Cache-Control': 'max-age=60', 'X-Content-Type-Options': 'nosniff' });
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'none'/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/connect-src 'self'(;|$)/);
  });
});
