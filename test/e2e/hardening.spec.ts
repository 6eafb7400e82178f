// The content security policy of the browser host, as Chromium enforces it: the page can run
// no inline or injected script, apply no inline style, and reach nothing but its
// own origin — a real HTTP server elsewhere on this machine counts that it was never asked.
// Every answer of the host (page, files, tiles, errors) carries the policy. No mocks.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, pairing, test as base } from './fixtures';
import { CONTENT_SECURITY_POLICY, PERMISSIONS_POLICY } from '../../electron/services/http/assets';

/** A server on another origin that records every request made to it. */
const test = base.extend<{ elsewhere: { origin: string; hits: string[] } }>({
  // eslint-disable-next-line no-empty-pattern
  elsewhere: async ({}, use) => {
    const hits: string[] = [];
    const server = http.createServer((req, res) => {
      hits.push(req.url ?? '');
      res.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'text/plain' });
      res.end('remote content');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    await use({ origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits });
    await new Promise((r) => server.close(r));
  },
});

test('the page runs no injected script, loads nothing from another origin, and every answer carries the CSP', async ({ page, host, elsewhere }) => {
  const response = await page.goto(pairing(host));
  expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  // No eval either; Chromium exempts code the test itself injects through DevTools, so this is checked on the policy.
  expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(eval|inline)/);
  await expect(page.locator('#incident-queue')).toBeVisible({ timeout: 20_000 });

  const outcome = await page.evaluate(async (origin) => {
    const w = window as unknown as Record<string, unknown>;
    const violations: string[] = [];
    w.__violations = violations;
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));

    const script = document.createElement('script');
    script.textContent = 'window.__injected = true;';
    document.body.appendChild(script);

    const remoteScript = document.createElement('script');
    remoteScript.src = `${origin}/script.js`;
    document.body.appendChild(remoteScript);

    const style = document.createElement('style');
    style.textContent = 'body { outline: 7px solid rgb(1, 2, 3) !important; }';
    document.head.appendChild(style);

    let fetchResult = 'fetched';
    try {
      await fetch(`${origin}/data.json`);
    } catch (e) {
      fetchResult = (e as Error).name;
    }

    const img = new Image();
    const imgResult = await new Promise<string>((resolve) => {
      img.onload = () => resolve('loaded');
      img.onerror = () => resolve('blocked');
      img.src = `${origin}/tile.png`;
    });
    return {
      injected: w.__injected === true,
      outline: getComputedStyle(document.body).outlineColor,
      fetchResult,
      imgResult,
    };
  }, elsewhere.origin);

  expect(outcome.injected).toBe(false);
  expect(outcome.outline).not.toBe('rgb(1, 2, 3)');
  expect(outcome.fetchResult).toBe('TypeError');
  expect(outcome.imgResult).toBe('blocked');
  // Chromium reports each refusal as a violation of the directive that refused it.
  await expect.poll(() => page.evaluate(() => [...new Set((window as unknown as { __violations: string[] }).__violations)].sort())).toEqual(
    expect.arrayContaining(['connect-src', 'img-src', 'script-src-elem', 'style-src-elem']),
  );
  // Blocked in the browser, not merely failed: the other server was never asked.
  expect(elsewhere.hits).toEqual([]);

  // Every kind of answer carries the policy and the other security headers.
  for (const url of [host.url, `${host.url}index.html`, `${host.url}no-such-file.js`, `${host.url}tiles/`, `${host.url}tiles/none/1/1/1.png`, `${host.url}online-tiles/none/1/1/1`]) {
    const r = await page.request.get(url);
    const headers = r.headers();
    expect(headers['content-security-policy'], url).toBe(CONTENT_SECURITY_POLICY);
    expect(headers['x-content-type-options'], url).toBe('nosniff');
    expect(headers['permissions-policy'], url).toBe(PERMISSIONS_POLICY);
  }
});

test('the page may not use the camera, microphone, location or other powerful features; the monitors API stays', async ({ page, host }) => {
  await page.goto(pairing(host));
  await expect(page.locator('#incident-queue')).toBeVisible({ timeout: 20_000 });
  // What the page's policy allows, as Chromium computed it from the header (a prompt or a missing
  // device would not tell a refused feature from an absent one).
  const allowed = await page.evaluate(() => {
    const policy = (document as unknown as { featurePolicy: { allowsFeature(f: string): boolean } }).featurePolicy;
    return Object.fromEntries(['camera', 'microphone', 'geolocation', 'display-capture', 'usb', 'serial', 'hid', 'midi', 'payment', 'window-management'].map((f) => [f, policy.allowsFeature(f)]));
  });
  expect(allowed).toEqual({ camera: false, microphone: false, geolocation: false, 'display-capture': false, usb: false, serial: false, hid: false, midi: false, payment: false, 'window-management': true });
});
