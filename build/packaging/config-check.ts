// The static half of the packaging dry run: loads build/electron-builder.yml the way
// electron-builder does, validates it against electron-builder's own schema, and checks what
// Vigil's packages depend on: every file pattern finds the built files, native code is unpacked
// from the asar, the fuses are all stated as required, the icons have the sizes each target
// needs, the targets and installers are the ones docs/install.md describes. Needs no Electron
// binary and no network; each problem is one sentence saying what to fix.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { FUSE_POLICY, type FuseName } from './fuse-policy';
import { ICO_SIZES, ICON_MANIFEST, LINUX_PNG_SIZES, pngName, readManifest, sha256 } from './icon-set';
import { pngSize, readIco } from './images';

/** Files the packaged main process loads (package.json's main is added): each must be packed. */
export const RUNTIME_FILES = [
  'dist/electron/preload.cjs',
  'dist/electron/store-worker.cjs',
  'dist/renderer/index.html',
  'native/build/Release/vigil_native.node',
];

/** Native binaries each package loads; each must be packed and unpacked from the asar. */
export const NATIVE_FILES = {
  linux: ['native/build/Release/vigil_native.node', 'node_modules/better-sqlite3/prebuilds/linux-x64.node'],
  win: ['native/build/Release/vigil_native.node', 'node_modules/better-sqlite3/prebuilds/win32-x64.node'],
} as const;

/** Installer languages the Windows installer must offer (Simplified Chinese first). */
const NSIS_LANGUAGES = ['zh_CN', 'en_US'];

interface SchemaNode {
  $ref?: string;
  anyOf?: SchemaNode[];
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
}

const SCHEMA = JSON.parse(fs.readFileSync(createRequire(import.meta.url).resolve('app-builder-lib/scheme.json'), 'utf8')) as SchemaNode & {
  definitions: Record<string, SchemaNode>;
};

/** electron-builder's fuse options, as its schema lists them (all but the macOS signing switch). */
const SCHEMA_FUSE_KEYS = Object.keys(SCHEMA.definitions.FuseOptionsV1!.properties!).filter((k) => k !== 'resetAdHocDarwinSignature');

/**
 * Options the schema does not know, by path (e.g. nsis.perMachin). electron-builder's own
 * message for an option under a nullable section only says "should be one of these: null".
 */
export function unknownOptions(value: unknown, node: SchemaNode = SCHEMA, at = ''): string[] {
  const resolved = node.$ref ? SCHEMA.definitions[node.$ref.replace('#/definitions/', '')]! : node;
  if (resolved.anyOf) return resolved.anyOf.flatMap((branch) => unknownOptions(value, branch, at));
  if (Array.isArray(value)) return resolved.items ? value.flatMap((v, i) => unknownOptions(v, resolved.items!, `${at}[${i}]`)) : [];
  if (value === null || typeof value !== 'object' || !resolved.properties) return [];
  return Object.entries(value).flatMap(([key, v]) => {
    const path = at ? `${at}.${key}` : key;
    const child = resolved.properties![key];
    if (child) return unknownOptions(v, child, path);
    return resolved.additionalProperties === false ? [path] : [];
  });
}

export interface LoadedConfig {
  config: Configuration;
  pkg: { main?: string; productName?: string; dependencies?: Record<string, string> };
}

/** Loads and schema-validates the configuration exactly as electron-builder's CLI would. */
export async function loadBuilderConfig(root: string, configFile: string): Promise<LoadedConfig> {
  const config = await getConfig(root, path.resolve(root, configFile), null);
  await validateConfiguration(config, { isEnabled: false, add: () => undefined } as never);
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as LoadedConfig['pkg'];
  return { config, pkg };
}

export interface ConfigCheck {
  /** Empty when the configuration is ready to pack. */
  problems: string[];
  /** The configuration as electron-builder loaded it; null when it could not be loaded. */
  config: Configuration | null;
}

/** Every problem with the configuration against the tree at `root`. */
export async function checkConfig(root: string, configFile: string): Promise<ConfigCheck> {
  let loaded: LoadedConfig;
  try {
    loaded = await loadBuilderConfig(root, configFile);
  } catch (err) {
    const problems = [`${configFile} is not a valid electron-builder configuration: ${err instanceof Error ? err.message : String(err)}`];
    try {
      const raw = await getConfig(root, path.resolve(root, configFile), null);
      for (const option of new Set(unknownOptions(raw))) problems.push(`${configFile}: electron-builder has no option ${option} (misspelt, or in the wrong section?).`);
    } catch {
      // The file could not even be read: the first message says why.
    }
    return { config: null, problems };
  }
  const { config, pkg } = loaded;
  const problems = [
    ...checkIdentity(config, pkg),
    ...checkFuses(config),
    ...checkFiles(root, config, pkg),
    ...checkTargets(config),
    ...checkDebDepends(root, config),
    ...checkIcons(root, config),
    ...checkOutput(root, config),
  ];
  return { config, problems };
}

function checkIdentity(config: Configuration, pkg: LoadedConfig['pkg']): string[] {
  const problems: string[] = [];
  if (!config.appId) problems.push('appId is not set: installers and the desktop use it to tell Vigil from other apps.');
  if (config.productName !== pkg.productName) problems.push(`productName is "${config.productName}", package.json says "${pkg.productName}": give one name.`);
  if (config.asar !== true) problems.push('asar must be true: the fuses onlyLoadAppFromAsar and asar integrity need an app.asar.');
  if (config.electronDist != null) problems.push('electronDist must not be committed: it is a path on one build machine (pass it with -c.electronDist=…).');
  if (config.npmRebuild !== false) problems.push('npmRebuild must be false: a rebuild fetches Electron headers, which an air-gapped site cannot.');
  return problems;
}

function checkFuses(config: Configuration): string[] {
  const problems: string[] = [];
  const fuses = (config.electronFuses ?? {}) as Record<string, unknown>;
  for (const key of SCHEMA_FUSE_KEYS) {
    if (!(key in FUSE_POLICY)) problems.push(`electron-builder knows the fuse ${key}, which build/packaging/fuse-policy.ts does not decide: decide it, state it and say why in docs/install.md.`);
  }
  for (const [name, wanted] of Object.entries(FUSE_POLICY) as [FuseName, boolean][]) {
    const stated = fuses[name];
    if (typeof stated !== 'boolean') problems.push(`electronFuses.${name} is not stated: every fuse is set explicitly (to ${wanted}).`);
    else if (stated !== wanted) problems.push(`electronFuses.${name} is ${stated}, the policy requires ${wanted} (docs/install.md, "Electron fuses").`);
  }
  return problems;
}

/** Patterns of the app's own files (not `from` other folders). */
function filePatterns(config: Configuration): string[] {
  const sets = [config.files ?? []].flat();
  return sets.flatMap((set) => (typeof set === 'string' ? [set] : set.from == null && set.to == null ? [set.filter ?? []].flat() : []));
}

/**
 * electron-builder's rule: a file goes in when a pattern takes it and no negated pattern drops
 * it; production node_modules go in unless a negated pattern drops them.
 */
export function packs(file: string, patterns: string[]): boolean {
  const take = patterns.filter((p) => !p.startsWith('!'));
  const drop = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  const taken = file.startsWith('node_modules/') || take.some((p) => path.matchesGlob(file, p));
  return taken && !drop.some((p) => path.matchesGlob(file, p));
}

/** The project's own files (not node_modules, which electron-builder collects itself), relative, with '/'. */
function listFiles(root: string, skip: string[]): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (skip.includes(child)) continue;
      if (entry.isDirectory()) walk(child);
      else out.push(child);
    }
  };
  walk('');
  return out;
}

function checkFiles(root: string, config: Configuration, pkg: LoadedConfig['pkg']): string[] {
  const problems: string[] = [];
  for (const platform of ['linux', 'win', 'mac'] as const) {
    // electron-builder makes a platform's files the main list and the top-level list a second
    // one: a platform list of exclusions only then means "**/*", the whole repository.
    if (config[platform]?.files != null) problems.push(`${platform}.files is set: keep every pattern in the top-level files list (a platform list replaces it as the main one and can pack the whole repository).`);
  }
  const tree = listFiles(root, ['node_modules', '.git', config.directories?.output ?? '']);
  // Patterns are checked against the built tree: a pattern that takes nothing is a typo or a
  // build step that did not run (npm run build, npm run build:native).
  const patterns = filePatterns(config);
  const positive = new Set(patterns.filter((q) => !q.startsWith('!') && !q.startsWith('node_modules/')));
  for (const p of positive) {
    if (!tree.some((f) => path.matchesGlob(f, p))) problems.push(`files: "${p}" matches nothing in the built tree (run npm run build and npm run build:native first, or fix the pattern).`);
  }
  if (!pkg.main) problems.push('package.json has no "main": Electron would not know what to start.');
  for (const file of new Set([pkg.main ?? '', ...RUNTIME_FILES, ...NATIVE_FILES.linux, ...NATIVE_FILES.win])) {
    if (!file) continue;
    if (!fs.existsSync(path.join(root, file))) problems.push(`${file} does not exist: build it before packaging.`);
    if (!packs(file, patterns)) problems.push(`${file} is needed at run time but the files patterns leave it out.`);
  }
  for (const f of tree.filter((t) => packs(t, patterns))) {
    if (isSourceOrTest(f)) problems.push(`files: ${f} would be packed, but sources, tests and source maps stay out of the package.`);
  }
  for (const platform of ['linux', 'win'] as const) {
    const unpack = [config.asarUnpack ?? [], config[platform]?.asarUnpack ?? []].flat();
    for (const file of NATIVE_FILES[platform]) {
      if (!unpack.some((p) => path.matchesGlob(file, p))) problems.push(`${file} is native code and must be listed in asarUnpack (${platform}): it cannot be loaded from inside app.asar.`);
    }
  }
  return problems;
}

/** What must not ship: sources, tests, tools, docs and source maps (node_modules aside). */
export function isSourceOrTest(file: string): boolean {
  return !file.startsWith('node_modules/') && (/\.(ts|tsx|map)$/.test(file) || /^(test|electron|renderer|native\/src|bench|docs|build)\//.test(file));
}

function targetNames(target: unknown): string[] {
  return [target ?? []].flat().map((t) => (typeof t === 'string' ? t : (t as { target: string }).target).toLowerCase());
}

function checkTargets(config: Configuration): string[] {
  const problems: string[] = [];
  const linux = targetNames(config.linux?.target);
  for (const t of ['appimage', 'deb']) if (!linux.includes(t)) problems.push(`linux.target lacks ${t}: docs/install.md promises an AppImage and a deb.`);
  if (!targetNames(config.win?.target).includes('nsis')) problems.push('win.target lacks nsis: docs/install.md promises an NSIS installer.');
  if (!config.linux?.category) problems.push('linux.category is not set: desktops file Vigil under it.');
  if (!config.linux?.maintainer && !config.deb?.maintainer) problems.push('linux.maintainer is not set: a deb must name its maintainer.');
  const nsis = config.nsis ?? {};
  if (nsis.perMachine !== true) problems.push('nsis.perMachine must be true: Vigil is installed once for every operator of the workstation.');
  if (nsis.oneClick !== false) problems.push('nsis.oneClick must be false: a per-machine install asks for elevation and shows its pages.');
  const languages = [nsis.installerLanguages ?? []].flat();
  for (const l of NSIS_LANGUAGES) if (!languages.includes(l)) problems.push(`nsis.installerLanguages lacks ${l}.`);
  if (!nsis.shortcutName) problems.push('nsis.shortcutName is not set: the Start-menu and desktop shortcuts need a name.');
  return problems;
}

/** The libraries native/decoder.gypi links (through pkg-config), e.g. libavcodec. */
export function linkedLibraries(root: string): string[] {
  const gypi = fs.readFileSync(path.join(root, 'native', 'decoder.gypi'), 'utf8');
  const libs = /pkg-config --libs ([^)"]+)/.exec(gypi)?.[1] ?? '';
  return libs.split(/\s+/).filter(Boolean);
}

function checkDebDepends(root: string, config: Configuration): string[] {
  const depends = [config.deb?.depends ?? []].flat();
  const problems: string[] = [];
  // Debian names a shared library's package after its soname: libavcodec59 for libavcodec.so.59.
  for (const lib of linkedLibraries(root)) {
    if (!depends.some((d) => new RegExp(`^${lib}\\d+\\b`).test(d))) problems.push(`deb.depends lacks ${lib}: the native module links it dynamically (native/decoder.gypi), so the deb must pull it in.`);
  }
  if (!depends.includes('ffmpeg')) problems.push('deb.depends lacks ffmpeg: the video pipeline runs the ffmpeg command.');
  return problems;
}

function checkIcons(root: string, config: Configuration): string[] {
  const problems: string[] = [];
  const resources = path.join(root, config.directories?.buildResources ?? 'build');
  const linuxIcon = config.linux?.icon;
  if (!linuxIcon) problems.push('linux.icon is not set: the AppImage and deb would carry the Electron logo.');
  else {
    const dir = path.resolve(resources, linuxIcon);
    for (const size of LINUX_PNG_SIZES) {
      const file = path.join(dir, pngName(size));
      const got = fs.existsSync(file) ? pngSize(fs.readFileSync(file)) : null;
      if (!got) problems.push(`linux.icon: ${path.relative(root, file)} is missing or not a PNG (run npm run icons).`);
      else if (got.width !== size || got.height !== size) problems.push(`linux.icon: ${path.relative(root, file)} is ${got.width}x${got.height}, not ${size}x${size}.`);
    }
  }
  const winIcon = config.win?.icon;
  if (!winIcon) problems.push('win.icon is not set: the executable and installer would carry the Electron logo.');
  else {
    const file = path.resolve(resources, winIcon);
    try {
      const sizes = readIco(fs.readFileSync(file)).filter((e) => e.width === e.height && e.bitCount === 32).map((e) => e.width);
      const missing = ICO_SIZES.filter((s) => !sizes.includes(s));
      if (missing.length) problems.push(`win.icon: ${path.relative(root, file)} lacks the 32-bit ${missing.join(', ')} px images (run npm run icons).`);
    } catch (err) {
      problems.push(`win.icon: ${path.relative(root, file)} is not a usable ICO (${err instanceof Error ? err.message : String(err)}).`);
    }
  }
  try {
    const manifest = readManifest(root);
    if (sha256(path.join(root, manifest.source)) !== manifest.sourceSha256) problems.push(`${manifest.source} changed since the desktop icons were made: run npm run icons.`);
  } catch {
    problems.push(`${ICON_MANIFEST} is missing: run npm run icons.`);
  }
  return problems;
}

function checkOutput(root: string, config: Configuration): string[] {
  const output = config.directories?.output;
  if (!output) return ['directories.output is not set: packages would land in dist/, among the build output.'];
  const ignored = fs.existsSync(path.join(root, '.gitignore')) ? fs.readFileSync(path.join(root, '.gitignore'), 'utf8').split('\n').map((l) => l.trim().replace(/\/$/, '')) : [];
  return ignored.includes(output.replace(/\/$/, '')) ? [] : [`directories.output "${output}" is not in .gitignore: packages must not be committed.`];
}
