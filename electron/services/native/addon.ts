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
 * The same file outside the asar archive: native code cannot be loaded from inside app.asar, so
 * electron-builder's asarUnpack puts it in app.asar.unpacked beside it (build/electron-builder.yml).
 */
export function unpackedPath(file: string): string {
  return file.replace(/([\\/])app\.asar(?=[\\/]|$)/, '$1app.asar.unpacked');
}

/**
 * Where the built module may be: where VIGIL_NATIVE points, next to the sources in development,
 * or unpacked from the asar in a packaged app, where the root found by appRoot() is app.asar.
 */
export function nativeCandidates(
  root: string,
  env: NodeJS.ProcessEnv = process.env,
  resourcesPath: string | undefined = (process as { resourcesPath?: string }).resourcesPath,
): string[] {
  const rel = path.join('native', 'build', 'Release', 'vigil_native.node');
  return [env.VIGIL_NATIVE, unpackedPath(path.join(root, rel)), resourcesPath && path.join(resourcesPath, 'app.asar.unpacked', rel)].filter(
    (p, i, all): p is string => typeof p === 'string' && p.length > 0 && all.indexOf(p) === i,
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
