import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { NativeWallApi } from './wall-layout';

export interface NativeInfo {
  name: 'vigil_native';
  interfaceVersion: number;
  napiVersion: number;
  runtimeNapiVersion: number;
}

export interface NativeModule extends NativeWallApi {
  info(): NativeInfo;
}

/** The JavaScript-facing API version this code expects; must match native/src/addon.cc. */
export const NATIVE_INTERFACE_VERSION = 3;

/**
 * Where the built module may be: next to the sources in development, unpacked from the asar in
 * a packaged app (electron-builder's asarUnpack), or where VIGIL_NATIVE points.
 */
export function nativeCandidates(root: string): string[] {
  const rel = path.join('native', 'build', 'Release', 'vigil_native.node');
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  return [process.env.VIGIL_NATIVE, path.join(root, rel), resources && path.join(resources, 'app.asar.unpacked', rel)].filter(
    (p): p is string => typeof p === 'string' && p.length > 0,
  );
}

export function loadNative(root: string): NativeModule {
  const file = nativeCandidates(root).find((p) => fs.existsSync(p));
  if (!file) throw new Error(`native module not built (looked in ${nativeCandidates(root).join(', ')}); run npm run build:native`);
  const mod = createRequire(__filename)(file) as NativeModule;
  const info = mod.info();
  if (info.name !== 'vigil_native' || info.interfaceVersion !== NATIVE_INTERFACE_VERSION) {
    throw new Error(`${file} is not the native module this Vigil expects (${JSON.stringify(info)})`);
  }
  return mod;
}

/** The folder holding native/ — the repository, or the app — found upwards from this code. */
export function appRoot(from = __dirname): string {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'native', 'binding.gyp')) || fs.existsSync(path.join(dir, 'native', 'build'))) return dir;
  }
  return path.resolve(from, '..', '..');
}
