import { app, session } from 'electron';
import { permissionDecision, shouldAllowNavigation, shouldAllowRequest, windowOpenDecision } from './security-policy';

/**
 * Electron's security checklist, applied to every web contents that will ever exist: no
 * navigation away from Vigil, no new windows, no <webview>, no permission granted to a page, no
 * request from a page to the network or the disk. The decisions are security-policy.ts's.
 */
export function hardenAllContents(): void {
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!shouldAllowNavigation(url)) event.preventDefault();
    });
    contents.on('will-frame-navigate', (event) => {
      if (!shouldAllowNavigation(event.url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!shouldAllowNavigation(url)) event.preventDefault();
    });
    contents.setWindowOpenHandler(() => windowOpenDecision());
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  const s = session.defaultSession;
  s.setPermissionRequestHandler((_wc, permission, callback) => callback(permissionDecision(permission)));
  s.setPermissionCheckHandler((_wc, permission) => permissionDecision(permission));
  s.setDevicePermissionHandler(() => false);
  s.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !shouldAllowRequest(details.url) }));
}
