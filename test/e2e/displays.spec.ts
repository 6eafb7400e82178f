// The multi-monitor workspace in the browser host: three monitors from a `--displays` file, roles
// given in the Displays panel by mouse and keyboard, saved by main and restored after a reload;
// a role window opened from the panel comes up on its view, paired.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, pairing, test } from './fixtures';

const LEFT = { id: 'DP-1', label: '调度台左', bounds: { x: -1920, y: 0, width: 1920, height: 1080 }, workArea: { x: -1920, y: 0, width: 1920, height: 1040 } };
const CENTRE = { id: 'DP-2', label: '调度台中', bounds: { x: 0, y: 0, width: 2560, height: 1440 }, primary: true };
const WALL = { id: 'HDMI-1', label: '大屏控制器输出', bounds: { x: 2560, y: -360, width: 3840, height: 2160 } };

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-e2e-displays-'));
const displaysFile = path.join(dir, 'displays.json');
fs.writeFileSync(displaysFile, JSON.stringify([LEFT, CENTRE, WALL]));
test.afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
test.use({ hostArgs: ['--displays', displaysFile] });

test('roles given to three configured displays in the Displays panel are saved by main and restored after a reload', async ({ page, host }) => {
  await page.goto(pairing(host));
  await expect(page.getByTestId('incident-row')).toHaveCount(6);
  await page.keyboard.press('Alt+M');
  const panel = page.getByTestId('displays-panel');
  await expect(panel).toBeVisible();
  await expect(page.getByTestId('displays-source')).toHaveAttribute('data-source', 'configured');
  const tiles = page.getByTestId('display-tile');
  await expect(tiles).toHaveCount(3);
  // Drawn to scale where they sit: left of the primary, the wall to its right and higher up.
  const [left, centre, wall] = await Promise.all([0, 1, 2].map(async (i) => (await tiles.nth(i).boundingBox())!));
  expect(left!.x + left!.width).toBeLessThanOrEqual(centre!.x + 1);
  expect(wall!.x).toBeGreaterThanOrEqual(centre!.x + centre!.width - 1);
  expect(wall!.y).toBeLessThan(centre!.y);
  expect(wall!.width / centre!.width).toBeCloseTo(3840 / 2560, 1);

  // Mouse: the left display gets the console.
  await tiles.nth(0).click();
  await page.getByTestId('display-role-console').check();
  await expect(tiles.nth(0)).toHaveAttribute('data-roles', 'console');
  // Keyboard: arrow to the centre display, tab to its roles, tick map and video with Space.
  await tiles.nth(0).press('ArrowRight');
  await expect(tiles.nth(1)).toBeFocused();
  await expect(page.getByTestId('display-role-editor')).toHaveAttribute('data-display-id', 'DP-2');
  await page.getByTestId('display-role-map').focus();
  await page.keyboard.press('Space');
  await page.getByTestId('display-role-video').focus();
  await page.keyboard.press('Space');
  await expect(tiles.nth(1)).toHaveAttribute('data-roles', 'map video');
  // The wall output on the third, first with a monitor that does not exist as written.
  await tiles.nth(1).press('ArrowRight');
  await page.getByTestId('display-role-wall-output').check();
  await page.getByTestId('display-wall-monitor').fill('第二块');
  await expect(page.getByTestId('displays-problem')).toHaveAttribute('data-problem', 'monitor-invalid');
  await expect(page.getByTestId('displays-save')).toBeDisabled();
  await page.getByTestId('display-wall-monitor').fill('r1c2');
  await page.getByTestId('displays-save').click();
  await expect(page.getByTestId('displays-result')).toContainText('已保存');

  const windows = page.getByTestId('display-window');
  const placed = (key: string) => windows.and(page.locator(`[data-key="${key}"]`));
  const expectPlaced = async () => {
    await expect(windows).toHaveCount(4);
    // Each on its display's work area (the left one has a task bar: 40 px less).
    await expect(placed('console')).toHaveAttribute('data-display-id', 'DP-1');
    await expect(placed('console')).toHaveAttribute('data-bounds', '-1920,0,1920x1040');
    await expect(placed('map')).toHaveAttribute('data-bounds', '0,0,2560x1440');
    await expect(placed('video')).toHaveAttribute('data-display-id', 'DP-2');
    await expect(placed('wall-output:r1c2')).toHaveAttribute('data-bounds', '2560,-360,3840x2160');
  };
  await expectPlaced();

  // Restored from main after a reload (the same tab session; main keeps it per workstation).
  await page.reload();
  await expect(page.getByTestId('incident-row')).toHaveCount(6);
  await page.getByTestId('displays-toggle').click();
  await expect(tiles).toHaveCount(3);
  await expect(tiles.nth(0)).toHaveAttribute('data-roles', 'console');
  await expect(tiles.nth(1)).toHaveAttribute('data-roles', 'map video');
  await expect(tiles.nth(2)).toHaveAttribute('data-roles', 'wall-output');
  await tiles.nth(2).click();
  await expect(page.getByTestId('display-wall-monitor')).toHaveValue('r1c2');
  await expectPlaced();

  // Escape closes the panel and gives the focus back to its button.
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(page.getByTestId('displays-toggle')).toBeFocused();
});

test('a role window opened from the panel comes up paired, on its own view', async ({ page, host }) => {
  await page.goto(pairing(host));
  await expect(page.getByTestId('incident-row')).toHaveCount(6);
  await page.getByTestId('displays-toggle').click();
  await page.getByTestId('display-tile').nth(1).click();
  await page.getByTestId('display-role-map').check();
  await page.getByTestId('displays-save').click();
  await expect(page.getByTestId('display-window').and(page.locator('[data-key="map"]'))).toHaveAttribute('data-display-id', 'DP-2');
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('display-window-open-map').click()]);
  expect(new URL(popup.url()).searchParams.get('role')).toBe('map');
  await expect(popup.getByTestId('nav-map')).toHaveAttribute('aria-current', 'page');
  await expect(popup.getByTestId('workstation')).toHaveText('ws-dispatch-03');
});
