// The settings file as an administrator writes it: real files in temp folders, each refusal with
// its reason.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../test/support/temp';
import { findSettings, readSettingsFile, SettingsFileError, type SettingsProblem } from './settings-file';

const tempDir = useTempDirs();

function settingsFile(content: unknown, mode = 0o644): string {
  const file = path.join(tempDir(), 'vigil.json');
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  fs.chmodSync(file, mode);
  return file;
}

function refusal(file: string): SettingsFileError {
  try {
    readSettingsFile(file);
  } catch (err) {
    if (err instanceof SettingsFileError) return err;
    throw err;
  }
  throw new Error(`${file} was accepted`);
}

function expectRefused(file: string, problem: SettingsProblem, reason: RegExp): void {
  const err = refusal(file);
  expect(err.problem).toBe(problem);
  expect(err.message).toContain(file);
  expect(err.message).toMatch(reason);
}

describe('readSettingsFile', () => {
  it('reads every field of a valid file', () => {
    const all = {
      hubUrl: 'https://hub.example:7400',
      workstationId: 'ws-03',
      dataDir: '/var/lib/vigil',
      keyringFile: '/etc/vigil/keyring.json',
      browserHost: { bind: '0.0.0.0', port: 7411 },
      log: { maxSize: '20M', maxFiles: 5 },
      backups: { everyHours: 2, kept: 30 },
    };
    expect(readSettingsFile(settingsFile(all))).toEqual(all);
    expect(readSettingsFile(settingsFile({}))).toEqual({});
  });

  it('refuses a file that is not JSON, with the line and column', () => {
    expectRefused(settingsFile('{\n  "hubUrl": "https://hub:7400",\n  workstationId: "x"\n}'), 'not-json', /line 3 column 3/);
    expectRefused(settingsFile(''), 'not-json', /not valid JSON/);
  });

  it('refuses an unknown key, naming it, also inside a group', () => {
    expectRefused(settingsFile({ hubURL: 'https://hub:7400' }), 'invalid', /hubURL/);
    expectRefused(settingsFile({ log: { maxSize: '10M', keep: 3 } }), 'invalid', /field log: .*keep/);
  });

  it('refuses a value of the wrong type or out of range, naming the field and why', () => {
    expectRefused(settingsFile({ browserHost: { port: '7410' } }), 'invalid', /field browserHost\.port: .*number/);
    expectRefused(settingsFile({ browserHost: { port: 70000 } }), 'invalid', /field browserHost\.port/);
    expectRefused(settingsFile({ demo: 'yes' }), 'invalid', /field demo: .*boolean/);
    expectRefused(settingsFile({ log: { maxSize: '10 MB' } }), 'invalid', /field log\.maxSize: must be a size like 10M/);
    expectRefused(settingsFile({ dataDir: 'data' }), 'invalid', /field dataDir: must be an absolute path/);
    expectRefused(settingsFile({ hubUrl: 'ftp://hub' }), 'invalid', /field hubUrl: must be an http:\/\/ or https:\/\/ address/);
    expectRefused(settingsFile([]), 'invalid', /object/);
  });

  it('refuses a hub address with credentials in it, without repeating them', () => {
    const err = refusal(settingsFile({ hubUrl: 'https://ws03:Pa55-w0rd@hub.example:7400' }));
    expect(err.problem).toBe('credentials-in-url');
    expect(err.message).toMatch(/vigil secret set-hub/);
    expect(err.message).not.toContain('Pa55-w0rd');
    expect(refusal(settingsFile({ hubUrl: 'http://ws03@hub.example' })).problem).toBe('credentials-in-url');
  });

  it('refuses a hub and the demo together', () => {
    expectRefused(settingsFile({ hubUrl: 'https://hub:7400', demo: true }), 'invalid', /hubUrl and "demo": true/);
  });

  it.skipIf(process.platform === 'win32')('refuses a file other users may change, with the fix', () => {
    expectRefused(settingsFile({}, 0o664), 'writable-by-others', /mode 664 .*chmod 644/);
    expectRefused(settingsFile({}, 0o646), 'writable-by-others', /mode 646/);
    const file = settingsFile({});
    fs.chmodSync(path.dirname(file), 0o777);
    expectRefused(file, 'writable-by-others', /its folder .* lets other users replace it/);
    // A sticky folder (like /tmp) lets nobody replace another's file.
    fs.chmodSync(path.dirname(file), 0o1777);
    expect(readSettingsFile(file)).toEqual({});
  });

  it.skipIf(process.getuid?.() !== 0)('refuses a file owned by another user than root or the one running Vigil', () => {
    const file = settingsFile({});
    fs.chownSync(file, 4321, 4321);
    expectRefused(file, 'not-owner', /belongs to user 4321/);
  });

  it('refuses a named file that does not exist', () => {
    expectRefused(path.join(tempDir(), 'vigil.json'), 'missing', /does not exist/);
  });
});

describe('findSettings', () => {
  function places() {
    const site = path.join(tempDir(), 'vigil.json');
    const config = tempDir();
    const user = path.join(config, 'vigil', 'vigil.json');
    return { site, user, lookup: { env: { XDG_CONFIG_HOME: config }, siteFile: site } };
  }
  function write(file: string, settings: object): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(settings));
  }

  it('takes --config, else VIGIL_CONFIG, else the site-wide file, else the user file, else none', () => {
    const p = places();
    expect(findSettings(p.lookup)).toBeNull();
    write(p.user, { workstationId: 'from-user' });
    expect(findSettings(p.lookup)).toMatchObject({ place: 'user', file: p.user, settings: { workstationId: 'from-user' } });
    write(p.site, { workstationId: 'from-site' });
    expect(findSettings(p.lookup)).toMatchObject({ place: 'site-wide', settings: { workstationId: 'from-site' } });
    const env = path.join(tempDir(), 'env.json');
    write(env, { workstationId: 'from-env' });
    const withEnv = { ...p.lookup, env: { ...p.lookup.env, VIGIL_CONFIG: env } };
    expect(findSettings(withEnv)).toMatchObject({ place: 'VIGIL_CONFIG', settings: { workstationId: 'from-env' } });
    const flag = path.join(tempDir(), 'flag.json');
    write(flag, { workstationId: 'from-flag' });
    expect(findSettings({ ...withEnv, flag })).toMatchObject({ place: 'command line (--config)', settings: { workstationId: 'from-flag' } });
  });

  it('refuses a named file that is missing instead of falling back to the others', () => {
    const p = places();
    write(p.site, { workstationId: 'from-site' });
    expect(() => findSettings({ ...p.lookup, flag: path.join(tempDir(), 'typo.json') })).toThrow(/typo\.json: does not exist/);
    expect(() => findSettings({ ...p.lookup, env: { ...p.lookup.env, VIGIL_CONFIG: path.join(tempDir(), 'gone.json') } })).toThrow(/gone\.json: does not exist/);
  });

  it('refuses a bad site-wide file rather than skipping to the user file', () => {
    const p = places();
    write(p.user, {});
    write(p.site, { hubUrl: 'nope' });
    expect(() => findSettings(p.lookup)).toThrow(SettingsFileError);
  });
});
