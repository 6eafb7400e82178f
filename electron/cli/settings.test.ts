// `vigil settings …` and a refused settings file as a field engineer meets them: the shipped CLI
// bundle on real files, with its exit codes.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { useTempDirs } from '../../test/support/temp';
import { runVigil } from '../../test/support/run-vigil';
import { hubSecretFile } from '../services/secrets/workstation-secrets';

const tempDir = useTempDirs();

// The tester's own user settings file must not leak in either.
const vigil = (args: string[], env: NodeJS.ProcessEnv = {}, stdin = '') => runVigil(args, { env: { XDG_CONFIG_HOME: tempDir(), ...env }, stdin });

function settingsFile(content: unknown, mode = 0o644): string {
  const file = path.join(tempDir(), 'vigil.json');
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  fs.chmodSync(file, mode);
  return file;
}

describe('vigil settings check', () => {
  it('prints the effective settings, each with where it came from', async () => {
    const file = settingsFile({ hubUrl: 'https://hub.example:7400', workstationId: 'ws-dispatch-03', backups: { everyHours: 2 } });
    const r = await vigil(['settings', 'check', '--config', file]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Settings file: ${file} (command line (--config))`);
    expect(r.out).toMatch(/hubUrl +https:\/\/hub\.example:7400 +\[settings file\]/);
    expect(r.out).toMatch(/workstationId +ws-dispatch-03 +\[settings file\]/);
    expect(r.out).toMatch(/backups\.everyHours +2 +\[settings file\]/);
    expect(r.out).toMatch(/log\.maxSize +10M +\[default\]/);
  });

  it('finds the file through VIGIL_CONFIG', async () => {
    const file = settingsFile({ demo: true });
    const r = await vigil(['settings', 'check'], { VIGIL_CONFIG: file });
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Settings file: ${file} (VIGIL_CONFIG)`);
    expect(r.out).toContain('No hub: runs the embedded demo hub');
  });

  it('accepts the example it prints', async () => {
    const example = await vigil(['settings', 'example']);
    expect(example.code).toBe(0);
    const r = await vigil(['settings', 'check', '--config', settingsFile(example.out)]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });

  const refusals: [string, unknown, number, RegExp][] = [
    ['bad JSON', '{\n  "hubUrl": "https://hub:7400",,\n}', 0o644, /is not valid JSON: .*line 2 column 32/],
    ['an unknown key', { hubUrl: 'https://hub:7400', hubSecret: 'x' }, 0o644, /hubSecret/],
    ['a wrong type', { backups: { kept: 'all' } }, 0o644, /field backups\.kept: .*number/],
    ['a world-writable file', { hubUrl: 'https://hub:7400' }, 0o666, /mode 666 lets other users change it; run chmod 644/],
    ['a group-writable file', { hubUrl: 'https://hub:7400' }, 0o664, /mode 664/],
    ['credentials in hubUrl', { hubUrl: 'https://ws03:Secret-Pw-42@hub:7400' }, 0o644, /hubUrl carries a user name or password/],
    ['no hub and no demo', { workstationId: 'ws-03' }, 0o644, /names no hubUrl/],
  ];
  it.each(refusals)('refuses %s with the reason on standard error and exit code 2', async (_name, content, mode, reason) => {
    const file = settingsFile(content, mode);
    const r = await vigil(['settings', 'check', '--config', file]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(`vigil: settings file ${file}: `);
    expect(r.err).toMatch(reason);
    expect(r.err).not.toContain('Secret-Pw-42');
  });
});

describe('a refused settings file stops every command before it touches the data folder', () => {
  it('vigil start exits 2 and makes no data folder', async () => {
    const data = path.join(tempDir(), 'data');
    const file = settingsFile({ hubUrl: 'https://hub:7400', dataDir: data }, 0o666);
    const r = await vigil(['start', '--host', 'browser', '--no-open', '--config', file]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/mode 666/);
    expect(fs.existsSync(data)).toBe(false);
  });

  it('vigil secret set-hub exits 2 and stores nothing', async () => {
    const data = tempDir();
    const file = settingsFile('{"dataDir": ' + JSON.stringify(data) + ', "demo": "no"}');
    const r = await vigil(['secret', 'set-hub', '--config', file], {}, 'hub-secret');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/field demo/);
    expect(fs.readdirSync(data)).toEqual([]);
  });
});

describe('vigil secret follows the settings file', () => {
  it('stores the hub secret in the data folder and keyring the file names', async () => {
    const data = path.join(tempDir(), 'data');
    const keyring = path.join(tempDir(), 'keys', 'keyring.json');
    const file = settingsFile({ hubUrl: 'https://hub:7400', dataDir: data, keyringFile: keyring });
    const r = await vigil(['secret', 'set-hub', '--config', file], {}, 'Hub-Secret-1');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(fs.existsSync(hubSecretFile(data))).toBe(true);
    expect(fs.existsSync(keyring)).toBe(true);
  });
});

describe('vigil start follows the settings file, under its flags', () => {
  /** Starts the browser host, waits until it says where it runs, stops it; its output. */
  async function startAndStop(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
    const { VIGIL_CONFIG: _ignored, ...inherited } = process.env;
    const child = spawn(process.execPath, [path.join(inject('distDir'), 'cli.cjs'), 'start', '--host', 'browser', '--port', '0', '--no-open', '--demo-cameras', '5', '--demo-incidents-per-hour', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...inherited, ...env } });
    let out = '';
    child.stderr.on('data', (d) => (out += String(d)));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (d) => {
        out += String(d);
        if (out.includes('Open: ')) resolve();
      });
      void exited.then(() => resolve());
    });
    child.kill('SIGTERM');
    await exited;
    return out;
  }

  it('uses the file\'s data folder and keyring, and --data over the file', async () => {
    const fromFile = path.join(tempDir(), 'data-from-file');
    const keyring = path.join(tempDir(), 'keyring.json');
    const file = settingsFile({ demo: true, dataDir: fromFile, keyringFile: keyring });
    const env = { XDG_CONFIG_HOME: tempDir(), VIGIL_KEYRING: path.join(tempDir(), 'not-this.json') };

    const fromFlag = path.join(tempDir(), 'data-from-flag');
    expect(await startAndStop(['--config', file, '--data', fromFlag], env)).toContain(`(data: ${fromFlag})`);
    expect(fs.existsSync(path.join(fromFlag, 'vigil.db'))).toBe(true);
    expect(fs.existsSync(fromFile)).toBe(false);

    expect(await startAndStop(['--config', file], env)).toContain(`(data: ${fromFile})`);
    expect(fs.existsSync(path.join(fromFile, 'vigil.db'))).toBe(true);
    expect(fs.existsSync(keyring)).toBe(true);
    expect(fs.existsSync(env.VIGIL_KEYRING)).toBe(false);
  });
});
