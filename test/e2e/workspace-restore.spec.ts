// Running for months: the workspace comes back after the browser host stops — cleanly, or killed
// without any chance to save — and is started again on the same data folder. A new browser
// context (no local storage of the first) shows the same view, selection and video grid: main,
// not the page, holds them.
import Database from 'better-sqlite3';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { spawnBrowserHost, pairedClient, type HostProcess } from '../support/browser-host-process';
import { signInHost } from '../support/host-sign-in';
import { DIST, expect, pairing, test } from './fixtures';

type WallSeen = { model: unknown; layout: unknown; sources: unknown[] };

const ARGS = ['--workstation', 'ws-dispatch-03', '--operator', '张伟', '--demo-incidents-per-hour', '0', '--demo-cameras', '10'];

async function stop(host: HostProcess, how: 'SIGTERM' | 'SIGKILL'): Promise<void> {
  if (host.child.exitCode !== null) return;
  const exited = new Promise((r) => host.child.once('exit', r));
  host.child.kill(how);
  await exited;
}

/** The window state main wrote for the console, read straight from the database file. */
function savedConsoleState(dataDir: string): { view?: string; selectedIncidentId?: string | null; video?: { grid: number; tiles: Record<string, (string | null)[]> } } | null {
  const db = new Database(path.join(dataDir, 'vigil.db'), { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare("SELECT value FROM workspace_settings WHERE key = 'window.console'").get() as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as ReturnType<typeof savedConsoleState>) : null;
  } finally {
    db.close();
  }
}

async function arrange(page: Page): Promise<{ incident: string; cameras: string[] }> {
  await expect(page.getByTestId('incident-row')).toHaveCount(6);
  const row = page.getByTestId('incident-row').nth(2);
  await row.click();
  await expect(row).toHaveAttribute('aria-selected', 'true');
  const incident = (await row.getAttribute('id')) ?? '';
  await page.keyboard.press('Alt+3');
  await page.getByRole('group', { name: '画面分割' }).getByRole('button', { name: /^9/ }).click();
  const rows = page.getByTestId('video-point-row');
  await page.getByTestId('video-tile').nth(0).click();
  await rows.nth(0).press('Enter');
  await page.getByTestId('video-tile').nth(4).click();
  await rows.nth(3).press('Enter');
  const cameras = [await page.getByTestId('video-tile').nth(0).getAttribute('data-camera'), await page.getByTestId('video-tile').nth(4).getAttribute('data-camera')];
  expect(cameras.every((c) => c && c.length > 0)).toBe(true);
  return { incident, cameras: cameras as string[] };
}

async function expectRestored(browser: Browser, host: HostProcess, arranged: { incident: string; cameras: string[] }): Promise<void> {
  // Another browser profile: nothing of the first page's storage.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(pairing(host));
  await expect(page.getByTestId('nav-video')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('group', { name: '画面分割' }).getByRole('button', { name: /^9/ })).toHaveAttribute('aria-pressed', 'true');
  const tiles = page.getByTestId('video-tile');
  await expect(tiles).toHaveCount(9);
  await expect(tiles.nth(0)).toHaveAttribute('data-camera', arranged.cameras[0]!);
  await expect(tiles.nth(4)).toHaveAttribute('data-camera', arranged.cameras[1]!);
  await expect(tiles.nth(1)).toHaveAttribute('data-camera', '');
  await page.keyboard.press('Alt+1');
  await expect(page.locator(`[id="${arranged.incident}"]`)).toHaveAttribute('aria-selected', 'true');
  await context.close();
}

for (const how of ['SIGTERM', 'SIGKILL'] as const) {
  test(`restart restores the workspace (${how === 'SIGTERM' ? 'clean stop' : 'killed without a clean shutdown'})`, async ({ page, browser, dataDir }) => {
    let host = await spawnBrowserHost(DIST, dataDir, ARGS);
    await signInHost(host, 'supervisor');
    try {
      await page.goto(pairing(host));
      const arranged = await arrange(page);
      // The wall is kept by the wall service: what it shows now must come back too.
      const api = await pairedClient(host);
      const pushed = await api.request('wall.push', { slot: { window: 'm-r1c1', cell: { row: 0, column: 0 } }, source: { kind: 'camera', cameraId: arranged.cameras[0] } });
      expect(pushed.ok).toBe(true);
      const wallBefore = (await api.request('wall.state', {})).result as WallSeen;
      expect(JSON.stringify(wallBefore.sources)).toContain(arranged.cameras[0]);
      api.ws.close();

      if (how === 'SIGKILL') {
        // Killed: only what main has written survives. Main writes shortly after the last change.
        await expect.poll(() => savedConsoleState(dataDir)?.video?.tiles['9']?.[4] ?? null).toBe(arranged.cameras[1]);
      } else {
        // Stopped cleanly: main has the last change (asked of it here) and writes it on the way out.
        const probe = await pairedClient(host);
        await expect.poll(async () => ((await probe.request('workspace.windowState', { role: 'console' })).result as { video: { tiles: Record<string, string[]> } } | null)?.video.tiles['9']?.[4] ?? null).toBe(arranged.cameras[1]);
        probe.ws.close();
      }
      await page.close();
      await stop(host, how);

      host = await spawnBrowserHost(DIST, dataDir, ARGS);
      // A restart starts signed out: the window restores once someone has signed in.
      await signInHost(host, 'supervisor');
      await expectRestored(browser, host, arranged);
      const again = await pairedClient(host);
      const wallAfter = (await again.request('wall.state', {})).result as WallSeen;
      again.ws.close();
      expect({ model: wallAfter.model, layout: wallAfter.layout, sources: wallAfter.sources }).toEqual({ model: wallBefore.model, layout: wallBefore.layout, sources: wallBefore.sources });
    } finally {
      await stop(host, 'SIGKILL');
    }
  });
}
