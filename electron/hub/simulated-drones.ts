// The simulated city's drones (docs/drones.md), on when the simulator is asked for them:
// - 鹰眼1号 (drone-sim-klv): a STANAG 4609 stream — the demo drone's file (H.264 + ST 0601 KLV,
//   circling over 德城区) sent over UDP to the loopback port its hub record names, in a loop;
// - 机场1号 (drone-sim-dock): a dock drone without KLV, flown by hub position messages once a
//   second (a circle further east), its record saying telemetry 'hub' and no stream.
// Both records are written through SystemWriter, so workstations get them by sync like any other.
import dgram from 'node:dgram';
import path from 'node:path';
import type { Logger } from '../services/log/logger';
import { demoDrone } from '../services/drones/demo-drone';
import { circlingTelemetry, type CirclingFlight } from '../shared/video/klv/circling-flight';
import type { DroneWire } from '../shared/sync/protocol';
import type { DronePositionFeed } from './drone-positions';
import type { HubStore } from './hub-store';
import { sendTsOverUdp, type TsUdpSender } from './ts-udp-sender';

export const SIM_KLV_DRONE = 'drone-sim-klv';
export const SIM_DOCK_DRONE = 'drone-sim-dock';
/** The loopback port the KLV drone's stream is sent to, unless told otherwise. */
export const SIM_DRONE_UDP_PORT = 5610;
const POSITION_EVERY_MS = 1000;

export interface SimulatedDronesOptions {
  /** Fly the KLV drone (needs ffmpeg once, to make its file) and/or the dock drone. */
  klv: boolean;
  hub: boolean;
  /** Where the KLV drone's file is made and kept. */
  dataDir: string;
  udpPort?: number;
  positions: DronePositionFeed;
  clock: { now(): number };
  log?: Logger;
}

const DOCK_FLIGHT: CirclingFlight = {
  centre: { lat: 37.447, lon: 116.335 },
  radiusM: 350,
  lapS: 90,
  startUs: 0,
  altitudeM: 120,
  pitchDeg: 0,
  rollDeg: 0,
  hfovDeg: 60,
  vfovDeg: 34,
  slantRangeM: 200,
  frameCentreAt: 0.5,
  missionId: 'SIM-DOCK',
  tailNumber: 'DOCK-1',
};

/** A free UDP port on the loopback, or the preferred one when it is free. */
async function loopbackPort(preferred: number): Promise<number> {
  const tryBind = (port: number) =>
    new Promise<number | null>((resolve) => {
      const s = dgram.createSocket('udp4');
      s.once('error', () => (s.close(), resolve(null)));
      s.bind(port, '127.0.0.1', () => {
        const got = s.address().port;
        s.close(() => resolve(got));
      });
    });
  return (await tryBind(preferred)) ?? (await tryBind(0)) ?? preferred;
}

export async function startSimulatedDrones(store: HubStore, o: SimulatedDronesOptions): Promise<{ stop(): void }> {
  const records: Omit<DroneWire, 'rowVersion'>[] = [];
  const now = o.clock.now();
  let sender: TsUdpSender | null = null;
  if (o.klv) {
    try {
      const file = demoDrone(path.join(o.dataDir, 'drones')).source;
      const port = await loopbackPort(o.udpPort ?? SIM_DRONE_UDP_PORT);
      sender = sendTsOverUdp(file, { host: '127.0.0.1', port }, (err) => o.log?.warn({ err: err.message }, 'simulated drone stream could not be sent'));
      records.push({ id: SIM_KLV_DRONE, callsign: '鹰眼1号', model: '模拟 STANAG 4609', streamUrl: `udp://127.0.0.1:${port}`, codec: 'h264', telemetry: 'klv', credentials: null, updatedAt: now });
    } catch (err) {
      o.log?.error({ err: err instanceof Error ? err.message : String(err) }, 'simulated KLV drone not flown: its stream could not be made (is ffmpeg installed?)');
    }
  }
  if (o.hub) records.push({ id: SIM_DOCK_DRONE, callsign: '机场1号', model: '模拟 机场无人机', streamUrl: null, codec: 'unknown', telemetry: 'hub', credentials: null, updatedAt: now });
  // Written only when missing or different, so a restarted hub does not bump them for nothing.
  const existing = new Map((store.db.prepare('SELECT id, callsign, stream_url, telemetry FROM drones').all() as { id: string; callsign: string; stream_url: string | null; telemetry: string }[]).map((r) => [r.id, r]));
  const changed = records.filter((r) => {
    const e = existing.get(r.id);
    // An operator's edit of the callsign or telemetry source stands; only the stream address follows the simulator.
    return !e || e.stream_url !== r.streamUrl;
  });
  if (changed.length) {
    store.system((w) => {
      for (const r of changed) {
        const e = existing.get(r.id);
        w.upsertDrone(e ? { ...r, callsign: e.callsign, telemetry: e.telemetry as DroneWire['telemetry'] } : r);
      }
    });
  }

  const started = o.clock.now();
  const timer = o.hub
    ? setInterval(() => {
        const at = o.clock.now();
        const t = circlingTelemetry(DOCK_FLIGHT, (at - started) / 1000);
        o.positions.publish({ droneId: SIM_DOCK_DRONE, at, lat: t.sensorLatitudeDeg, lon: t.sensorLongitudeDeg, altitudeM: t.sensorTrueAltitudeM, headingDeg: t.platformHeadingDeg! % 360, speedMps: (2 * Math.PI * DOCK_FLIGHT.radiusM) / DOCK_FLIGHT.lapS });
      }, POSITION_EVERY_MS)
    : null;
  timer?.unref();
  o.log?.info({ drones: records.map((r) => r.id) }, 'simulated drones flying');
  return {
    stop: () => {
      if (timer) clearInterval(timer);
      sender?.stop();
    },
  };
}
