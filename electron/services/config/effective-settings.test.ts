// Flags over the settings file over the defaults, each value with its origin; and the Electron
// host's way in (hostOptionsFromSettings), with real files.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../test/support/temp';
import { configFlagOf, describeSettings, EXAMPLE_SETTINGS, mergeSettings, settingsDefaults } from './effective-settings';
import { hostOptionsFromSettings } from './host-settings';
import { readSettingsFile, WorkstationSettings, type FoundSettings } from './settings-file';
import { defaultRuntimeOptions } from '../runtime/options';

const tempDir = useTempDirs();

const found = (settings: WorkstationSettings): FoundSettings => ({ file: '/etc/vigil/vigil.json', place: 'site-wide', settings });

describe('mergeSettings', () => {
  it('takes a flag over the file over the default, and says where each came from', () => {
    const defaults = settingsDefaults({});
    const e = mergeSettings(defaults, found({ hubUrl: 'https://hub:7400', workstationId: 'ws-file', browserHost: { port: 7500 }, log: { maxFiles: 3 } }), { workstationId: 'ws-flag' });
    expect(e.values).toMatchObject({ hubUrl: 'https://hub:7400', workstationId: 'ws-flag', port: 7500, logMaxFiles: 3, bind: '127.0.0.1', logMaxSize: '10M' });
    expect(e.origins).toMatchObject({ hubUrl: 'settings file', workstationId: 'command line', port: 'settings file', logMaxFiles: 'settings file', bind: 'default', dataDir: 'default' });
  });

  it('counts VIGIL_KEYRING as the environment, below the file', () => {
    const defaults = settingsDefaults({ VIGIL_KEYRING: '/k/env.json' });
    expect(mergeSettings(defaults, null, {})).toMatchObject({ values: { keyringFile: '/k/env.json' }, origins: { keyringFile: 'environment' } });
    expect(mergeSettings(defaults, found({ keyringFile: '/k/file.json', demo: true }), {}).values.keyringFile).toBe('/k/file.json');
  });

  it('runs the demo without any file, but a site file must name its hub or ask for the demo', () => {
    expect(mergeSettings(settingsDefaults({}), null, {}).values).toMatchObject({ hubUrl: null, demo: true });
    expect(() => mergeSettings(settingsDefaults({}), found({ workstationId: 'ws' }), {})).toThrow(/names no hubUrl: set "hubUrl" .* or "demo": true/);
    expect(mergeSettings(settingsDefaults({}), found({ demo: true }), {}).values).toMatchObject({ hubUrl: null, demo: true });
    // A hub given on the command line is enough.
    expect(mergeSettings(settingsDefaults({}), found({ workstationId: 'ws' }), { hubUrl: 'http://hub:7420/' }).values.hubUrl).toBe('http://hub:7420/');
  });

  it('describes the result, one line per field under its name in the file', () => {
    const text = describeSettings(mergeSettings(settingsDefaults({}), found({ hubUrl: 'https://hub:7400', backups: { kept: 3 } }), {}), []);
    expect(text).toMatch(/^Settings file: \/etc\/vigil\/vigil\.json \(site-wide\)/);
    expect(text).toMatch(/hubUrl +https:\/\/hub:7400 +\[settings file\]/);
    expect(text).toMatch(/backups\.kept +3 +\[settings file\]/);
    expect(text).toMatch(/browserHost\.port +7410 +\[default\]/);
  });

  it('says where it looked when there is no file', () => {
    const text = describeSettings(mergeSettings(settingsDefaults({}), null, {}), ['/etc/vigil/vigil.json', '/home/op/.config/vigil/vigil.json']);
    expect(text).toMatch(/^No settings file \(looked for \/etc\/vigil\/vigil\.json, \/home\/op\/\.config\/vigil\/vigil\.json\): defaults/);
    expect(text).toContain('No hub: runs the embedded demo hub');
  });

  it('has an example that is itself a valid file', () => {
    const file = path.join(tempDir(), 'vigil.json');
    fs.writeFileSync(file, JSON.stringify(EXAMPLE_SETTINGS));
    expect(readSettingsFile(file)).toEqual(EXAMPLE_SETTINGS);
  });
});

describe('hostOptionsFromSettings (the Electron host started from the desktop)', () => {
  const base = () => ({ ...defaultRuntimeOptions(), dataDir: '/home/op/.config/Vigil', keyringFile: '/home/op/.config/Vigil/keyring.json', workstationId: 'host-name' });

  it('applies the file found through VIGIL_CONFIG, keeping the host\'s own defaults for the rest', () => {
    const file = path.join(tempDir(), 'vigil.json');
    fs.writeFileSync(file, JSON.stringify({ hubUrl: 'https://hub.example:7400', workstationId: 'ws-07', log: { maxSize: '50M' } }));
    const { options, effective } = hostOptionsFromSettings(base(), ['/opt/vigil/vigil'], { VIGIL_CONFIG: file, XDG_CONFIG_HOME: tempDir() });
    expect(options).toMatchObject({ hubUrl: 'https://hub.example:7400', workstationId: 'ws-07', dataDir: '/home/op/.config/Vigil', keyringFile: '/home/op/.config/Vigil/keyring.json', log: { maxSize: '50M', maxFiles: 10 } });
    expect(effective.origins.keyringFile).toBe('default');
  });

  it('takes --config from its arguments, and throws for a refused file', () => {
    const file = path.join(tempDir(), 'vigil.json');
    fs.writeFileSync(file, '{"hubUrl": "https://a:b@hub"}');
    expect(() => hostOptionsFromSettings(base(), ['/opt/vigil/vigil', `--config=${file}`], { XDG_CONFIG_HOME: tempDir() })).toThrow(/credentials|user name or password/);
    expect(configFlagOf(['x', '--config', '/a.json'])).toBe('/a.json');
    expect(configFlagOf(['x'])).toBeUndefined();
  });
});
