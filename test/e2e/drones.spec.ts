// A drone end to end: `vigil start --demo-drone` makes a STANAG 4609 file (H.264 + ST 0601 KLV),
// main plays it in a loop, decodes the KLV and pushes telemetry; in Chromium the drone moves on
// the map with its track and footprint, and its tile plays the video with the telemetry over it.
import { spawn } from 'node:child_process';
import dgram from 'node:dgram';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { writeKlvFixture } from '../support/klv-fixtures';
import { expect, pairing, test } from './fixtures';




/** Where the map last drew the demo drone, in container pixels. */
async function dronePoint(page: Page): Promise<string> {
  const drawn = (await page.getByTestId('map').getAttribute('data-drones')) ?? '';
  return /drone-demo@(-?\d+,-?\d+)/.exec(drawn)?.[1] ?? '';
}

test.describe('the demo drone', () => {
  test.use({ hostArgs: ['--demo-drone'] });
  test('moves on the map as its stream plays, and its tile shows the video with its telemetry', async ({ page, host }) => {
    test.setTimeout(90_000);
    await page.goto(pairing(host));
    await page.keyboard.press('Alt+2');
    await page.locator('[data-testid="map"]:not([data-basemap="loading"])').waitFor();
    const button = page.getByTestId('map-drone');
    await expect(button).toHaveText('UAV-01', { timeout: 20_000 });
    await button.click();

    // On the map: drawn, and moving (94 m/s on its circle: many pixels a second at zoom 14).
    await expect.poll(() => dronePoint(page), { timeout: 10_000 }).not.toBe('');
    const first = await dronePoint(page);
    await expect.poll(() => dronePoint(page), { timeout: 5000 }).not.toBe(first);

    // Beside the map: its live video, with the telemetry of the stream over it.
    const panel = page.getByTestId('drone-panel');
    const tile = panel.getByTestId('video-tile');
    await expect(tile).toHaveAttribute('data-state', 'live', { timeout: 20_000 });
    const overlay = tile.getByTestId('drone-overlay');
    await expect(overlay).toHaveAttribute('data-stale', 'false');
    await expect(overlay.getByTestId('drone-altitude')).toHaveText('300 米');
    await expect(overlay.getByTestId('drone-heading')).toHaveText(/^\d+°$/);
    await expect(overlay.getByTestId('drone-age')).toHaveText(/^[01] 秒前$/);
    const position = await overlay.getByTestId('drone-position').textContent();
    expect(position).toMatch(/^37\.4\d+, 116\.3\d+$/);
    await expect(overlay.getByTestId('drone-position')).not.toHaveText(position!, { timeout: 5000 });
    // Every packet of the demo file is valid: decoded counts up, nothing skipped.
    await expect(panel.getByTestId('drone-counts')).toContainText(/已解码 [\d,]+ 包，跳过 0 包/);

    // Pushed to the wall from its tile: the wall output shows its moving video and, in the corner,
    // a map centred on it that follows it (the position it is centred on changes as it flies).
    await tile.getByTestId('tile-push').click();
    await tile.getByTestId('wall-push-menu').locator('[data-slot="m-r1c1#0.0"]').click();
    await expect(tile.getByTestId('wall-push-note')).toHaveText(/^已上墙：/);
    const output = await page.context().newPage();
    await output.goto(`${host.url}index.html?role=wall-output&monitor=r1c1#token=${host.token}`);
    const shown = output.locator('[data-testid="wo-piece"][data-slot="m-r1c1#0.0"]');
    await expect(shown).toHaveAttribute('data-kind', 'drone');
    await expect(shown.getByTestId('wo-camera')).toHaveAttribute('data-state', 'live', { timeout: 20_000 });
    const canvas = shown.getByTestId('wo-canvas');
    const pixels = () => canvas.evaluate((c: HTMLCanvasElement) => {
      if (c.width === 0) return '';
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let h = 0;
      for (let i = 0; i < data.length; i += 4) h = (h * 31 + data[i]! + data[i + 1]! * 7 + data[i + 2]! * 13) | 0;
      return String(h);
    });
    await expect.poll(pixels, { timeout: 10_000 }).not.toBe('');
    const picture = await pixels();
    await expect.poll(pixels, { timeout: 5000 }).not.toBe(picture);
    const map = shown.getByTestId('wo-drone-map');
    await expect(map).toHaveAttribute('data-stale', 'false', { timeout: 10_000 });
    await expect(map).toHaveAttribute('data-position', /^37\.4\d+,116\.3\d+$/);
    const where = await map.getAttribute('data-position');
    await expect(map).not.toHaveAttribute('data-position', where!, { timeout: 5000 });
    await expect(map.getByTestId('wo-map')).toHaveAttribute('data-zoom', '16');
    await expect(shown.getByTestId('wo-drone-facts')).toHaveText('UAV-01 · 高度 300 米');
    await output.close();

    // Esc closes the panel; the button brings it back.
    await page.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);
    await button.press('Enter');
    await expect(tile).toHaveAttribute('data-state', 'live', { timeout: 20_000 });

    // Opening it in the video view: a tile there plays it, overlay included.
    await panel.getByTestId('drone-open-video').click();
    const videoTile = page.getByTestId('video-grid').getByTestId('video-tile').filter({ hasText: 'UAV-01' });
    await expect(videoTile).toHaveAttribute('data-state', 'live', { timeout: 20_000 });
    await expect(videoTile.getByTestId('drone-altitude')).toHaveText('300 米');
  });
});

// A drone sending over UDP that goes silent: its telemetry turns stale on the tile after 5 s.
const udpTest = test.extend<{ udpDrone: { port: number; dir: string } }>({
  // eslint-disable-next-line no-empty-pattern
  udpDrone: async ({}, use) => {
    const s = dgram.createSocket('udp4');
    await new Promise<void>((r) => s.bind(0, '127.0.0.1', r));
    const port = s.address().port;
    s.close();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-e2e-drone-'));
    await use({ port, dir });
    fs.rmSync(dir, { recursive: true, force: true });
  },
  hostArgs: async ({ udpDrone }, use) => {
    const file = path.join(udpDrone.dir, 'drones.json');
    fs.writeFileSync(file, JSON.stringify([{ id: 'drone-udp', callsign: '鹰眼7', source: `udp://127.0.0.1:${udpDrone.port}`, codec: 'h264' }]));
    await use(['--drone-file', file]);
  },
});

udpTest('a drone that stops sending is shown as stale, with how long it has been silent', async ({ page, host, udpDrone }) => {
  udpTest.setTimeout(90_000);
  const ts = writeKlvFixture(udpDrone.dir, { carriage: 'sync', frames: 50 });
  const sender = spawn('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-re', '-stream_loop', '-1', '-i', ts, '-map', '0', '-c', 'copy', '-f', 'mpegts', `udp://127.0.0.1:${udpDrone.port}?pkt_size=1316`], { stdio: 'ignore' });
  try {
    await page.goto(pairing(host));
    await page.keyboard.press('Alt+2');
    await page.locator('[data-testid="map"]:not([data-basemap="loading"])').waitFor();
    const button = page.getByTestId('map-drone');
    await expect(button).toHaveText('鹰眼7', { timeout: 20_000 });
    // Telemetry arrives (the fixture drone circles over Shanghai at 320 m).
    await expect(async () => {
      await button.click();
      await expect(overlay().getByTestId('drone-altitude')).toHaveText('320 米', { timeout: 2000 });
    }).toPass({ timeout: 40_000 });
    await expect(overlay()).toHaveAttribute('data-stale', 'false');
    // Chosen again now that it has a position: the map brings it into view.
    await button.click();
    await expect.poll(async () => /drone-udp@/.test((await page.getByTestId('map').getAttribute('data-drones')) ?? '')).toBe(true);
  } finally {
    sender.kill('SIGKILL');
  }
  // Silent: stale once more than 5 s have passed, the last values still shown.
  await expect(overlay()).toHaveAttribute('data-stale', 'true', { timeout: 12_000 });
  await expect(overlay().getByTestId('drone-age')).toHaveText(/^已中断 \d+ 秒$/);
  await expect(overlay().getByTestId('drone-altitude')).toHaveText('320 米');
  // And its tile says the drone has stopped sending, as a silent camera's does.
  await expect(page.getByTestId('drone-panel').getByTestId('tile-problem')).toContainText('摄像机没有发送视频');

  function overlay() {
    return page.getByTestId('drone-panel').getByTestId('drone-overlay');
  }
});
