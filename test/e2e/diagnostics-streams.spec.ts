// Each stream's health in the diagnostics view, from the media service's meters, for a camera
// that needs a password — and that password (or the stream address) nowhere in the page.
import { RTSP_PASSWORD, RTSP_USER, rtspServerUnavailable, startRtspServer, type RtspServer } from '../support/rtsp-server';
import { expect, pairing, test as base } from './fixtures';

const unavailable = rtspServerUnavailable();
const test = base.extend<{ secured: RtspServer }>({
  // eslint-disable-next-line no-empty-pattern
  secured: async ({}, use) => {
    const server = await startRtspServer({ auth: 'digest' });
    await use(server);
    await server.stop();
  },
  hubCameras: async ({ secured }, use) => {
    await use([{ id: 'cam-e2e-secure', name: '测试 密码摄像机', location: { lat: 37.4357, lon: 116.3577 }, mainUrl: secured.url('/h264', { user: RTSP_USER, password: RTSP_PASSWORD }), codec: 'h264' }]);
  },
});

test.skip(unavailable !== null, unavailable ?? '');

test('diagnostics show a playing stream\'s meters, never its address or password', async ({ page, linked }) => {
  test.setTimeout(90_000);
  await page.goto(pairing(linked.host));
  await page.keyboard.press('Alt+3');
  const row = page.getByTestId('video-point-row').filter({ hasText: '测试 密码摄像机' });
  await expect(row).toHaveCount(1, { timeout: 20_000 });
  await page.getByTestId('video-tile').nth(0).click();
  await row.press('Enter');
  await expect(page.getByTestId('video-tile').nth(0)).toHaveAttribute('data-state', 'live');

  await page.keyboard.press('Alt+5');
  const stream = page.getByTestId('diag-stream-row').filter({ hasText: 'cam-e2e-secure' });
  await expect(stream).toHaveCount(1);
  await expect(stream).toContainText('live');
  // Meters after a second of pictures: a bitrate and a frame rate above zero.
  await expect.poll(async () => Number((await stream.locator('td').nth(3).textContent()) ?? 0)).toBeGreaterThan(0);
  await expect.poll(async () => Number((await stream.locator('td').nth(4).textContent()) ?? 0)).toBeGreaterThan(0);
  const text = await page.locator('body').innerText();
  expect(text).not.toContain(RTSP_PASSWORD);
  expect(text).not.toContain('rtsp://');
});
