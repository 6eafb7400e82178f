import { describe, expect, it } from 'vitest';
import type { OnlineTileSource } from '../../shared/domain/tile-source';
import { createOnlineTileProxy, type Fetcher } from './online-tiles';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

const source = (over: Partial<OnlineTileSource> = {}): OnlineTileSource => ({
  id: 'gaode',
  name: '高德',
  urlTemplate: 'https://webrd0{s}.is.autonavi.com/appmaptile?style=8&x={x}&y={y}&z={z}',
  subdomains: '1234',
  datum: 'gcj02',
  attribution: '© 高德地图',
  minZoom: 3,
  maxZoom: 18,
  ...over,
});

function recording(reply: (url: string) => Response | Promise<Response>): { fetch: Fetcher; urls: string[]; agents: string[] } {
  const urls: string[] = [];
  const agents: string[] = [];
  return {
    urls,
    agents,
    fetch: async (url, init) => {
      urls.push(url);
      agents.push(init.headers['User-Agent']!);
      return reply(url);
    },
  };
}

const image = () => new Response(new Uint8Array(PNG), { status: 200, headers: { 'Content-Type': 'image/png' } });

describe('online tile proxy', () => {
  it('fetches the tile from the filled template and passes it on with its type', async () => {
    const r = recording(image);
    const proxy = createOnlineTileProxy({ userAgent: 'Vigil/test', fetch: r.fetch });
    proxy.setSources([source()]);
    const a = await proxy.answer('/online-tiles/gaode/14/13470/6230');
    expect(a.status).toBe(200);
    expect(a.headers['Content-Type']).toBe('image/png');
    expect(a.body.equals(PNG)).toBe(true);
    expect(r.urls).toEqual(['https://webrd01.is.autonavi.com/appmaptile?style=8&x=13470&y=6230&z=14']);
    expect(r.agents).toEqual(['Vigil/test']);
  });

  it('asks nothing for unknown sources, impossible tiles or zooms outside the source', async () => {
    const r = recording(image);
    const proxy = createOnlineTileProxy({ userAgent: 'Vigil/test', fetch: r.fetch });
    proxy.setSources([source()]);
    expect((await proxy.answer('/online-tiles/other/1/0/0')).status).toBe(404);
    expect((await proxy.answer('/online-tiles/gaode/4/16/0')).status).toBe(400);
    expect((await proxy.answer('/online-tiles/gaode/2/0/0')).status).toBe(404);
    expect((await proxy.answer('/online-tiles/gaode/4/a/0')).status).toBe(404);
    expect((await proxy.answer('/online-tiles/gaode/4/1/1/extra')).status).toBe(404);
    expect((await proxy.answer('/tiles/gaode/4/1/1')).status).toBe(404);
    proxy.setSources([]);
    expect((await proxy.answer('/online-tiles/gaode/4/1/1')).status).toBe(404);
    expect(r.urls).toEqual([]);
  });

  it('refuses a stored source whose template is not usable, without a request', async () => {
    const r = recording(image);
    const proxy = createOnlineTileProxy({ userAgent: 'Vigil/test', fetch: r.fetch });
    proxy.setSources([source({ id: 'bad', urlTemplate: 'file:///etc/{z}/{x}/{y}', subdomains: '' })]);
    expect((await proxy.answer('/online-tiles/bad/4/1/1')).status).toBe(500);
    expect(r.urls).toEqual([]);
  });

  it('passes on no page, no oversized answer and no failure as a tile, and reports a failing source once', async () => {
    const failures: string[] = [];
    let reply: () => Response | Promise<Response> = () => new Response('<html>login</html>', { status: 200, headers: { 'Content-Type': 'text/html' } });
    const proxy = createOnlineTileProxy({ userAgent: 'Vigil/test', fetch: async () => reply(), onFailure: (id, reason) => failures.push(`${id}: ${reason}`) });
    proxy.setSources([source()]);
    expect((await proxy.answer('/online-tiles/gaode/5/1/1')).status).toBe(502);
    reply = () => new Response(new Uint8Array(3 * 1024 * 1024), { status: 200, headers: { 'Content-Type': 'image/png' } });
    expect((await proxy.answer('/online-tiles/gaode/5/1/1')).status).toBe(502);
    reply = () => new Response('no', { status: 500 });
    expect((await proxy.answer('/online-tiles/gaode/5/1/1')).status).toBe(502);
    reply = () => Promise.reject(new TypeError('fetch failed'));
    expect((await proxy.answer('/online-tiles/gaode/5/1/1')).status).toBe(504);
    expect(failures).toEqual(['gaode: tile server sent text/html, not an image']);
    reply = image;
    expect((await proxy.answer('/online-tiles/gaode/5/1/1')).status).toBe(200);
    reply = () => new Response('gone', { status: 503 });
    await proxy.answer('/online-tiles/gaode/5/1/1');
    expect(failures).toHaveLength(2);
  });

  it('answers "busy" beyond its bound of requests in flight instead of queueing without limit', async () => {
    const waiting: (() => void)[] = [];
    const proxy = createOnlineTileProxy({ userAgent: 'Vigil/test', fetch: () => new Promise((resolve) => waiting.push(() => resolve(image()))) });
    proxy.setSources([source()]);
    const answers = Array.from({ length: 30 }, (_, i) => proxy.answer(`/online-tiles/gaode/10/${i}/1`));
    await Promise.resolve();
    expect(waiting.length).toBe(24);
    for (const go of waiting) go();
    const statuses = (await Promise.all(answers)).map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(24);
    expect(statuses.filter((s) => s === 503)).toHaveLength(6);
  });
});
