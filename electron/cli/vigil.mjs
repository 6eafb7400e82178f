#!/usr/bin/env node
// Launcher for the `vigil` command. Plain JavaScript so any Node can run it: it hands over to
// the Node that matches Electron's (>= 22, the project's node_modules/.bin/node when the system
// Node is older, which better-sqlite3 13 cannot run on).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = path.join(root, 'dist', 'electron', 'cli.cjs');
const major = Number(process.versions.node.split('.')[0]);
const bundledNode = path.join(root, 'node_modules', 'node', 'bin', 'node');

if (!fs.existsSync(cli)) {
  console.error(`Vigil is not built yet (${cli} is missing). Run: bash build/setup.sh start`);
  process.exit(1);
}
let node = process.execPath;
if (major < 22) {
  if (!fs.existsSync(bundledNode)) {
    console.error(`Vigil needs Node 22 or later (this is ${process.version}) and node_modules has none. Run: bash build/setup.sh start`);
    process.exit(1);
  }
  node = bundledNode;
}
if (node === process.execPath) {
  await import(cli);
} else {
  const r = spawnSync(node, [cli, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
