import { test as base } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnBrowserHost, type HostProcess } from '../support/browser-host-process';

export const DIST = path.resolve(import.meta.dirname, '..', '..', 'dist', 'electron');

/** Bytes that look like SQLite at first glance and are not: a damaged database file. */
export const GARBAGE_DATABASE = Buffer.from('SQLite format 3\u0000 then a disk error ate the rest '.repeat(300));

/**
 * Each test gets a fresh data folder and its own browser host process, stopped afterwards.
 * `test.use({ damagedDatabase: true })` puts a corrupt vigil.db there before the host starts.
 */
export const test = base.extend<{ damagedDatabase: boolean; dataDir: string; host: HostProcess }>({
  damagedDatabase: [false, { option: true }],
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-e2e-'));
    await use(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  },
  host: async ({ dataDir, damagedDatabase }, use) => {
    if (damagedDatabase) fs.writeFileSync(path.join(dataDir, 'vigil.db'), GARBAGE_DATABASE);
    const host = await spawnBrowserHost(DIST, dataDir, ['--workstation', 'ws-dispatch-03', '--operator', '张伟', '--demo-incidents-per-hour', '0', '--demo-cameras', '10']);
    await use(host);
    const exited = new Promise((r) => host.child.once('exit', r));
    host.child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    host.child.kill('SIGKILL');
  },
});

export const pairing = (host: HostProcess) => `${host.url}#token=${host.token}`;
export { expect } from '@playwright/test';
