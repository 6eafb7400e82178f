// A drone from the hub's synced catalogue, flown by hub position messages: `vigil start
// --demo-drones hub` has the embedded hub's simulator write the dock drone's record (telemetry
// 'hub', no stream) and send its position once a second. In Chromium it moves on the map, and the
// operator renames it in the drone panel: the edit shows at once and comes back from the hub.
import type { Page } from '@playwright/test';
import { expect, pairing, test } from './fixtures';

const DOCK = 'drone-sim-dock';

async function dockPoint(page: Page): Promise<string> {
  const drawn = (await page.getByTestId('map').getAttribute('data-drones')) ?? '';
  return new RegExp(`${DOCK}@(-?\\d+,-?\\d+)`).exec(drawn)?.[1] ?? '';
}

test.describe('a hub drone flown by position messages', () => {
  test.use({ hostArgs: ['--demo-drones', 'hub'] });
  test('is synced as a record, moves on the map, and its record can be edited from the drone panel', async ({ page, host }) => {
    test.setTimeout(90_000);
    await page.goto(pairing(host));
    await page.keyboard.press('Alt+2');
    await page.locator('[data-testid="map"]:not([data-basemap="loading"])').waitFor();
    const button = page.getByTestId('map-drone');
    await expect(button).toHaveText('机场1号', { timeout: 20_000 });

    // Its position comes from the hub: once one has arrived, choosing it brings it into view.
    const panel = page.getByTestId('drone-panel');
    await expect(async () => {
      await button.click();
      await expect(panel.getByTestId('drone-counts')).toContainText(/^平台位置 · 已解码 [1-9]/, { timeout: 2000 });
    }).toPass({ timeout: 30_000 });
    await button.click();
    await expect.poll(() => dockPoint(page), { timeout: 10_000 }).not.toBe('');
    // One position a second along a 350 m circle (24 m/s): it moves on the map.
    const first = await dockPoint(page);
    await expect.poll(() => dockPoint(page), { timeout: 10_000 }).not.toBe(first);
    // No stream in its record: the panel says so instead of a tile that cannot play.
    await expect(panel.getByTestId('drone-no-video')).toHaveText('没有视频地址：只显示位置');

    // Edited from the keyboard: a bad stream address is refused with the reason, nothing is sent.
    await panel.getByTestId('drone-edit').click();
    const editor = panel.getByTestId('drone-editor');
    await expect(editor.getByTestId('drone-edit-callsign')).toBeFocused();
    await editor.getByTestId('drone-edit-stream').fill('file:///etc/passwd');
    await editor.getByTestId('drone-edit-stream').press('Enter');
    await expect(editor.getByTestId('drone-edit-result')).toHaveText('视频地址须为 udp://、srt://、rtmp:// 或 rtmps:// 地址，且不含用户名和密码');
    await editor.getByTestId('drone-edit-stream').fill('');
    await editor.getByTestId('drone-edit-callsign').fill('机场一号');
    await editor.getByTestId('drone-edit-callsign').press('Enter');
    await expect(editor.getByTestId('drone-edit-result')).toHaveAttribute('data-ok', 'true');
    // Shown at once, and still so once the hub has applied it and sent it back (nothing pending).
    await expect(button).toHaveText('机场一号');
    await expect(panel.locator('#drone-callsign')).toHaveText('机场一号');
    await expect(page.getByTestId('pending-actions')).toHaveText('0', { timeout: 15_000 });
    await expect(button).toHaveText('机场一号');
    // And it keeps flying under its new name.
    const renamed = await dockPoint(page);
    await expect.poll(() => dockPoint(page), { timeout: 10_000 }).not.toBe(renamed);
  });
});

test.describe('the demo city’s drones', () => {
  test.use({ hostArgs: ['--demo-drones', 'all'] });
  test('the hub’s STANAG 4609 drone plays over loopback UDP and moves on the map beside the dock drone, without --demo-drone', async ({ page, host }) => {
    test.setTimeout(120_000);
    await page.goto(pairing(host));
    await page.keyboard.press('Alt+2');
    await page.locator('[data-testid="map"]:not([data-basemap="loading"])').waitFor();
    const klv = page.getByTestId('map-drone').filter({ hasText: '鹰眼1号' });
    await expect(klv).toHaveCount(1, { timeout: 60_000 });
    await expect(page.getByTestId('map-drone').filter({ hasText: '机场1号' })).toHaveCount(1);

    const panel = page.getByTestId('drone-panel');
    await expect(async () => {
      await klv.click();
      await expect(panel.getByTestId('drone-counts')).toContainText(/^KLV 遥测（ST 0601） · 已解码 [1-9][\d,]* 包，跳过 0 包/, { timeout: 2000 });
    }).toPass({ timeout: 30_000 });
    // Its video plays in the panel's tile, with the telemetry of its stream over it.
    const tile = panel.getByTestId('video-tile');
    await expect(tile).toHaveAttribute('data-state', 'live', { timeout: 20_000 });
    await expect(tile.getByTestId('drone-altitude')).toHaveText('300 米');
    await klv.click();
    const point = async () => /drone-sim-klv@(-?\d+,-?\d+)/.exec((await page.getByTestId('map').getAttribute('data-drones')) ?? '')?.[1] ?? '';
    await expect.poll(point, { timeout: 10_000 }).not.toBe('');
    const first = await point();
    await expect.poll(point, { timeout: 10_000 }).not.toBe(first);
  });
});
