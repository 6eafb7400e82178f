import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../test/support/temp';
import { appRoot, nativeCandidates, unpackedPath } from './addon';

const tempDir = useTempDirs();
const MODULE = path.join('native', 'build', 'Release', 'vigil_native.node');

describe('finding the native module', () => {
  it('maps a path inside app.asar to app.asar.unpacked, with either separator', () => {
    expect(unpackedPath('/opt/Vigil/resources/app.asar/native/build/Release/vigil_native.node')).toBe('/opt/Vigil/resources/app.asar.unpacked/native/build/Release/vigil_native.node');
    expect(unpackedPath('C:\\Program Files\\Vigil\\resources\\app.asar\\native\\x.node')).toBe('C:\\Program Files\\Vigil\\resources\\app.asar.unpacked\\native\\x.node');
    expect(unpackedPath('/opt/Vigil/resources/app.asar')).toBe('/opt/Vigil/resources/app.asar.unpacked');
  });

  it('leaves paths outside an asar alone, including look-alikes', () => {
    expect(unpackedPath('/home/dev/vigil/native/build/Release/vigil_native.node')).toBe('/home/dev/vigil/native/build/Release/vigil_native.node');
    expect(unpackedPath('/data/app.asar.unpacked/x.node')).toBe('/data/app.asar.unpacked/x.node');
    expect(unpackedPath('/data/my-app.asar.bak/x.node')).toBe('/data/my-app.asar.bak/x.node');
  });

  it('in a packaged app, finds the module in app.asar.unpacked from the bundled main process', () => {
    // Electron shows app.asar to the main process as a folder: stand one up with the same
    // layout electron-builder writes (the module's entry in the archive, its file unpacked).
    const resources = path.join(tempDir(), 'resources');
    const asar = path.join(resources, 'app.asar');
    fs.mkdirSync(path.join(asar, 'dist', 'electron'), { recursive: true });
    fs.mkdirSync(path.dirname(path.join(asar, MODULE)), { recursive: true });
    fs.mkdirSync(path.dirname(path.join(resources, 'app.asar.unpacked', MODULE)), { recursive: true });
    fs.writeFileSync(path.join(resources, 'app.asar.unpacked', MODULE), '');

    const root = appRoot(path.join(asar, 'dist', 'electron'));
    expect(root).toBe(asar);
    const candidates = nativeCandidates(root, {}, resources);
    expect(candidates).toEqual([path.join(resources, 'app.asar.unpacked', MODULE)]);
    expect(candidates.find((p) => fs.existsSync(p))).toBe(path.join(resources, 'app.asar.unpacked', MODULE));
  });

  it('in development, looks next to the sources; VIGIL_NATIVE comes first', () => {
    const repo = path.resolve(import.meta.dirname, '../../..');
    expect(appRoot(path.join(repo, 'dist', 'electron'))).toBe(repo);
    expect(nativeCandidates(repo, {}, undefined)).toEqual([path.join(repo, MODULE)]);
    expect(nativeCandidates(repo, { VIGIL_NATIVE: '/srv/vigil_native.node' }, undefined)[0]).toBe('/srv/vigil_native.node');
  });
});
