// A drone end to end: `vigil start --demo-drone` makes a STANAG 4609 file (H.264 + ST 0601 KLV),
// main plays it in a loop, decodes the KLV and pushes telemetry; in Chromium the drone moves on
// the map with its track and footprint, and its tile plays the video with the telemetry over it.
import type { Page } from '@playwright/test';
import { expect, pairing, test } from './fixtures';

test.use({ hostArgs: ['--demo-drone'] });

/** Where the map last drew the demo drone, in container pixels. */
async function dronePoint(page: Page): Promise<string> {
  const drawn = (await page.getByTestId('map').getAttribute('data-drones')) ?? '';
  return /drone-demo@(-?\d+,-?\d+)/.exec(drawn)?.[1] ?? '';
}

test('the demo drone moves on the map as its stream plays, and its tile shows the video with its telemetry', async ({ page, host }) => {
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

  // Opening it in the video view: a tile there plays it, overlay included.
  await panel.getByTestId('drone-open-video').click();
  const videoTile = page.getByTestId('video-grid').getByTestId('video-tile').filter({ hasText: 'UAV-01' });
  await expect(videoTile).toHaveAttribute('data-state', 'live', { timeout: 20_000 });
  await expect(videoTile.getByTestId('drone-altitude')).toHaveText('300 米');
});
