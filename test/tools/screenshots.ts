// Takes the screenshots shown in the README and docs: the real browser host with a fresh,
// seeded data folder, in Debian's Chromium. Run with `npm run screenshots` after `npm run build`.
import { chromium, type Locator } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnBrowserHost } from '../support/browser-host-process';
import { rtspServerUnavailable, startRtspServer } from '../support/rtsp-server';
import { CHROMIUM } from '../playwright.config';

const root = path.resolve(import.meta.dirname, '..', '..');
const out = path.join(root, 'docs', 'screenshots');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-shots-'));
// Live cameras for the video view: the test RTSP server's pictures, plus one camera that is down.
const noRtsp = rtspServerUnavailable();
if (noRtsp) throw new Error(`screenshots need the test RTSP server: ${noRtsp}`);
const rtsp = await startRtspServer({ width: 640, height: 360 });
const cameraFile = path.join(dataDir, 'cameras.json');
const near = (i: number) => ({ lat: 37.4355 + i * 0.001, lon: 116.3575 + i * 0.001 });
const liveCameras = [
  ['cam-shot-1', '德城区 东风路与湖滨路口 枪机', '/h264'],
  ['cam-shot-2', '德城区 天衢广场 全景', '/pattern/smpte'],
  ['cam-shot-3', '德城区 三八路 高点球机', '/pattern/spokes'],
] as const;
fs.writeFileSync(cameraFile, JSON.stringify([
  ...liveCameras.map(([id, name, mount], i) => ({ id, name, location: near(i), mainUrl: rtsp.url(mount), codec: 'h264', district: '德城区', department: '公安局' })),
  { id: 'cam-shot-4', name: '德城区 新湖大街 治安卡口', location: near(4), mainUrl: 'rtsp://127.0.0.1:1/Streaming/Channels/101', codec: 'h264', district: '德城区', department: '公安局' },
]));
const host = await spawnBrowserHost(path.join(root, 'dist', 'electron'), dataDir, ['--workstation', 'ws-dispatch-03', '--operator', '张伟', '--demo-incidents-per-hour', '0', '--demo-cameras', '10', '--demo-camera-file', cameraFile, '--demo-drone']);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', colorScheme: 'dark' });
  await page.goto(`${host.url}#token=${host.token}`);
  // First the sign-in screen; then the duty supervisor of the demo accounts (docs/operations.md),
  // who may do everything shown below.
  await page.getByTestId('sign-in-username').fill('supervisor');
  await page.screenshot({ path: path.join(out, 'sign-in-zh-CN.png') });
  await page.getByTestId('sign-in-password').fill('vigil-supervisor');
  await page.keyboard.press('Enter');
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
  // The video view: four tiles, stream details on the first, a camera that is down on the last.
  await page.keyboard.press('Alt+3');
  const names = [...liveCameras.map(([, name]) => name), '德城区 新湖大街 治安卡口'];
  for (const [i, name] of names.entries()) {
    await page.getByTestId('video-tile').nth(i).click();
    await page.getByTestId('video-point-row').filter({ hasText: name }).press('Enter');
  }
  for (const i of [0, 1, 2]) await page.locator(`[data-testid="video-tile"][data-state="live"]`).nth(i).waitFor();
  await page.getByTestId('video-tile').nth(0).press('i');
  await page.getByTestId('tile-problem').waitFor();
  await page.waitForTimeout(2500); // a couple of stats rounds, so the details show measured figures
  await page.screenshot({ path: path.join(out, 'video-zh-CN.png') });
  // The wall: three live cameras pushed from their tiles, the most urgent incident from its
  // detail, the city map from the map view; then the whole wall as a controller PC's page shows it.
  const pushTo = async (scope: Locator, control: string, slot: string) => {
    await scope.getByTestId(control).click();
    await scope.getByTestId('wall-push-menu').locator(`[data-slot="${slot}"]`).click();
    await scope.getByTestId('wall-push-note').waitFor();
  };
  for (const [tile, slot] of [[0, 'm-r1c1#0.0'], [1, 'm-r1c3#0.0'], [2, 'm-r2c2#0.0']] as const) await pushTo(page.getByTestId('video-tile').nth(tile), 'tile-push', slot);
  await page.keyboard.press('Alt+1');
  await pushTo(page.getByTestId('incident-detail').locator('.pane-head'), 'push-incident', 'm-r1c2#0.0');
  await page.keyboard.press('Alt+2');
  // Back in to city scale around the selected incident, where the incidents, units and camera
  // cones spread out: the wheel zooms about the pointer (a double click there could land on the
  // demo drone, whose click opens its panel instead).
  const map = page.getByTestId('map');
  const box = (await map.boundingBox())!;
  for (let i = 0; i < 12 && Number(await map.getAttribute('data-zoom')) < 14; i++) {
    const [x, y] = (await map.getAttribute('data-selected-at'))!.split(',').map(Number);
    await page.mouse.move(box.x + x!, box.y + y!);
    await page.mouse.wheel(0, -60);
    await page.waitForTimeout(500);
  }
  await page.locator('[data-testid="map"][data-zoom="14"]').waitFor();
  await pushTo(page.locator('.map-head'), 'map-push-view', 'm-r2c1#0.0');
  const wall = await browser.newPage({ viewport: { width: 1600, height: 680 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', colorScheme: 'dark' });
  await wall.goto(`${host.url}index.html?role=wall-output&monitor=all#token=${host.token}`);
  for (const i of [0, 1, 2]) await wall.locator('[data-testid="wo-camera"][data-state="live"]').nth(i).waitFor();
  await wall.locator('[data-testid="wo-map"][data-world]:not([data-world="loading"])').waitFor();
  await wall.getByTestId('wo-incident').waitFor();
  await wall.locator('[data-testid="wall-output"].wo-idle').waitFor(); // no cursor over the pictures
  await wall.screenshot({ path: path.join(out, 'wall-output-zh-CN.png') });
  await wall.close();
  // The wall view: cameras on monitors and in a 2×2 split, a window across four monitors, a
  // monitor whose output is missing, a preset; a second console at work on one cell.
  await page.keyboard.press('Alt+4');
  const canvas = page.getByTestId('wall-canvas');
  await canvas.waitFor();
  await page.getByTestId('wall-console-name').fill('调度台3');
  await page.getByTestId('wall-rename').click();
  const cell = (slot: string) => page.locator(`[data-testid="wall-cell"][data-slot="${slot}"]`);
  const show = async (slot: string, camera: string) => {
    await cell(slot).click();
    await page.getByTestId('wall-camera-row').filter({ hasText: camera }).press('Enter');
    await page.locator(`[data-testid="wall-cell"][data-slot="${slot}"]:not([data-content="empty"])`).waitFor();
  };
  await show('m-r1c1#0.0', names[0]!);
  await show('m-r1c2#0.0', names[1]!);
  await cell('m-r2c1#0.0').click();
  await page.keyboard.press('2');
  await show('m-r2c1#0.0', names[2]!);
  await show('m-r2c1#1.1', names[3]!);
  await cell('m-r2c2#0.0').click();
  await page.keyboard.press('n');
  for (const [field, value] of [['x', '1214.9'], ['y', '685.7'], ['width', '2422.6'], ['height', '1364.2']] as const) await page.getByTestId(`wall-window-${field}`).fill(value);
  await page.getByTestId('wall-window-apply').click();
  await page.getByTestId('wall-camera-row').filter({ hasText: names[1]! }).press('Enter');
  await page.locator('[data-testid="wall-window"]:not([data-content="empty"])').waitFor();
  await page.getByTestId('wall-preset-name').fill('日常值守');
  await page.getByTestId('wall-preset-save').click();
  await page.getByTestId('wall-tab-model').click();
  await page.locator('[data-testid="wall-model-present"][data-monitor="r3c4"]').click();
  await page.getByTestId('wall-model-apply').click();
  await page.getByTestId('wall-monitor-missing').waitFor();
  await page.getByTestId('wall-tab-presets').click();
  const other = await browser.newPage({ viewport: { width: 1600, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', colorScheme: 'dark' });
  await other.goto(`${host.url}#token=${host.token}`);
  await other.locator('#nav-wall').click();
  await other.getByTestId('wall-console-name').fill('大屏席');
  await other.getByTestId('wall-rename').click();
  await other.locator('[data-testid="wall-cell"][data-slot="m-r1c2#0.0"]').click();
  await page.getByTestId('wall-presence-outline').filter({ hasText: '大屏席' }).waitFor();
  await page.getByTestId('wall-window').click();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(out, 'wall-view-zh-CN.png') });
  await other.close();
  // The demo drone on the map, with its track and footprint, beside its live video and telemetry.
  await page.keyboard.press('Alt+2');
  await page.getByTestId('map-drone').click();
  await page.getByTestId('drone-panel').locator('[data-testid="video-tile"][data-state="live"]').waitFor();
  await page.waitForTimeout(8000); // a stretch of track behind it
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(out, 'drone-map-zh-CN.png') });
  await page.keyboard.press('Alt+1');
  await page.keyboard.press('Control+Shift+L');
  await page.keyboard.press('Alt+1');
  await page.locator('html[lang="en"]').waitFor();
  await page.screenshot({ path: path.join(out, 'console-en.png') });
  console.log(`screenshots written to ${path.relative(root, out)}`);
} finally {
  await browser.close();
  host.child.kill('SIGTERM');
  await rtsp.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
