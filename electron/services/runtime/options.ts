import os from 'node:os';
import path from 'node:path';
import type { Actor } from '../../shared/domain/identity';
import { defaultKeyringFile } from '../secrets/keyring-file';
import type { Display } from '../../shared/workspace/display';

/** Everything a host needs to start the services; filled from the command line or defaults. */
export interface RuntimeOptions {
  dataDir: string;
  /** null: run the reference hub inside this process (the demo), with a simulated city. */
  hubUrl: string | null;
  /** This workstation's secret at the hub (from VIGIL_HUB_SECRET; then kept sealed in the data folder); unused for the embedded hub. */
  hubSecret: string | null;
  /** The secret box's keyring (docs/operations.md, "Secrets"); default: the user's config folder, outside the data folder. */
  keyringFile?: string;
  workstationId: string;
  operatorName: string;
  /** The embedded hub's simulated city: incidents per hour (0 = none) and catalogue size. */
  /** The embedded demo hub's city; `cameraFile` adds real cameras (e.g. the site's own) to it. */
  demo: { incidentsPerHour: number; cameras: number; cameraFile?: string; drones?: 'none' | 'hub' | 'all' };
  /** The browser host's displays from `--displays FILE` (Electron reads its screens itself). */
  displays?: readonly Display[];
  /** Drones received (docs/drones.md): a drone file (`--drone-file`) and/or the generated demo drone (`--demo-drone`). */
  drones?: { file?: string; demo?: boolean };
  /** Backup schedule and log rotation (operations.md, "Running for months"); defaults when absent. */
  maintenance?: { backupEveryHours?: number; backupsKept?: number; /** false: no scheduled runs (tests that count rows); "back up now" still works. */ schedule?: boolean };
  log?: { maxSize?: string; maxFiles?: number };
}

export function defaultDataDir(): string {
  const base = process.env.XDG_DATA_HOME || path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'vigil');
}

export function defaultRuntimeOptions(): RuntimeOptions {
  return {
    dataDir: defaultDataDir(),
    hubUrl: null,
    hubSecret: process.env.VIGIL_HUB_SECRET || null,
    keyringFile: process.env.VIGIL_KEYRING || defaultKeyringFile(),
    demo: { incidentsPerHour: 30, cameras: 200 },
    workstationId: os.hostname() || 'workstation',
    operatorName: os.userInfo().username || 'operator',
  };
}

export function actorOf(o: Pick<RuntimeOptions, 'operatorName' | 'workstationId'>): Actor {
  return { operatorId: `local:${o.operatorName}`, operatorName: o.operatorName, workstationId: o.workstationId };
}

export const DATABASE_FILE = 'vigil.db';
