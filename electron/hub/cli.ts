// `vigil-hub` — the reference command-centre hub: socket.io sync server, SQLite, simulated city.
import { Command, InvalidArgumentError, Option } from 'commander';
import path from 'node:path';
import { createLogger } from '../services/log/logger';
import { VERSION } from '../services/runtime/version';
import { DEFAULT_HUB_PORT, DEFAULT_RETAIN, defaultHubDataDir, startHub } from './hub';
import { SIMULATOR_DEFAULTS } from './simulator';
import { readCameraFile, type CameraEntry } from './camera-file';
import { DEMO_OPERATORS, readOperatorFile, type OperatorAccount } from './hub-operators';

function integer(min: number, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`an integer from ${min} to ${max}`);
    return n;
  };
}

function rate(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 36_000) throw new InvalidArgumentError('a number from 0 to 36000');
  return n;
}

function workstation(value: string, previous: { id: string; secret: string }[]): { id: string; secret: string }[] {
  const colon = value.indexOf(':');
  const id = colon < 0 ? '' : value.slice(0, colon);
  const secret = colon < 0 ? '' : value.slice(colon + 1);
  if (!id || id.length > 64 || !secret || secret.length > 200) throw new InvalidArgumentError('ID:SECRET, an id of 1–64 characters and a secret of 1–200');
  return [...previous.filter((w) => w.id !== id), { id, secret }];
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

interface Options {
  port: number;
  bind: string;
  data: string;
  workstation: { id: string; secret: string }[];
  sim: boolean;
  simSeed: number;
  incidentsPerHour: number;
  cameras: number;
  units: number;
  retain: number;
  cameraFile?: string;
  simDrones: 'none' | 'hub' | 'all';
  operatorFile?: string;
  demoOperators?: boolean;
}

const program = new Command('vigil-hub')
  .description('Vigil reference command-centre hub: the sync server workstations connect to, with a simulated city (德州)')
  .version(VERSION)
  .showHelpAfterError()
  .option('--port <port>', 'port to listen on (0 picks a free one)', integer(0, 65535), DEFAULT_HUB_PORT)
  .option('--bind <address>', 'address to listen on (loopback unless you mean otherwise)', '127.0.0.1')
  .option('--data <dir>', 'data folder: hub.db and logs', defaultHubDataDir())
  .option('--workstation <id:secret>', 'a workstation allowed to sync, repeatable (secrets are kept hashed in hub.db)', workstation, [])
  .option('--no-sim', 'no simulated city: only what workstations send')
  .option('--sim-seed <n>', 'seed of the simulated city', integer(0, 2 ** 32 - 1), 1)
  .option('--incidents-per-hour <n>', 'mean rate of simulated incidents (0 = none)', rate, SIMULATOR_DEFAULTS.incidentsPerHour)
  .option('--cameras <n>', 'cameras in a new simulated city', integer(0, 100_000), SIMULATOR_DEFAULTS.cameras)
  .option('--units <n>', 'units in a new simulated city', integer(0, 10_000), SIMULATOR_DEFAULTS.units)
  .option('--retain <n>', 'change-log entries kept per stream; a workstation further behind takes a fresh snapshot', integer(1), DEFAULT_RETAIN)
  .option('--camera-file <file>', 'JSON array of cameras to register at start (id, name, location, mainUrl, subUrl, codec, …)')
  .addOption(
    new Option('--sim-drones <which>', 'simulated drones synced as records — hub: a dock drone flown by position messages; all: also a STANAG 4609 stream sent to 127.0.0.1 (a workstation on this machine; needs ffmpeg)')
      .choices(['none', 'hub', 'all'])
      .default('none'),
  )
  .option('--operator-file <file>', 'JSON array of operator accounts set at start (username, name, role, password); keep it private')
  .option('--demo-operators', 'create the demo accounts (one per role, docs/operations.md) when missing')
  .action(async (o: Options) => {
    const dataDir = path.resolve(o.data);
    let cameras: CameraEntry[] = [];
    let accounts: OperatorAccount[] = [];
    try {
      cameras = o.cameraFile ? readCameraFile(o.cameraFile) : [];
      accounts = o.operatorFile ? readOperatorFile(o.operatorFile) : [];
    } catch (err) {
      console.error(`vigil-hub: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(2);
    }
    const log = createLogger({ dir: path.join(dataDir, 'logs'), stderr: true });
    if (!isLoopback(o.bind)) {
      console.warn(
        `vigil-hub: listening on ${o.bind}, reachable from other machines. The connection is plain HTTP: ` +
          'use it only on a trusted network, or put a TLS proxy in front.',
      );
    }
    const hub = await startHub({
      dataDir,
      host: o.bind,
      port: o.port,
      workstations: o.workstation,
      simulator: o.sim ? { seed: o.simSeed, incidentsPerHour: o.incidentsPerHour, cameras: o.cameras, units: o.units } : false,
      retain: o.retain,
      drones: { klv: o.sim && o.simDrones === 'all', hub: o.sim && o.simDrones !== 'none' },
      cameras,
      operators: o.demoOperators ? DEMO_OPERATORS : [],
      log,
    });
    for (const a of accounts) await hub.store.operators.setOperator(a);
    console.log(`Vigil hub on ${hub.url} (data: ${dataDir})`);
    const stop = (signal: string) => {
      log.info({ signal }, 'stopping');
      hub.close().then(
        () => {
          // Let the log file take its last lines, then leave; something still holding the
          // event loop open after that must not keep a stopped hub alive.
          process.exitCode = 0;
          setTimeout(() => process.exit(0), 3000).unref();
        },
        (err: unknown) => {
          console.error(`vigil-hub: ${(err as Error).message}`);
          process.exit(1);
        },
      );
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });

program.parseAsync(process.argv).catch((err: unknown) => {
  console.error(`vigil-hub: ${(err as Error).message}`);
  process.exit(1);
});
