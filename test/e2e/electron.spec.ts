// The Electron host, driven by Playwright's Electron launcher (Spectron's successor). It needs
// the Electron binary, which cannot be downloaded on air-gapped sites or on these CI machines;
// there the test reports plainly that it was not run, and why.
import { _electron as electron, expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findElectron } from '../../electron/cli/electron-binary';

const binary = findElectron();
const dist = path.resolve(import.meta.dirname, '..', '..', 'dist', 'electron');

test('the Electron host opens a sandboxed console window with the seeded incidents', async () => {
  if (binary.path === null) {
    const why = `Electron end-to-end NOT RUN: no Electron binary on this machine (${binary.reason}); the browser-host tests above cover the same console.`;
    console.log(why); // printed in the test log, not only as a skip annotation
    test.skip(true, why);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-electron-'));
  const options = Buffer.from(JSON.stringify({ dataDir, workstationId: 'ws-dispatch-03', operatorName: '张伟', hubUrl: null })).toString('base64url');
  const app = await electron.launch({
    executablePath: binary.path!,
    args: [path.join(dist, 'main.cjs'), `--vigil-options=${options}`, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
  });
  try {
    const win = await app.firstWindow();
    // Signed in through the sign-in screen, with the embedded hub's demo supervisor (docs/operations.md).
    await win.getByTestId('sign-in-username').fill('supervisor');
    await win.getByTestId('sign-in-password').fill('vigil-supervisor');
    await win.getByTestId('sign-in-submit').click();
    await expect(win.getByTestId('incident-row')).toHaveCount(6);
    // No Node in the page, and only the two bridge functions from the preload.
    expect(await win.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await win.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    expect(await win.evaluate(() => Object.keys((window as unknown as { vigil: object }).vigil).sort())).toEqual(['onEvent', 'request']);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.webContents.getURL())).toMatch(/^vigil:\/\/app\/index\.html\?role=console$/);
    // Navigation away from Vigil and new windows are denied.
    await win.evaluate(() => window.open('https://example.com'));
    expect(app.windows()).toHaveLength(1);
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
