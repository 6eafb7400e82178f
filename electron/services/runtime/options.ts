import os from 'node:os';
import path from 'node:path';
import type { Actor } from '../../shared/domain/identity';

/** Everything a host needs to start the services; filled from the command line or defaults. */
export interface RuntimeOptions {
  dataDir: string;
  hubUrl: string | null;
  workstationId: string;
  operatorName: string;
}

export function defaultDataDir(): string {
  const base = process.env.XDG_DATA_HOME || path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'vigil');
}

export function defaultRuntimeOptions(): RuntimeOptions {
  return {
    dataDir: defaultDataDir(),
    hubUrl: null,
    workstationId: os.hostname() || 'workstation',
    operatorName: os.userInfo().username || 'operator',
  };
}

export function actorOf(o: RuntimeOptions): Actor {
  return { operatorId: `local:${o.operatorName}`, operatorName: o.operatorName, workstationId: o.workstationId };
}

export const DATABASE_FILE = 'vigil.db';
