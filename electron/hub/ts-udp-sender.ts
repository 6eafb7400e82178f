// Sends an MPEG-TS file over UDP in a loop at the pace of its timestamps, as a drone's encoder
// would: the simulator's KLV drone. The file is cut once into groups that each start at a PES
// with a PTS; a timer sends every group whose time has come, in datagrams of seven packets
// (1316 bytes, what encoders send). Cheap: one timer, no parsing while sending.
import dgram from 'node:dgram';
import fs from 'node:fs';
import { parseTsPacket, TS_PACKET_SIZE } from '../shared/video/mpegts/ts-packet';
import { PES_CLOCK_HZ, readTimestamp } from '../shared/video/mpegts/pes';

const PACKETS_PER_DATAGRAM = 7;
const TICK_MS = 20;

type Group = { atMs: number; bytes: Buffer };

/** The file as groups of whole packets, each with its time from the first PTS (ms). */
export function pacedGroups(file: Buffer): { groups: Group[]; lapMs: number } {
  const starts: { index: number; pts: number }[] = [];
  const count = Math.floor(file.length / TS_PACKET_SIZE);
  for (let i = 0; i < count; i++) {
    const p = parseTsPacket(file, i * TS_PACKET_SIZE);
    const b = p?.payload;
    // A PES start with a PTS: 00 00 01, stream id, length, flags, PTS_DTS_flags ≥ '10'.
    if (!p?.payloadStart || !b || b.length < 14 || b[0] !== 0 || b[1] !== 0 || b[2] !== 1 || (b[7]! & 0x80) === 0) continue;
    const pts = readTimestamp(b, 9);
    if (pts !== null) starts.push({ index: i, pts });
  }
  if (starts.length === 0) return { groups: [{ atMs: 0, bytes: file.subarray(0, count * TS_PACKET_SIZE) }], lapMs: 1000 };
  const first = starts[0]!.pts;
  const groups: Group[] = [];
  let from = 0;
  let at = 0;
  for (const s of starts) {
    if (s.index > from) groups.push({ atMs: at, bytes: file.subarray(from * TS_PACKET_SIZE, s.index * TS_PACKET_SIZE) });
    from = s.index;
    // PTS are not in decode order across streams and may step back a little (B-frames): never go back in time.
    at = Math.max(at, ((s.pts - first) * 1000) / PES_CLOCK_HZ);
  }
  groups.push({ atMs: at, bytes: file.subarray(from * TS_PACKET_SIZE, count * TS_PACKET_SIZE) });
  return { groups, lapMs: at + 40 };
}

export interface TsUdpSender {
  stop(): void;
}

export function sendTsOverUdp(file: string, target: { host: string; port: number }, onError?: (err: Error) => void): TsUdpSender {
  const { groups, lapMs } = pacedGroups(fs.readFileSync(file));
  const socket = dgram.createSocket('udp4');
  socket.on('error', (err) => onError?.(err));
  socket.unref();
  const started = Date.now();
  let lap = 0;
  let next = 0;
  const timer = setInterval(() => {
    const elapsed = Date.now() - started;
    // Behind by more than a lap (the process was stopped): skip ahead rather than flood.
    if (elapsed - (lap * lapMs + (groups[next]?.atMs ?? 0)) > lapMs) {
      lap = Math.floor(elapsed / lapMs);
      next = 0;
    }
    while (lap * lapMs + groups[next]!.atMs <= elapsed) {
      const bytes = groups[next]!.bytes;
      for (let o = 0; o < bytes.length; o += PACKETS_PER_DATAGRAM * TS_PACKET_SIZE) {
        // No receiver yet is normal (a workstation starts later): UDP just drops it.
        socket.send(bytes.subarray(o, o + PACKETS_PER_DATAGRAM * TS_PACKET_SIZE), target.port, target.host);
      }
      next++;
      if (next === groups.length) {
        next = 0;
        lap++;
      }
    }
  }, TICK_MS);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      try {
        socket.close();
      } catch {
        // already closed after an error
      }
    },
  };
}
