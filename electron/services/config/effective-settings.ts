// What a workstation runs with: command-line flags over the settings file over the defaults,
// each value with where it came from (`vigil settings check` prints them).
import os from 'node:os';
import { defaultDataDir, type RuntimeOptions } from '../runtime/options';
import { defaultKeyringFile } from '../secrets/keyring-file';
import { DEFAULT_LOG_ROTATION } from '../log/logger';
import { DEFAULT_MAINTENANCE } from '../store/maintenance';
import { SettingsFileError, type FoundSettings, type WorkstationSettings } from './settings-file';

export interface SettingValues {
  hubUrl: string | null;
  demo: boolean;
  workstationId: string;
  dataDir: string;
  keyringFile: string;
  bind: string;
  port: number;
  logMaxSize: string;
  logMaxFiles: number;
  backupEveryHours: number;
  backupsKept: number;
}

export type Origin = 'command line' | 'settings file' | 'environment' | 'default';

export interface Defaults {
  values: SettingValues;
  origins: Partial<Record<keyof SettingValues, Origin>>;
}

export interface EffectiveSettings {
  values: SettingValues;
  origins: Record<keyof SettingValues, Origin>;
  file: FoundSettings | null;
}

/** Each value under its name in the settings file, so an engineer can find it there. */
export const FILE_FIELD: Record<keyof SettingValues, string> = {
  hubUrl: 'hubUrl',
  demo: 'demo',
  workstationId: 'workstationId',
  dataDir: 'dataDir',
  keyringFile: 'keyringFile',
  bind: 'browserHost.bind',
  port: 'browserHost.port',
  logMaxSize: 'log.maxSize',
  logMaxFiles: 'log.maxFiles',
  backupEveryHours: 'backups.everyHours',
  backupsKept: 'backups.kept',
};

export function settingsDefaults(env: NodeJS.ProcessEnv = process.env): Defaults {
  return {
    values: {
      hubUrl: null,
      demo: true,
      workstationId: os.hostname() || 'workstation',
      dataDir: defaultDataDir(),
      keyringFile: env.VIGIL_KEYRING || defaultKeyringFile(),
      bind: '127.0.0.1',
      port: 7410,
      logMaxSize: DEFAULT_LOG_ROTATION.maxSize,
      logMaxFiles: DEFAULT_LOG_ROTATION.maxFiles,
      backupEveryHours: DEFAULT_MAINTENANCE.intervalMs / 3_600_000,
      backupsKept: DEFAULT_MAINTENANCE.keep,
    },
    origins: env.VIGIL_KEYRING ? { keyringFile: 'environment' } : {},
  };
}

function fromFile(s: WorkstationSettings): Partial<SettingValues> {
  const v: Partial<SettingValues> = {
    hubUrl: s.hubUrl,
    demo: s.demo,
    workstationId: s.workstationId,
    dataDir: s.dataDir,
    keyringFile: s.keyringFile,
    bind: s.browserHost?.bind,
    port: s.browserHost?.port,
    logMaxSize: s.log?.maxSize,
    logMaxFiles: s.log?.maxFiles,
    backupEveryHours: s.backups?.everyHours,
    backupsKept: s.backups?.kept,
  };
  return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined));
}

/**
 * Flags over the file over the defaults. A site's file means a real command centre: without a
 * hubUrl it must say `"demo": true` to get the simulated city, so a workstation whose file lost
 * its hub does not quietly show made-up incidents to operators. Without any file (a developer's
 * checkout) the demo is the default.
 */
export function mergeSettings(defaults: Defaults, file: FoundSettings | null, flags: Partial<SettingValues>): EffectiveSettings {
  const fileValues = file ? fromFile(file.settings) : {};
  const given = Object.fromEntries(Object.entries(flags).filter(([, x]) => x !== undefined)) as Partial<SettingValues>;
  const values = { ...defaults.values, ...(file ? { demo: false } : {}), ...fileValues, ...given };
  const origins = Object.fromEntries(
    (Object.keys(defaults.values) as (keyof SettingValues)[]).map((k) => [k, k in given ? 'command line' : k in fileValues ? 'settings file' : (defaults.origins[k] ?? 'default')]),
  ) as Record<keyof SettingValues, Origin>;
  if (file && values.hubUrl === null && !values.demo) {
    throw new SettingsFileError('no-hub', file.file, 'names no hubUrl: set "hubUrl" to the site\'s hub, or "demo": true to run the embedded demo hub with a simulated city');
  }
  return { values, origins, file };
}

/** The runtime's options with the effective settings applied (the Electron host's way in). */
export function withSettings(base: RuntimeOptions, e: EffectiveSettings): RuntimeOptions {
  const v = e.values;
  return {
    ...base,
    hubUrl: v.hubUrl,
    workstationId: v.workstationId,
    dataDir: v.dataDir,
    keyringFile: v.keyringFile,
    maintenance: { ...base.maintenance, backupEveryHours: v.backupEveryHours, backupsKept: v.backupsKept },
    log: { maxSize: v.logMaxSize, maxFiles: v.logMaxFiles },
  };
}

/** The report `vigil settings check` prints: the file used, then each value and its origin. */
export function describeSettings(e: EffectiveSettings, looked: readonly string[]): string {
  const head = e.file ? `Settings file: ${e.file.file} (${e.file.place})` : `No settings file (looked for ${looked.join(', ')}): defaults`;
  const width = Math.max(...Object.values(FILE_FIELD).map((f) => f.length));
  const rows = (Object.keys(FILE_FIELD) as (keyof SettingValues)[]).map((k) => {
    const value = e.values[k];
    return `  ${FILE_FIELD[k].padEnd(width)}  ${value === null ? '(none)' : String(value)}  [${e.origins[k]}]`;
  });
  const hub = e.values.hubUrl ? 'Syncs with the hub above; its secret is set with `vigil secret set-hub`.' : 'No hub: runs the embedded demo hub with a simulated city.';
  return `${head}\n${rows.join('\n')}\n${hub}\n`;
}

/** A valid file to start from (JSON holds no comments: the fields are described in docs/install.md). */
export const EXAMPLE_SETTINGS: WorkstationSettings = {
  hubUrl: 'https://hub.example.gov.cn:7400',
  workstationId: 'ws-dispatch-03',
  browserHost: { bind: '127.0.0.1', port: 7410 },
  log: { maxSize: '10M', maxFiles: 10 },
  backups: { everyHours: 6, kept: 14 },
};

/** `--config FILE` or `--config=FILE` among a process's arguments (the Electron host's). */
export function configFlagOf(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--config=')) return a.slice('--config='.length);
    if (a === '--config') return argv[i + 1];
  }
  return undefined;
}
