// A page for a browser benchmark, served on 127.0.0.1 at an ephemeral port: a few fixed files,
// no caching, everything else 404. Shared by the map and video benchmarks.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type PageFiles = Record<string, { type: string; body: () => string }>;

export async function servePageFiles(files: PageFiles): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const file = files[new URL(req.url ?? '/', 'http://x').pathname];
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': `${file.type}; charset=utf-8`, 'cache-control': 'no-store' }).end(file.body());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
