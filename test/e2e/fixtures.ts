import { test as base } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnBrowserHost, type HostProcess } from '../support/browser-host-process';

export const DIST = path.resolve(import.meta.dirname, '..', '..', 'dist', 'electron');

/** Each test gets a fresh data folder and its own browser host process, stopped afterwards. */
export const test = base.extend<{ dataDir: string; host: HostProcess }>({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-e2e-'));
    await use(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  },
  host: async ({ dataDir }, use) => {
    const host = await spawnBrowserHost(DIST, dataDir, ['--workstation', 'ws-dispatch-03', '--operator', '张伟']);
    await use(host);
    const exited = new Promise((r) => host.child.once('exit', r));
    host.child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    host.child.kill('SIGKILL');
  },
});

export const pairing = (host: HostProcess) => `${host.url}#token=${host.token}`;
export { expect } from '@playwright/test';
