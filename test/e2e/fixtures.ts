import { test as base } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnBrowserHost, type HostProcess } from '../support/browser-host-process';
import { spawnHub, type HubProcess } from '../support/hub-process';
import { signInHost } from '../support/host-sign-in';
import type { Role } from '../../electron/shared/domain/operator';

export const DIST = path.resolve(import.meta.dirname, '..', '..', 'dist', 'electron');

/** Bytes that look like SQLite at first glance and are not: a damaged database file. */
export const GARBAGE_DATABASE = Buffer.from('SQLite format 3\u0000 then a disk error ate the rest '.repeat(300));

const HUB_SECRET = 'e2e-secret-of-ws-dispatch-03';

/** A workstation synced with a reference hub running as its own process, which a test may stop and start. */
export interface LinkedWorkstation {
  host: HostProcess;
  /** The hub's data folder: its hub.db is what the command centre holds. */
  hubDir: string;
  stopHub(): Promise<void>;
  /** Starts the hub again on the same address and data, as after an outage. */
  restartHub(): Promise<void>;
}

async function stopHost(host: HostProcess): Promise<void> {
  const exited = new Promise((r) => host.child.once('exit', r));
  host.child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  host.child.kill('SIGKILL');
}

/**
 * Each test gets a fresh data folder and its own browser host process, stopped afterwards.
 * `test.use({ damagedDatabase: true })` puts a corrupt vigil.db there before the host starts.
 * `linked` instead runs the workstation against a separate hub process; `test.use({
 * hubIncidentsPerHour })` sets how busy its simulated city is (0: no new arrivals), `hubSimSeed`
 * which city it plays (the simulator is deterministic for a seed). `hostArgs` adds options to
 * `vigil start` (e.g. `--displays FILE`). `signInAs` signs the workstation in with that role's
 * demo account before the test opens a page (every window of a workstation follows one sign-in);
 * null leaves it at the sign-in screen.
 */
export const test = base.extend<{ signInAs: Role | null; damagedDatabase: boolean; hostArgs: readonly string[]; hubIncidentsPerHour: number; hubSimSeed: number; hubCameras: readonly object[]; dataDir: string; host: HostProcess; linked: LinkedWorkstation }>({
  signInAs: ['supervisor', { option: true }],
  damagedDatabase: [false, { option: true }],
  hostArgs: [[], { option: true }],
  hubIncidentsPerHour: [0, { option: true }],
  hubSimSeed: [1, { option: true }],
  /** Cameras the hub registers at start (`--camera-file`), e.g. pointing at a test RTSP server. */
  hubCameras: [[], { option: true }],
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-e2e-'));
    await use(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  },
  host: async ({ dataDir, damagedDatabase, hostArgs, signInAs }, use) => {
    if (damagedDatabase) fs.writeFileSync(path.join(dataDir, 'vigil.db'), GARBAGE_DATABASE);
    const host = await spawnBrowserHost(DIST, dataDir, ['--workstation', 'ws-dispatch-03', '--operator', '张伟', '--demo-incidents-per-hour', '0', '--demo-cameras', '10', ...hostArgs]);
    if (signInAs) await signInHost(host, signInAs);
    await use(host);
    await stopHost(host);
  },
  linked: async ({ dataDir, hubIncidentsPerHour, hubSimSeed, hubCameras, signInAs }, use) => {
    const hubDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-e2e-hub-'));
    const cameraFile = path.join(hubDir, 'cameras.json');
    fs.writeFileSync(cameraFile, JSON.stringify(hubCameras));
    const hubArgs = (port: number) => ['--port', String(port), '--data', hubDir, '--workstation', `ws-dispatch-03:${HUB_SECRET}`, '--incidents-per-hour', String(hubIncidentsPerHour), '--sim-seed', String(hubSimSeed), '--cameras', '10', '--camera-file', cameraFile, '--demo-operators'];
    let hub: HubProcess | null = await spawnHub(DIST, hubArgs(0));
    const port = hub.port;
    let host: HostProcess | null = null;
    try {
      host = await spawnBrowserHost(DIST, dataDir, ['--hub', hub.url, '--workstation', 'ws-dispatch-03', '--operator', '张伟'], { VIGIL_HUB_SECRET: HUB_SECRET });
      if (signInAs) await signInHost(host, signInAs);
      await use({
        host,
        hubDir,
        stopHub: async () => {
          await hub?.stop();
          hub = null;
        },
        restartHub: async () => {
          hub = await spawnHub(DIST, hubArgs(port));
        },
      });
    } finally {
      await hub?.stop();
      if (host) await stopHost(host);
      fs.rmSync(hubDir, { recursive: true, force: true });
    }
  },
});

export const pairing = (host: HostProcess) => `${host.url}#token=${host.token}`;
export { expect } from '@playwright/test';
