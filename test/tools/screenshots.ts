// Takes the screenshots shown in the README and docs: the real browser host with a fresh,
// seeded data folder, in Debian's Chromium. Run with `npm run screenshots` after `npm run build`.
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnBrowserHost } from '../support/browser-host-process';
import { CHROMIUM } from '../playwright.config';

const root = path.resolve(import.meta.dirname, '..', '..');
const out = path.join(root, 'docs', 'screenshots');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-shots-'));
const host = await spawnBrowserHost(path.join(root, 'dist', 'electron'), dataDir, ['--workstation', 'ws-dispatch-03', '--operator', '张伟', '--demo-incidents-per-hour', '0', '--demo-cameras', '10']);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', colorScheme: 'dark' });
  await page.goto(`${host.url}#token=${host.token}`);
  await page.getByTestId('incident-row').first().waitFor();
  // The operator's first move: into the queue, down to the most urgent incident.
  await page.getByTestId('incident-queue').focus();
  await page.keyboard.press('ArrowDown');
  await page.screenshot({ path: path.join(out, 'console-zh-CN.png') });
  // The detail with its chronology: a plan step, a unit sent, a note — as an operator would.
  const detail = page.getByTestId('incident-detail');
  await detail.getByTestId('plan-step-done').first().click();
  await detail.getByTestId('assign-recommended').first().click();
  await detail.getByTestId('note-input').fill('现场两车追尾，一人轻伤，已通知 120');
  await page.keyboard.press('Enter');
  await detail.getByTestId('chronology-entry').nth(3).waitFor();
  await page.getByTestId('pending-actions').filter({ hasText: /^0$/ }).waitFor();
  await detail.getByTestId('chronology').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(out, 'detail-zh-CN.png') });
  await page.keyboard.press('Alt+2');
  await page.locator('[data-testid="map"]:not([data-basemap="loading"])').waitFor();
  await page.getByTestId('map-selected-incident').waitFor();
  // Out to the region, where the bundled world map shows: the Bohai coast, the Yellow River.
  const zoomOut = page.locator('.leaflet-control-zoom-out');
  const start = Number(await page.getByTestId('map').getAttribute('data-zoom'));
  for (let z = start - 1; z >= Math.min(start - 1, 8); z--) {
    await zoomOut.click();
    await page.locator(`[data-testid="map"][data-zoom="${z}"]`).waitFor();
  }
  await page.locator('[data-testid="map"][data-world="10m"]').waitFor();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(out, 'map-zh-CN.png') });
  await page.keyboard.press('Control+Shift+L');
  await page.keyboard.press('Alt+1');
  await page.locator('html[lang="en"]').waitFor();
  await page.screenshot({ path: path.join(out, 'console-en.png') });
  console.log(`screenshots written to ${path.relative(root, out)}`);
} finally {
  await browser.close();
  host.child.kill('SIGTERM');
  fs.rmSync(dataDir, { recursive: true, force: true });
}
