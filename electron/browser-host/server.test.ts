import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { pngTile, writeMbtiles } from '../../test/support/mbtiles-fixture';
import { demoAccount } from '../../test/support/sign-in';
import { pairedClient } from '../../test/support/browser-host-process';
import { startTestRuntime } from '../../test/support/runtime';
import { useTempDirs } from '../../test/support/temp';
import type { Runtime } from '../services/runtime/runtime';
import { startBrowserHost, type BrowserHost } from './server';

const tempDir = useTempDirs('all');
const TOKEN = 'a'.repeat(43);
let rt: Runtime;
let host: BrowserHost;
let rendererDir: string;
let dataDir: string;

beforeAll(async () => {
  rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Vigil</title>');
  dataDir = tempDir();
  rt = await startTestRuntime(dataDir);
  host = await startBrowserHost({ runtime: rt, rendererDir, bind: '127.0.0.1', port: 0, token: TOKEN, authTimeoutMs: 300 });
});
afterAll(async () => {
  await host.close();
  await rt.close();
});

const wsUrl = (endpoint: 'api' | 'media' = 'api') => host.url.replace('http:', 'ws:') + endpoint;

/** Opens a socket, sends `frames`, and collects replies until `until` arrive, it closes, or 1.5 s pass. */
function session(
  frames: (string | Buffer)[],
  headers: Record<string, string> = {},
  until = Infinity,
  endpoint: 'api' | 'media' = 'api',
): Promise<{ received: string[]; close: number | null; error?: string }> {
  return new Promise((resolve) => {
    const received: string[] = [];
    const ws = new WebSocket(wsUrl(endpoint), { headers });
    const done = (close: number | null, error?: string) => {
      clearTimeout(timer);
      ws.removeAllListeners();
      ws.terminate();
      resolve({ received, close, error });
    };
    const timer = setTimeout(() => done(null), 1500);
    ws.on('open', () => frames.forEach((f) => ws.send(f)));
    ws.on('message', (m) => {
      received.push(String(m));
      if (received.length >= until) done(null);
    });
    ws.on('close', (code) => done(code));
    ws.on('error', (e) => done(null, e.message));
  });
}

const auth = (token: string) => JSON.stringify({ kind: 'auth', token, protocol: 1 });
const listRequest = JSON.stringify({ kind: 'request', id: 1, method: 'incidents.list', params: { limit: 5 } });

describe('browser host', () => {
  it('listens on loopback', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(host.pairingUrl).toBe(`${host.url}#token=${TOKEN}`);
  });

  it('serves data to a paired client only once an operator has signed in at the workstation', async () => {
    // Pairing admits the browser to this workstation; who operates it is a separate question.
    const before = await session([auth(TOKEN), listRequest], {}, 1);
    expect(JSON.parse(before.received[0]!)).toMatchObject({ id: 1, ok: false, error: { code: 'signed-out' } });
    const client = await pairedClient({ url: host.url, token: TOKEN });
    const heard: { kind: string; name?: string }[] = [];
    client.ws.on('message', (m) => heard.push(JSON.parse(String(m)) as { kind: string; name?: string }));
    expect(await client.request('session.signIn', demoAccount('operator'))).toMatchObject({ ok: true, result: { ok: true, operator: { role: 'operator' } } });
    // Every paired window hears who signed in (the event leaves main before the answer).
    expect(heard.filter((m) => m.kind === 'event' && m.name === 'session.changed')).toHaveLength(1);
    client.ws.terminate();
    const r = await session([auth(TOKEN), listRequest], {}, 1);
    expect(r.received).toHaveLength(1);
    expect(JSON.parse(r.received[0]!)).toMatchObject({ id: 1, ok: true });
  });

  it('gives a client with a wrong token nothing and closes with 4401', async () => {
    const r = await session([auth('b'.repeat(43)), listRequest]);
    expect(r.received).toEqual([]);
    expect(r.close).toBe(4401);
  });

  it('gives a client that skips pairing nothing', async () => {
    const r = await session([listRequest]);
    expect(r.received).toEqual([]);
    expect(r.close).toBe(4401);
  });

  it('closes a silent client after the pairing time-out', async () => {
    const r = await session([]);
    expect(r.close).toBe(4408);
  });

  it('refuses a WebSocket opened by a page of another origin', async () => {
    const r = await session([auth(TOKEN), listRequest], { Origin: 'http://evil.example' });
    expect(r.received).toEqual([]);
    expect(r.error).toMatch(/403/);
  });

  it('pairs the media channel like /api: wrong token 4401, silence 4408, another origin 403', async () => {
    const watch = JSON.stringify({ type: 'watch', slot: 1, cameraId: 'no-such-camera', quality: 'sub' });
    expect((await session([auth('b'.repeat(43)), watch], {}, Infinity, 'media')).close).toBe(4401);
    expect((await session([], {}, Infinity, 'media')).close).toBe(4408);
    expect((await session([auth(TOKEN), watch], { Origin: 'http://evil.example' }, Infinity, 'media')).error).toMatch(/403/);
  });

  it('answers a paired media client in the contract, refuses what is not, and closes on binary', async () => {
    const watch = JSON.stringify({ type: 'watch', slot: 1, cameraId: 'no-such-camera', quality: 'sub' });
    const r = await session([auth(TOKEN), watch, '{"type":"watch","slot":1,"url":"rtsp://x/"}'], {}, 3, 'media');
    const messages = r.received.map((m) => JSON.parse(m) as { type: string; state?: string; reason?: string });
    expect(messages.find((m) => m.type === 'state')).toMatchObject({ state: 'failed', reason: 'unknown_camera' });
    expect(messages.some((m) => m.type === 'refused')).toBe(true);
    const binary = await session([auth(TOKEN), Buffer.from([1, 2, 3])], {}, Infinity, 'media');
    expect(binary.close).toBe(4400);
  });

  it('serves the renderer with the content security policy and never a file outside it', async () => {
    const get = (p: string) =>
      new Promise<{ status: number; csp: string | undefined }>((resolve, reject) => {
        http.get(new URL(p, host.url), (res) => {
          res.resume();
          resolve({ status: res.statusCode ?? 0, csp: res.headers['content-security-policy'] as string | undefined });
        }).on('error', reject);
      });
    const index = await get('/');
    expect(index.status).toBe(200);
    expect(index.csp).toMatch(/script-src 'self'/);
    expect((await get('/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
    expect((await get('/..%2f..%2fetc%2fpasswd')).status).toBe(404);
  });

  it('serves offline map tiles from <data>/maps, and 404 for what is not there', async () => {
    const get = (p: string) =>
      new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        http.get(new URL(p, host.url), (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        }).on('error', reject);
      });
    expect(JSON.parse((await get('/tiles/')).body.toString())).toEqual({ sources: [] });
    expect((await get('/tiles/dezhou/0/0/0')).status).toBe(404);

    fs.mkdirSync(path.join(dataDir, 'maps'), { recursive: true });
    // XYZ 1/1/0 is the north-east tile: TMS row 1.
    writeMbtiles(path.join(dataDir, 'maps', 'dezhou.mbtiles'), { tiles: [{ z: 1, x: 1, row: 1, data: pngTile('north-east') }] });
    const tile = await get('/tiles/dezhou/1/1/0');
    expect(tile.status).toBe(200);
    expect(tile.headers['content-type']).toBe('image/png');
    expect(tile.headers['cache-control']).toBe('private, max-age=3600');
    expect(tile.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(tile.body.equals(pngTile('north-east'))).toBe(true);

    expect((await get('/tiles/dezhou/1/0/0')).status).toBe(404);
    expect((await get('/tiles/elsewhere/1/1/0')).status).toBe(404);
    expect((await get('/tiles/dezhou/1/2/0')).status).toBe(400);
    expect((await get('/tiles/..%2f..%2fvigil/0/0/0')).status).toBe(400);
    const list = JSON.parse((await get('/tiles/')).body.toString()) as { sources: Array<{ id: string; metadata: { name: string } }> };
    expect(list.sources.map((s) => [s.id, s.metadata.name])).toEqual([['dezhou', 'Dezhou city']]);
  });
});
