// A stand-in for an online tile server (Tianditu, an OSM-style server, AMap): plain HTTP on
// 127.0.0.1 only, answering /<z>/<x>/<y>.png with a real 256×256 PNG and remembering which
// tiles were asked for. Bounded: it answers at most `maxRequests` and then 503.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';

export interface TileServer {
  /** e.g. http://127.0.0.1:40123 */
  origin: string;
  /** The tiles asked for, as [z, x, y], in order. */
  requests: [number, number, number][];
  close(): Promise<void>;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A one-colour PNG that Chromium decodes (so Leaflet marks the tile loaded). */
export function solidPng(size: number, rgb: [number, number, number]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 2; // truecolour
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: size }, () => rgb).flat())]);
  const pixels = zlib.deflateSync(Buffer.concat(Array.from({ length: size }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

export async function startTileServer(maxRequests = 2000): Promise<TileServer> {
  const png = solidPng(256, [40, 70, 60]);
  const requests: [number, number, number][] = [];
  const server = http.createServer((req, res) => {
    const m = /^\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(req.url ?? '');
    if (!m) return void res.writeHead(404).end();
    if (requests.length >= maxRequests) return void res.writeHead(503).end();
    requests.push([Number(m[1]), Number(m[2]), Number(m[3])]);
    res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': png.length }).end(png);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
