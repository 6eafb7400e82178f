// Wall outputs and push-to-wall, end to end through the browser host: a console pushes cameras
// (Debian's GStreamer RTSP server → Vigil's RTSP client → the media channel → WebCodecs, or main's
// software decoder for H.265), an incident and a map view onto wall slots; pages opened as wall
// outputs (`?role=wall-output&monitor=r1c1` / `all`) follow the wall and draw them. No mocks.
import type { Locator, Page } from '@playwright/test';
import { pairedClient, type HostProcess } from '../support/browser-host-process';
import { rtspServerUnavailable, startRtspServer, type RtspServer } from '../support/rtsp-server';
import { expect, pairing, test as base } from './fixtures';
import { expectMoving } from './moving-pictures';

const unavailable = rtspServerUnavailable();
const at = (lat: number, lon: number) => ({ lat, lon });

const test = base.extend<{ rtsp: RtspServer }>({
  // eslint-disable-next-line no-empty-pattern
  rtsp: async ({}, use) => {
    const server = await startRtspServer();
    await use(server);
    await server.stop();
  },
  hubCameras: async ({ rtsp }, use) => {
    await use([
      // 20 m from the simulated city's fire at 新湖大街 58 号, seeing all round.
      { id: 'cam-e2e-h264', name: '测试 H.264 摄像机', location: at(37.4341, 116.3617), mainUrl: rtsp.url('/h264'), codec: 'h264' },
      { id: 'cam-e2e-h265', name: '测试 H.265 摄像机', location: at(37.4356, 116.3576), mainUrl: rtsp.url('/h265'), codec: 'h265' },
    ]);
  },
});

test.skip(unavailable !== null, unavailable ?? '');

const R1C1 = 'm-r1c1#0.0';
const outputUrl = (host: HostProcess, monitor: string) => `${host.url}index.html?role=wall-output&monitor=${monitor}#token=${host.token}`;


function piece(output: Page, slot: string, monitor?: string): Locator {
  return output.locator(`[data-testid="wo-piece"][data-slot="${slot}"]${monitor ? `[data-monitor="${monitor}"]` : ''}`);
}

/** Pushes with the mouse: the control's menu, then the slot. */
async function pushTo(scope: Locator, control: string, slot: string): Promise<void> {
  await scope.getByTestId(control).click();
  await scope.getByTestId('wall-push-menu').locator(`[data-slot="${slot}"]`).click();
  await expect(scope.getByTestId('wall-push-note')).toHaveText(/^已上墙：/);
}

async function putCamera(page: Page, tile: number, name: string): Promise<void> {
  await page.getByTestId('video-tile').nth(tile).click();
  await page.getByTestId('video-point-row').filter({ hasText: name }).press('Enter');
  await expect(page.getByTestId('video-tile').nth(tile)).toHaveAttribute('data-state', 'live', { timeout: 20_000 });
}

test('a monitor\'s wall output plays a camera pushed from a video tile, H.265 through the software decoder, and an incident card', async ({ page, context, linked }) => {
  test.setTimeout(120_000);
  await page.goto(pairing(linked.host));
  await page.keyboard.press('Alt+3');
  await expect(page.getByTestId('video-point-row').filter({ hasText: '测试 H.264 摄像机' })).toHaveCount(1, { timeout: 20_000 });

  // The output of the top-left monitor, opened before anything is on it: its one cell, named faintly.
  const output = await context.newPage();
  await output.goto(outputUrl(linked.host, 'r1c1'));
  await expect(output.getByTestId('wo-piece')).toHaveCount(1);
  const cell = piece(output, R1C1);
  await expect(cell).toHaveAttribute('data-kind', 'empty');
  await expect(cell.getByTestId('wo-slot-name')).toHaveText('r1c1');
  await expect(output.getByTestId('wo-status')).toHaveCount(0);
  // The page is that monitor's framebuffer: its one cell fills it.
  expect(await cell.boundingBox()).toEqual({ x: 0, y: 0, width: 1600, height: 900 });

  // A video tile pushes its camera (mouse); the output follows the wall at once and plays it.
  await putCamera(page, 0, '测试 H.264 摄像机');
  const tile0 = page.getByTestId('video-tile').nth(0);
  await pushTo(tile0, 'tile-push', R1C1);
  await expect(tile0.getByTestId('wall-push-note')).toHaveText('已上墙：r1c1');
  await expect(cell).toHaveAttribute('data-kind', 'camera');
  const camera = cell.getByTestId('wo-camera');
  await expect(camera).toHaveAttribute('data-camera', 'cam-e2e-h264');
  await expect(camera).toHaveAttribute('data-state', 'live', { timeout: 20_000 });
  await expect(camera).toHaveAttribute('data-decoded-in-main', 'false');
  await expect(camera).toContainText('测试 H.264 摄像机');
  await expectMoving(cell.getByTestId('wo-canvas'));
  // No cursor over the pictures once the pointer rests; it comes back when moved.
  await output.mouse.move(200, 200);
  await expect(output.getByTestId('wall-output')).toHaveClass(/wo-idle/, { timeout: 6000 });
  await output.mouse.move(300, 300);
  await expect(output.getByTestId('wall-output')).not.toHaveClass(/wo-idle/);

  // H.265 from another tile, by keyboard only: the last slot used comes first, focused.
  await putCamera(page, 1, '测试 H.265 摄像机');
  const tile1 = page.getByTestId('video-tile').nth(1);
  await tile1.getByTestId('tile-push').focus();
  await page.keyboard.press('Enter');
  const menu = tile1.getByTestId('wall-push-menu');
  await expect(menu).toBeVisible();
  // Esc closes it and leaves the focus on the button.
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(tile1.getByTestId('tile-push')).toBeFocused();
  await expect(page.getByTestId('video-tile')).toHaveCount(4);
  await page.keyboard.press('Enter');
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await expect(menu.getByRole('menuitem').first()).toHaveAttribute('data-slot', R1C1);
  await expect(menu.getByRole('menuitem').first()).toContainText('上次');
  await expect(menu.getByRole('menuitem').first()).toContainText('视频：测试 H.264 摄像机');
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem').nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  await expect(tile1.getByTestId('wall-push-note')).toHaveText('已上墙：r1c1');
  // The tile was not enlarged by the Enter that opened the menu.
  await expect(page.getByTestId('video-tile')).toHaveCount(4);
  await expect(camera).toHaveAttribute('data-camera', 'cam-e2e-h265');
  await expect(camera).toHaveAttribute('data-state', 'live', { timeout: 20_000 });
  // This Chromium cannot decode H.265: main decodes it for the output page, which says so small.
  await expect(camera).toHaveAttribute('data-decoded-in-main', 'true');
  await expect(camera).toContainText('软件解码');
  await expectMoving(cell.getByTestId('wo-canvas'));

  // An incident from its detail: a large card, following the incident as it changes.
  await page.keyboard.press('Alt+1');
  await page.getByTestId('incident-row').filter({ hasText: '新湖大街 58 号' }).click();
  const detail = page.getByTestId('incident-detail');
  await pushTo(detail.locator('.pane-head'), 'push-incident', R1C1);
  const card = cell.getByTestId('wo-incident');
  await expect(card).toContainText('新湖大街 58 号');
  await expect(card).toContainText('火灾');
  await expect(card).toContainText('接警');
  const status = await detail.getByTestId('detail-status').getAttribute('data-status');
  await expect(card).toHaveAttribute('data-status', status!);
  if (status === 'new') {
    await detail.getByTestId('status-to-dispatched').click();
    await expect(card).toHaveAttribute('data-status', 'dispatched');
    await expect(card).toContainText('已派警');
  }

  // A page asking for a monitor the wall does not have says so, small, in its corner.
  const wrong = await context.newPage();
  await wrong.goto(outputUrl(linked.host, 'r9c9'));
  await expect(wrong.getByTestId('wo-status')).toHaveText('大屏上没有 r9c9 号屏');
  await expect(wrong.getByTestId('wo-piece')).toHaveCount(0);
});

test('the whole wall on one page: pushes from the map, its camera card and an incident\'s cameras, drawn where their monitors hang', async ({ page, context, linked }) => {
  test.setTimeout(120_000);
  await page.goto(pairing(linked.host));
  await page.getByTestId('incident-row').filter({ hasText: '新湖大街 58 号' }).click();
  const detail = page.getByTestId('incident-detail');
  // The incident itself, and the camera that sees it from "cameras that see it".
  await pushTo(detail.locator('.pane-head'), 'push-incident', 'm-r1c2#0.0');
  const seeing = detail.getByTestId('camera-seeing').filter({ hasText: '测试 H.264 摄像机' });
  await pushTo(seeing, 'push-camera', R1C1);
  // The map: its camera card, and the view itself.
  await page.keyboard.press('Alt+2');
  await page.getByTestId('map-seeing-camera').filter({ hasText: '测试 H.264 摄像机' }).click();
  await pushTo(page.getByTestId('map-camera-details'), 'map-push-camera', 'm-r2c2#0.0');
  await page.locator('[data-testid="map"]:not([data-basemap="loading"])').waitFor();
  const zoom = Number(await page.getByTestId('map').getAttribute('data-zoom'));
  await pushTo(page.locator('.map-head'), 'map-push-view', 'm-r2c1#0.0');

  const output = await context.newPage();
  await output.goto(outputUrl(linked.host, 'all'));
  await expect(output.getByTestId('wo-monitor')).toHaveCount(12);
  await expect(output.getByTestId('wo-piece')).toHaveCount(12);
  await expect(output.getByTestId('wo-status')).toHaveCount(0);

  // Where things are: the 3 × 4 wall fills the page's width, r1c1 top left, r3c4 bottom right,
  // with black bezels between the monitors' picture areas.
  const box = async (m: string) => (await output.locator(`[data-testid="wo-monitor"][data-monitor="${m}"]`).boundingBox())!;
  const [r1c1, r1c2, r2c1, r3c4] = [await box('r1c1'), await box('r1c2'), await box('r2c1'), await box('r3c4')];
  expect(r1c1.x).toBeGreaterThan(0);
  expect(r1c1.x).toBeLessThan(2);
  expect(r3c4.x + r3c4.width).toBeGreaterThan(1598);
  expect(r1c2.x - (r1c1.x + r1c1.width)).toBeGreaterThan(0.5); // 3.5 mm of bezel
  expect(r2c1.y - (r1c1.y + r1c1.height)).toBeGreaterThan(0.5);
  expect(r3c4.y + r3c4.height).toBeLessThan(900);
  const wallHeight = r3c4.y + r3c4.height - r1c1.y;
  expect(wallHeight / (r3c4.x + r3c4.width - r1c1.x)).toBeCloseTo((3 * 684) / (4 * 1213.1), 2);

  const cam = piece(output, R1C1).getByTestId('wo-camera');
  await expect(cam).toHaveAttribute('data-camera', 'cam-e2e-h264');
  await expect(cam).toHaveAttribute('data-state', 'live', { timeout: 20_000 });
  await expectMoving(piece(output, R1C1).getByTestId('wo-canvas'));
  // The same camera on a second monitor: the page's one stream of it, drawn there too.
  const again = piece(output, 'm-r2c2#0.0').getByTestId('wo-camera');
  await expect(again).toHaveAttribute('data-camera', 'cam-e2e-h264');
  await expect(again).toHaveAttribute('data-state', 'live', { timeout: 20_000 });
  await expectMoving(piece(output, 'm-r2c2#0.0').getByTestId('wo-canvas'));
  await expect(piece(output, 'm-r1c2#0.0').getByTestId('wo-incident')).toContainText('新湖大街 58 号');
  const map = piece(output, 'm-r2c1#0.0').getByTestId('wo-map');
  await expect(map).toHaveAttribute('data-zoom', String(zoom));
  await expect(map).not.toHaveAttribute('data-world', /^(loading)?$/);
  await expect(piece(output, 'm-r3c4#0.0')).toHaveAttribute('data-kind', 'empty');
  await expect(piece(output, 'm-r3c4#0.0')).toHaveText('r3c4');
  // Each piece sits inside its monitor's picture area.
  const camBox = (await piece(output, R1C1).boundingBox())!;
  expect(Math.abs(camBox.x - r1c1.x) + Math.abs(camBox.width - r1c1.width)).toBeLessThan(0.5);
});

test('alarm routing: an urgent incident puts the camera that sees it on the wall output, and acknowledging it puts back what was there', async ({ page, context, linked }) => {
  test.setTimeout(120_000);
  await page.goto(pairing(linked.host));
  await expect(page.getByTestId('incident-row').first()).toBeVisible({ timeout: 20_000 });
  // The alarm route is a supervisor's setting; no view edits it yet, so it is set through the API.
  const api = await pairedClient(linked.host);
  try {
    const set = await api.request('wall.setAlarmRoute', { route: { enabled: true, minPriority: 1, slots: [{ window: 'm-r1c1', cell: { row: 0, column: 0 } }] } });
    expect(set.ok).toBe(true);
  } finally {
    api.ws.close();
  }
  const output = await context.newPage();
  await output.goto(outputUrl(linked.host, 'r1c1'));
  const cell = piece(output, R1C1);
  await expect(cell).toHaveAttribute('data-kind', 'empty');

  // A priority-1 accident beside the test camera.
  await page.bringToFront();
  await page.keyboard.press('Alt+N');
  const form = page.getByTestId('incident-form');
  await form.getByTestId('incident-form-type').selectOption('traffic_accident');
  await form.getByTestId('incident-form-priority').selectOption('1');
  await form.getByTestId('incident-form-address').fill('新湖大街 60 号 门前');
  await form.getByTestId('incident-form-lat').fill('37.43405');
  await form.getByTestId('incident-form-lon').fill('116.36165');
  await form.getByTestId('incident-form-submit').click();
  await expect(form).toBeHidden();

  await expect(cell).toHaveAttribute('data-kind', 'camera', { timeout: 15_000 });
  await expect(cell.getByTestId('wo-camera')).toHaveAttribute('data-camera', 'cam-e2e-h264');
  await expect(cell.getByTestId('wo-camera')).toHaveAttribute('data-state', 'live', { timeout: 20_000 });
  await expectMoving(cell.getByTestId('wo-canvas'));

  // Taken up by an operator: the wall puts back what was there (nothing).
  await page.getByTestId('incident-row').filter({ hasText: '新湖大街 60 号 门前' }).click();
  await page.getByTestId('incident-detail').getByTestId('status-to-dispatched').click();
  await expect(cell).toHaveAttribute('data-kind', 'empty', { timeout: 15_000 });
});
