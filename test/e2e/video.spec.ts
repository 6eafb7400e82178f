// Live camera video in a tile, end to end: Debian's GStreamer RTSP server → Vigil's RTSP client
// in the host → the browser host's media channel → WebCodecs in Chromium → a canvas. No mocks.
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { RTSP_PASSWORD, RTSP_USER, rtspServerUnavailable, startRtspServer, type RtspServer } from '../support/rtsp-server';
import { expect, pairing, test as base } from './fixtures';

const unavailable = rtspServerUnavailable();

const at = (lat: number, lon: number) => ({ lat, lon });
const test = base.extend<{ rtsp: RtspServer; secured: RtspServer }>({
  // eslint-disable-next-line no-empty-pattern
  rtsp: async ({}, use) => {
    const server = await startRtspServer();
    await use(server);
    await server.stop();
  },
  // eslint-disable-next-line no-empty-pattern
  secured: async ({}, use) => {
    const server = await startRtspServer({ auth: 'digest' });
    await use(server);
    await server.stop();
  },
  hubCameras: async ({ rtsp, secured }, use) => {
    await use([
      { id: 'cam-e2e-h264', name: '测试 H.264 摄像机', location: at(37.4341, 116.3617), mainUrl: rtsp.url('/h264'), codec: 'h264' },
      { id: 'cam-e2e-resize', name: '测试 变分辨率', location: at(37.4359, 116.3579), mainUrl: rtsp.url('/resize'), codec: 'h264' },
      { id: 'cam-e2e-h265', name: '测试 H.265 摄像机', location: at(37.4356, 116.3576), mainUrl: rtsp.url('/h265'), codec: 'h265' },
      { id: 'cam-e2e-secure', name: '测试 密码摄像机', location: at(37.4357, 116.3577), mainUrl: secured.url('/h264', { user: RTSP_USER, password: RTSP_PASSWORD }), codec: 'h264' },
      { id: 'cam-e2e-wrong', name: '测试 错误密码', location: at(37.4358, 116.3578), mainUrl: secured.url('/h264', { user: RTSP_USER, password: 'not-the-password' }), codec: 'h264' },
    ]);
  },
});

test.skip(unavailable !== null, unavailable ?? '');

/** A cheap fingerprint of what the tile's canvas shows now. */
function canvasPixels(page: Page, tile: number): Promise<string> {
  return page.getByTestId('video-canvas').nth(tile).evaluate((c: HTMLCanvasElement) => {
    if (c.width === 0) return '';
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let h = 0;
    for (let i = 0; i < data.length; i += 4) h = (h * 31 + data[i]! + data[i + 1]! * 7 + data[i + 2]! * 13) | 0;
    return `${c.width}x${c.height}:${h}`;
  });
}

async function putCamera(page: Page, tile: number, name: string): Promise<void> {
  await page.getByTestId('video-tile').nth(tile).click();
  await page.getByTestId('video-point-row').filter({ hasText: name }).press('Enter');
}

async function expectMoving(page: Page, tile: number, size = /^320x240:/): Promise<void> {
  const first = await canvasPixels(page, tile);
  expect(first).toMatch(size);
  // The test source's ball moves every picture: the canvas must change.
  await expect.poll(() => canvasPixels(page, tile), { timeout: 5000 }).not.toBe(first);
}

test('a tile plays a camera live, survives the camera restarting, and says when a password is wrong', async ({ page, linked, rtsp }) => {
  test.setTimeout(120_000);
  await page.goto(pairing(linked.host));
  await page.keyboard.press('Alt+3');
  await expect(page.getByTestId('video-point-row').filter({ hasText: '测试 H.264 摄像机' })).toHaveCount(1, { timeout: 20_000 });
  await page.getByTestId('video-grid').waitFor();

  const tiles = page.getByTestId('video-tile');
  await putCamera(page, 0, '测试 H.264 摄像机');
  await expect(tiles.nth(0)).toHaveAttribute('data-state', 'live');
  await expect(tiles.nth(0).getByTestId('tile-state')).toHaveText('实时');
  await expectMoving(page, 0);

  // The stream's details on demand: codec, size, frame rate, and Vigil's added latency.
  await tiles.nth(0).press('i');
  const info = tiles.nth(0).getByTestId('tile-info');
  await expect(info).toContainText('H264');
  await expect(info).toContainText('320×240');
  await expect(info).toContainText(/\d+(\.\d)? 帧\/秒/);
  await expect(info).toContainText(/p50 \d+ 毫秒/);

  // Credentials: right ones play, wrong ones say so on the tile.
  await putCamera(page, 1, '测试 密码摄像机');
  await expect(tiles.nth(1)).toHaveAttribute('data-state', 'live', { timeout: 15_000 });
  await putCamera(page, 2, '测试 错误密码');
  await expect(tiles.nth(2).getByTestId('tile-problem')).toHaveText(/用户名或密码错误/);
  await expect(tiles.nth(2)).toHaveAttribute('data-state', 'failed');

  // H.265: this Chromium has no decoder for it, so main decodes it in software and the tile
  // draws those pictures — and says so.
  await putCamera(page, 3, '测试 H.265 摄像机');
  await expect(tiles.nth(3)).toHaveAttribute('data-state', 'live', { timeout: 15_000 });
  await expect(tiles.nth(3).getByTestId('tile-software-decoding')).toHaveText('软件解码');
  await expectMoving(page, 3);

  // The camera goes away and comes back on the same address.
  const port = rtsp.port;
  await rtsp.stop();
  await expect(tiles.nth(0).getByTestId('tile-state')).toHaveText(/正在重连/, { timeout: 15_000 });
  await expect(tiles.nth(0).getByTestId('tile-problem')).toBeVisible();
  const again = await startRtspServer({ port });
  try {
    await expect(tiles.nth(0)).toHaveAttribute('data-state', 'live', { timeout: 30_000 });
    await expect(tiles.nth(0).getByTestId('tile-problem')).toHaveCount(0);
    await expectMoving(page, 0);
  } finally {
    await again.stop();
  }

  // The layout is this workstation's: a reload shows the same cameras in the same tiles.
  await page.reload();
  await page.keyboard.press('Alt+3');
  await expect(page.getByTestId('video-tile').nth(1)).toHaveAttribute('data-state', 'live', { timeout: 20_000 });
  await expect(page.getByTestId('video-tile').nth(2)).toContainText('测试 错误密码');
});

test('a snapshot of a tile is saved as a PNG file', async ({ page, linked }) => {
  await page.goto(pairing(linked.host));
  await page.keyboard.press('Alt+3');
  await putCamera(page, 0, '测试 H.264 摄像机');
  const tile = page.getByTestId('video-tile').nth(0);
  await expect(tile).toHaveAttribute('data-state', 'live', { timeout: 20_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), tile.press('s')]);
  expect(download.suggestedFilename()).toMatch(/^测试 H\.264 摄像机-.*\.png$/);
  const file = await download.path();
  expect(fs.readFileSync(file).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
});

test('a camera that changes resolution mid-stream keeps playing at the new size', async ({ page, linked }) => {
  await page.goto(pairing(linked.host));
  await page.keyboard.press('Alt+3');
  await putCamera(page, 0, '测试 变分辨率');
  const tile = page.getByTestId('video-tile').nth(0);
  await expect(tile).toHaveAttribute('data-state', 'live', { timeout: 20_000 });
  const size = () => page.getByTestId('video-canvas').nth(0).evaluate((c: HTMLCanvasElement) => `${c.width}x${c.height}`);
  // The source switches every two seconds: both sizes must be drawn, and pictures keep changing after.
  await expect.poll(size, { timeout: 10_000 }).toBe('480x272');
  await expect.poll(size, { timeout: 10_000 }).toBe('320x240');
  await expectMoving(page, 0, /^(320x240|480x272):/);
});

test('one click on a camera that sees an incident plays it in the video view', async ({ page, linked }) => {
  await page.goto(pairing(linked.host));
  // The test camera stands 20 m from the fire at 新湖大街 58 号 and sees all round.
  await page.getByTestId('incident-row').filter({ hasText: '新湖大街 58 号' }).click();
  await page.getByTestId('camera-seeing').filter({ hasText: '测试 H.264 摄像机' }).getByRole('button', { name: '测试 H.264 摄像机' }).click();
  await expect(page.getByTestId('video-grid')).toBeVisible();
  const tile = page.getByTestId('video-tile').filter({ hasText: '测试 H.264 摄像机' });
  await expect(tile).toHaveAttribute('data-state', 'live', { timeout: 20_000 });
});
