import { spawn } from 'node:child_process';
import path from 'node:path';
import { findChromium, hasDisplay, openAppWindow } from '../browser-host/chromium';
import { loadOrCreateToken } from '../browser-host/pairing';
import { startBrowserHost } from '../browser-host/server';
import type { RuntimeOptions } from '../services/runtime/options';
import { startRuntime } from '../services/runtime/runtime';
import { findElectron } from './electron-binary';

export interface StartCommand extends RuntimeOptions {
  host: 'auto' | 'electron' | 'browser';
  bind: string;
  port: number;
  open: boolean;
  /** A keyring named by --keyring or the settings file, which the Electron host uses too (else its own). */
  keyringChosen?: boolean;
}

const dist = path.resolve(__dirname);

export async function start(o: StartCommand): Promise<void> {
  const electron = findElectron();
  if (o.host === 'electron' && !electron.path) {
    throw new Error(`--host electron: the Electron binary is not available (${'reason' in electron ? electron.reason : ''})`);
  }
  if (o.host !== 'browser' && electron.path) {
    if (o.displays) console.warn('--displays is for the browser host: Electron reads the monitors from the system.');
    return startElectron(electron.path, o);
  }
  if (o.host === 'auto') {
    console.log('The Electron binary is not installed on this machine (it could not be downloaded here).');
    console.log('Starting the browser host instead: the same console and services, in Chromium.');
  }
  return startBrowser(o);
}

function startElectron(binary: string, o: StartCommand): Promise<void> {
  // The hub secret stays out of the command line (visible to every user in ps): Electron reads VIGIL_HUB_SECRET itself.
  // Its keyring is its own (safeStorage-protected, in its user-data folder), not the browser host's
  // file, unless --keyring or the settings file named one.
  const options: Omit<RuntimeOptions, 'hubSecret'> = { dataDir: o.dataDir, hubUrl: o.hubUrl, demo: o.demo, ...(o.drones ? { drones: o.drones } : {}), ...(o.maintenance ? { maintenance: o.maintenance } : {}), ...(o.log ? { log: o.log } : {}), workstationId: o.workstationId, operatorName: o.operatorName, ...(o.keyringChosen ? { keyringFile: o.keyringFile } : {}) };
  const args = [path.join(dist, 'main.cjs'), `--vigil-options=${Buffer.from(JSON.stringify(options)).toString('base64url')}`];
  // Chromium refuses to start as root with its OS sandbox; the page sandbox and context
  // isolation still apply. Say so rather than hide it.
  if (process.getuid?.() === 0) {
    console.warn('Running as root: Chromium\'s OS-level sandbox is disabled (--no-sandbox). Run Vigil as a normal user in production.');
    args.push('--no-sandbox');
  }
  const child = spawn(binary, args, { stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`Electron exited with code ${code}`))));
  });
}

async function startBrowser(o: StartCommand): Promise<void> {
  const chromium = findChromium();
  const canOpen = o.open && chromium !== null && hasDisplay();
  let pairingUrl = '';
  const runtime = await startRuntime(o, {
    host: 'browser',
    workerPath: path.join(dist, 'store-worker.cjs'),
    openWindow: async (role, monitor) => {
      if (canOpen && chromium) openAppWindow(chromium, withRole(pairingUrl, role, monitor), o.dataDir);
    },
  });
  const host = await startBrowserHost({
    runtime,
    rendererDir: path.join(dist, '..', 'renderer'),
    bind: o.bind,
    port: o.port,
    token: loadOrCreateToken(o.dataDir),
  });
  pairingUrl = host.pairingUrl;
  console.log(`Vigil browser host on ${host.url} (data: ${o.dataDir})`);
  console.log(`Open: ${host.pairingUrl}`);
  if (!o.hubUrl) console.log('Embedded demo hub: sign in as supervisor / vigil-supervisor (one account per role: docs/operations.md).');
  if (o.bind !== '127.0.0.1' && o.bind !== '::1' && o.bind !== 'localhost') {
    console.warn(`Listening on ${o.bind}: any machine that can reach it and has the pairing token can use these services.`);
  }
  if (canOpen && chromium) openAppWindow(chromium, withRole(host.pairingUrl, 'console'), o.dataDir);
  else if (o.open) console.log(chromium ? 'No display here: open the address above in Chromium.' : 'Chromium is not installed: open the address above in Chromium or Chrome.');

  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      console.log(`${signal}: stopping Vigil.`);
      void host
        .close()
        .then(() => runtime.close())
        .finally(resolve);
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}

function withRole(pairingUrl: string, role: string, monitor?: string): string {
  const [base, fragment] = pairingUrl.split('#');
  const query = new URLSearchParams({ role, ...(monitor ? { monitor } : {}) });
  return `${base}?${query}#${fragment}`;
}
