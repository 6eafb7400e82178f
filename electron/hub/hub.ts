// The reference hub as one unit: its database, its socket.io server, its simulated city and
// the change-log retention timer. Started by `vigil-hub` (cli.ts) and by a workstation's
// embedded demo mode.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from '../services/log/logger';
import { STREAMS } from '../shared/sync/protocol';
import { HubStore, type HubClock } from './hub-store';
import { startHubServer } from './server';
import { DronePositionFeed } from './drone-positions';
import { startSimulatedDrones } from './simulated-drones';
import { startSimulator, type SimulatorOptions } from './simulator';
import type { CameraEntry } from './camera-file';
import type { OperatorAccount } from './hub-operators';

export const HUB_DATABASE_FILE = 'hub.db';
export const DEFAULT_HUB_PORT = 7420;
export const DEFAULT_RETAIN = 100_000;
const RETAIN_EVERY_MS = 60_000;

export function defaultHubDataDir(): string {
  const base = process.env.XDG_DATA_HOME || path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'vigil-hub');
}

export interface HubOptions {
  /** Folder for hub.db; created if missing. */
  dataDir: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** 0 picks a free port. */
  port: number;
  /** Workstations allowed to sync; their secrets are (re)set on every start. Others already in hub.db stay. */
  workstations?: readonly { id: string; secret: string }[];
  /** false: no simulated city. Otherwise the simulator's options (seed defaults to 1). */
  simulator?: false | Partial<SimulatorOptions>;
  /**
   * The simulated city's drones (simulated-drones.ts): `klv` a STANAG 4609 stream sent to a
   * loopback UDP port, `hub` a dock drone flown by position messages. Off by default.
   */
  drones?: { klv: boolean; hub: boolean; udpPort?: number };
  /** Cameras to register (or update) at start, e.g. from `--camera-file`. */
  cameras?: readonly CameraEntry[];
  /** Change-log entries kept per stream; older ones are dropped every minute. Default 100 000. */
  retain?: number;
  log: Logger;
  clock?: HubClock;
  /** Operator accounts created at start when missing (the demo's, from DEMO_OPERATORS); existing ones are left as they are. */
  operators?: readonly OperatorAccount[];
  /** How long an operator's sign-in token lasts; default 12 h. */
  tokenTtlMs?: number;
}

export interface Hub {
  url: string;
  port: number;
  store: HubStore;
  /** Drone positions to relay to workstations (a platform adapter's, the simulator's). */
  positions: DronePositionFeed;
  close(): Promise<void>;
}

export async function startHub(options: HubOptions): Promise<Hub> {
  const { log } = options;
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const store = new HubStore(path.join(options.dataDir, HUB_DATABASE_FILE), options.clock, {}, options.tokenTtlMs === undefined ? {} : { tokenTtlMs: options.tokenTtlMs });
  const positions = new DronePositionFeed(log);
  let server: Awaited<ReturnType<typeof startHubServer>>;
  try {
    for (const w of options.workstations ?? []) store.setWorkstationSecret(w.id, w.secret);
    for (const o of options.operators ?? []) await store.operators.ensureOperator(o);
    server = await startHubServer({ store, host: options.host, port: options.port, log, positions });
  } catch (e) {
    store.close();
    throw e;
  }

  let sim: ReturnType<typeof startSimulator> | null = null;
  let flights: { stop(): void } | null = null;
  try {
    if (options.simulator !== false) {
      const o = options.simulator ?? {};
      sim = startSimulator(store, { ...o, seed: o.seed ?? 1, clock: o.clock ?? options.clock, log: o.log ?? log });
    }
    if (options.drones && (options.drones.klv || options.drones.hub)) {
      flights = await startSimulatedDrones(store, { ...options.drones, dataDir: options.dataDir, positions, clock: options.clock ?? { now: () => Date.now() }, log });
    }
    // After the simulator: it seeds a city only into an empty hub, and these cameras join it.
    if (options.cameras?.length) {
      const now = Date.now();
      store.system((w) => {
        for (const c of options.cameras!) w.upsertVideoPoint({ ...c, updatedAt: now });
      });
    }
  } catch (e) {
    flights?.stop();
    await server.close();
    store.close();
    throw e;
  }

  const retain = options.retain ?? DEFAULT_RETAIN;
  const retention = setInterval(() => {
    try {
      for (const stream of STREAMS) store.truncate(stream, retain);
    } catch (err) {
      log.error({ err }, 'change-log retention failed');
    }
  }, RETAIN_EVERY_MS);
  retention.unref();

  log.info({ url: server.url, dataDir: options.dataDir, simulator: sim !== null, workstations: options.workstations?.map((w) => w.id) ?? [] }, 'hub started');

  let closing: Promise<void> | null = null;
  return {
    url: server.url,
    port: server.port,
    store,
    positions,
    close: () => {
      closing ??= (async () => {
        clearInterval(retention);
        sim?.stop();
        flights?.stop();
        try {
          await server.close();
        } finally {
          store.close();
          log.info('hub stopped');
        }
      })();
      return closing;
    },
  };
}
