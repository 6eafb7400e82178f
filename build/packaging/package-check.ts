// `npm run package:check`: the packaging dry run CI runs after `npm run build` (and the native
// build). Validates build/electron-builder.yml, then packs the Linux app folder around a
// stand-in Electron and inspects it. Offline; exits 1 with one line per problem.
//   --config FILE   another configuration (default build/electron-builder.yml)
//   --static        only the configuration checks, no pack
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkConfig } from './config-check';
import { checkPackedApp, packLinuxDir, writeStandInElectron } from './stand-in-pack';

const root = path.resolve(import.meta.dirname, '..', '..');
const args = process.argv.slice(2);
const configFile = args.includes('--config') ? args[args.indexOf('--config') + 1]! : 'build/electron-builder.yml';

function fail(problems: string[]): never {
  console.error(`\npackage:check: ${problems.length} problem${problems.length === 1 ? '' : 's'} with ${configFile}:`);
  for (const p of problems) console.error(`  ✗ ${p}`);
  process.exit(1);
}

const started = Date.now();
const { problems, config } = await checkConfig(root, configFile);
if (problems.length || !config) fail(problems);
console.log(`package:check: ${configFile} passes electron-builder's schema and Vigil's packaging rules.`);

if (!args.includes('--static')) {
  const electronVersion = (JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-package-check-'));
  let packed: string[];
  try {
    const dist = path.join(work, 'electron-dist');
    writeStandInElectron(dist, electronVersion);
    const pack = packLinuxDir(root, configFile, dist, path.join(work, 'out'));
    packed = pack.ok ? await checkPackedApp(root, pack.appOutDir, config.executableName ?? 'vigil') : [`electron-builder could not pack the Linux app folder:\n${pack.log}`];
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  if (packed.length) fail(packed);
  console.log(`package:check: electron-builder packed the Linux app folder around a stand-in Electron ${electronVersion}; app.asar, the unpacked native code and the fuses are as required.`);
}
console.log(`package:check: done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
