// The second half of the packaging dry run: electron-builder really packs the Linux app folder
// (`--linux dir`) from the configuration, with a stand-in for the Electron binary that cannot be
// downloaded here, and the result is inspected: what app.asar holds, what is unpacked beside
// it, that every package the main process requires went in, and the fuses electron-builder
// flipped. The stand-in is a small file carrying Electron's fuse wire (so @electron/fuses has
// something real to flip), a locales folder and a version file; it cannot run. With a real
// Electron (docs/install.md) the same command makes a runnable app.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import { readAsar, type AsarFilesystem, type Node as AsarNode } from 'app-builder-lib/out/asar/asar.js';
import { isSourceOrTest, NATIVE_FILES, RUNTIME_FILES } from './config-check';
import { FUSE_POLICY, FUSE_SENTINEL, FUSE_WIRE_INDEX, readFuseWire, type FuseName } from './fuse-policy';

/** Electron's own defaults for fuse wire version 1 (what an unflipped binary carries). */
const ELECTRON_DEFAULT_WIRE = '101100011';

/** Writes a stand-in unpacked Electron for Linux: enough for electron-builder to pack around. */
export function writeStandInElectron(dir: string, version: string): void {
  fs.mkdirSync(path.join(dir, 'locales'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'resources'), { recursive: true });
  const wire = Buffer.concat([Buffer.from(FUSE_SENTINEL, 'latin1'), Buffer.from([1, ELECTRON_DEFAULT_WIRE.length]), Buffer.from(ELECTRON_DEFAULT_WIRE, 'latin1')]);
  const script = Buffer.from('#!/bin/sh\necho "stand-in Electron for the packaging dry run: it does not run Vigil" >&2\nexit 1\n');
  fs.writeFileSync(path.join(dir, 'electron'), Buffer.concat([script, wire]), { mode: 0o755 });
  for (const locale of ['en-US', 'zh-CN', 'de', 'ja']) fs.writeFileSync(path.join(dir, 'locales', `${locale}.pak`), '');
  fs.writeFileSync(path.join(dir, 'version'), version);
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'stand-in\n');
}

export interface PackResult {
  ok: boolean;
  appOutDir: string;
  log: string;
}

/** Runs electron-builder's CLI, as a site would, for the Linux app folder only. */
export function packLinuxDir(root: string, configFile: string, electronDist: string, outDir: string): PackResult {
  const cli = createRequire(import.meta.url).resolve('electron-builder/cli.js');
  const run = spawnSync(
    process.execPath,
    [cli, '--config', path.resolve(root, configFile), '--linux', 'dir', '--x64', `-c.electronDist=${electronDist}`, `-c.directories.output=${outDir}`],
    { cwd: root, encoding: 'utf8', env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' }, timeout: 120_000 },
  );
  return { ok: run.status === 0, appOutDir: path.join(outDir, 'linux-unpacked'), log: `${run.stdout ?? ''}${run.stderr ?? ''}${run.error ? String(run.error) : ''}` };
}

function listAsar(node: AsarNode, prefix = ''): Map<string, AsarNode> {
  const out = new Map<string, AsarNode>();
  for (const [name, child] of Object.entries(node.files ?? {})) {
    const p = prefix ? `${prefix}/${name}` : name;
    if (child.files) for (const [k, v] of listAsar(child, p)) out.set(k, v);
    else out.set(p, child);
  }
  return out;
}

/** `require("x/y")` → "x"; `require("@s/x/y")` → "@s/x"; builtins and electron → null. */
function packageOf(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:') || specifier === 'electron') return null;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  return builtinModules.includes(name) ? null : name;
}

/** Where Node would find `name` from the package at `from` (a folder in the asar), or null. */
function resolvePackage(files: Map<string, AsarNode>, from: string, name: string): string | null {
  for (let dir = from; ; dir = path.posix.dirname(dir)) {
    const base = dir === '.' || dir === '' ? '' : `${dir}/`;
    if (!base.endsWith('node_modules/') && files.has(`${base}node_modules/${name}/package.json`)) return `${base}node_modules/${name}`;
    if (dir === '.' || dir === '') return null;
  }
}

async function missingPackages(asar: AsarFilesystem, files: Map<string, AsarNode>, entries: string[]): Promise<string[]> {
  const problems: string[] = [];
  const seen = new Set<string>();
  const queue: { from: string; name: string; by: string }[] = [];
  for (const entry of entries) {
    const text = (await asar.readFile(entry)).toString('utf8');
    for (const m of text.matchAll(/require\("([^"]+)"\)/g)) {
      const name = packageOf(m[1]!);
      if (name) queue.push({ from: '.', name, by: entry });
    }
  }
  while (queue.length) {
    const { from, name, by } = queue.shift()!;
    const at = resolvePackage(files, from, name);
    if (!at) {
      problems.push(`${name} (required by ${by}) is not in app.asar: the packaged app would fail to start.`);
      continue;
    }
    if (seen.has(at)) continue;
    seen.add(at);
    const pkg = (await asar.readJson(`${at}/package.json`)) as { dependencies?: Record<string, string> };
    for (const dep of Object.keys(pkg.dependencies ?? {})) queue.push({ from: at, name: dep, by: name });
  }
  return problems;
}

/** Every problem with a packed Linux app folder; empty when it holds what Vigil needs. */
export async function checkPackedApp(root: string, appOutDir: string, executableName: string): Promise<string[]> {
  const problems: string[] = [];
  const resources = path.join(appOutDir, 'resources');
  const archive = path.join(resources, 'app.asar');
  if (!fs.existsSync(archive)) return [`${archive} was not written.`];
  const asar = await readAsar(archive);
  const files = listAsar(asar.header);
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string };

  const entries = [pkg.main, 'dist/electron/preload.cjs', 'dist/electron/store-worker.cjs'];
  for (const f of ['package.json', pkg.main, ...RUNTIME_FILES]) if (!files.has(f)) problems.push(`app.asar lacks ${f}.`);
  for (const f of files.keys()) {
    if (isSourceOrTest(f)) problems.push(`app.asar holds ${f}: sources, tests and source maps stay out.`);
  }
  for (const [f, node] of files) {
    if (!f.endsWith('.node')) continue;
    if (!node.unpacked) problems.push(`${f} is native code packed inside app.asar, where it cannot be loaded: list it in asarUnpack.`);
  }
  for (const f of NATIVE_FILES.linux) {
    if (!fs.existsSync(path.join(resources, 'app.asar.unpacked', f))) problems.push(`app.asar.unpacked/${f} is missing: the packaged app could not load it.`);
  }
  if (problems.some((p) => p.includes('lacks'))) return problems;
  problems.push(...(await missingPackages(asar, files, entries.filter((e) => files.has(e)))));

  const binary = path.join(appOutDir, executableName);
  try {
    const wire = readFuseWire(fs.readFileSync(binary));
    for (const [name, wanted] of Object.entries(FUSE_POLICY) as [FuseName, boolean][]) {
      const state = wire[FUSE_WIRE_INDEX[name]];
      if (state !== (wanted ? '1' : '0')) problems.push(`the packed binary's fuse ${name} is "${state}", the policy requires ${wanted}.`);
    }
  } catch (err) {
    problems.push(`could not read the fuses of ${binary}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return problems;
}
