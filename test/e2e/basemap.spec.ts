// Base maps: the bundled world map with no network, an online tile source the operator
// configures (served here by a loopback stand-in), and a GCJ-02 source on which every mark is
// drawn shifted and a right-click reads back the stored WGS-84 position.
import type { Page } from '@playwright/test';
import { SEED_INCIDENTS } from '../../electron/hub/city';
import { wgs84ToGcj02 } from '../../electron/shared/geo/gcj02';
import { startTileServer, type TileServer } from '../support/tile-server';
import { expect, pairing, test } from './fixtures';

let tiles: TileServer;
test.beforeEach(async () => {
  tiles = await startTileServer();
});
test.afterEach(async () => {
  await tiles.close();
});

async function addSource(page: Page, name: string, datum: 'wgs84' | 'gcj02'): Promise<void> {
  await page.getByTestId('map-source-name').fill(name);
  await page.getByTestId('map-source-url').fill(`${tiles.origin}/{z}/{x}/{y}.png`);
  await page.getByTestId('map-source-datum').selectOption(datum);
  await page.getByTestId('map-source-attribution').fill(`© ${name}`);
  await page.getByTestId('map-source-save').click();
  await expect(page.getByTestId('map-source-result')).toContainText(name);
  await expect(page.getByTestId('map-basemap').locator('option:checked')).toContainText(name);
}

/** Where the selected incident is drawn: in the map's own pixels, and on the page. */
async function selectedAt(page: Page): Promise<{ raw: string; x: number; y: number; pageX: number; pageY: number }> {
  const map = page.getByTestId('map');
  await expect(map).toHaveAttribute('data-selected-at', /^\d+,\d+$/);
  const raw = (await map.getAttribute('data-selected-at'))!;
  const [x, y] = raw.split(',').map(Number) as [number, number];
  const box = (await map.boundingBox())!;
  return { raw, x, y, pageX: box.x + x, pageY: box.y + y };
}

/** Web Mercator pixels at a zoom, computed here independently of Leaflet. */
function mercator(lat: number, lon: number, zoom: number): { x: number; y: number } {
  const size = 256 * 2 ** zoom;
  const phi = (lat * Math.PI) / 180;
  return { x: (size * (lon + 180)) / 360, y: (size * (1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI)) / 2 };
}

test('with nothing imported or configured the bundled world map is drawn, and an online source’s tiles come through main and are drawn over it', async ({ page, host }) => {
  await page.goto(pairing(host));
  await page.keyboard.press('Alt+2');
  const map = page.getByTestId('map');
  await expect(map).toHaveAttribute('data-basemap', 'bundled');
  await expect(map).toHaveAttribute('data-world', '10m');
  await expect(map).not.toHaveAttribute('data-world-shapes', '0');
  // The land around Dezhou is drawn in the land colour, not left as sea.
  const land = await page.locator('canvas.map-world-layer').evaluate((c: HTMLCanvasElement) => {
    const ctx = c.getContext('2d')!;
    const d = ctx.getImageData(Math.round(c.width / 2), Math.round(c.height / 2), 1, 1).data;
    return [d[0], d[1], d[2], d[3]];
  });
  expect(land).toEqual([0x18, 0x22, 0x2d, 255]);

  await page.getByTestId('map-sources-toggle').click();
  // A template main would refuse is refused here first, with the reason.
  await page.getByTestId('map-source-name').fill('本地文件');
  await page.getByTestId('map-source-url').fill('file:///srv/tiles/{z}/{x}/{y}.png');
  await expect(page.getByTestId('map-source-problem')).toHaveAttribute('data-problem', 'scheme');
  await expect(page.getByTestId('map-source-save')).toBeDisabled();

  await addSource(page, '市局瓦片服务', 'wgs84');
  await expect(map).toHaveAttribute('data-basemap-kind', 'online');
  await expect(map).toHaveAttribute('data-datum', 'wgs84');
  await expect(page.getByTestId('map-gcj-note')).toHaveCount(0);
  // The page asks its own host; main asks the tile server: the page's CSP stays 'self'.
  const drawn = page.locator('.map-basemap img.leaflet-tile-loaded');
  await expect(drawn.first()).toBeVisible();
  await expect(drawn.first()).toHaveAttribute('src', /^\.\/online-tiles\/src-[0-9a-f]{8}\/\d+\/\d+\/\d+\?v=/);
  await expect.poll(() => tiles.requests.length).toBeGreaterThan(0);
  const zoom = Number(await map.getAttribute('data-zoom'));
  // The tiles asked for are around Dezhou (116.3°E, 37.45°N) at the map's zoom.
  const centre = mercator(37.45, 116.33, zoom);
  const near = tiles.requests.filter(([z, x, y]) => z === zoom && Math.abs(x - centre.x / 256) < 4 && Math.abs(y - centre.y / 256) < 4);
  expect(near.length).toBeGreaterThan(0);
  await expect(page.locator('.leaflet-control-attribution')).toContainText('© 市局瓦片服务');
  await expect(page.locator('.leaflet-control-attribution')).toContainText('Natural Earth');
  // Kept for the workstation: after a reload the same base map is shown.
  await page.reload();
  await page.keyboard.press('Alt+2');
  await expect(map).toHaveAttribute('data-basemap-kind', 'online');
});

test('on a GCJ-02 base map every mark is drawn where that map shows the place, and a right-click there reads back the stored WGS-84 position', async ({ page, host }) => {
  const stored = SEED_INCIDENTS.find((s) => s.address.includes('东方红路与三八路交叉口'))!;
  await page.goto(pairing(host));
  await page.getByTestId('incident-row').filter({ hasText: stored.address }).click();
  await page.keyboard.press('Alt+2');
  const map = page.getByTestId('map');
  await page.getByTestId('map-sources-toggle').click();
  await addSource(page, 'WGS-84 瓦片', 'wgs84');
  await expect(map).toHaveAttribute('data-datum', 'wgs84');
  const onWgs = await selectedAt(page);
  const zoom = Number(await map.getAttribute('data-zoom'));

  await addSource(page, '高德式瓦片', 'gcj02');
  await expect(map).toHaveAttribute('data-datum', 'gcj02');
  await expect(page.getByTestId('map-gcj-note')).toBeVisible();
  await expect(map).not.toHaveAttribute('data-selected-at', onWgs.raw);
  const onGcj = await selectedAt(page);
  // Moved (in the map's own pixels, whatever the header around it did) by exactly the GCJ-02
  // offset at this spot (about 500 m east-north-east), to the pixel.
  const gcj = wgs84ToGcj02({ lat: stored.lat, lon: stored.lon });
  const a = mercator(stored.lat, stored.lon, zoom);
  const b = mercator(gcj.lat, gcj.lon, zoom);
  expect(Math.abs(onGcj.x - onWgs.x - (b.x - a.x))).toBeLessThanOrEqual(1.5);
  expect(Math.abs(onGcj.y - onWgs.y - (b.y - a.y))).toBeLessThanOrEqual(1.5);
  expect(b.x - a.x).toBeGreaterThan(0.5); // a real shift at this zoom, not a rounding error

  // Zoom in on the mark (drag it to the middle, zoom in, again), then right-click exactly on it.
  await page.getByTestId('map-sources-toggle').click();
  await expect(page.getByTestId('map-sources')).toHaveCount(0);
  for (let z = zoom; z < 17; z++) {
    const at = await selectedAt(page);
    const box = (await map.boundingBox())!;
    await page.mouse.move(at.pageX, at.pageY);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.locator('.leaflet-control-zoom-in').click();
    await expect(map).toHaveAttribute('data-zoom', String(z + 1));
  }
  const at = await selectedAt(page);
  await page.mouse.click(at.pageX, at.pageY, { button: 'right' });
  const form = page.getByTestId('incident-form');
  await expect(form).toBeVisible();
  const lat = Number(await form.getByTestId('incident-form-lat').inputValue());
  const lon = Number(await form.getByTestId('incident-form-lon').inputValue());
  // Within a couple of metres of the stored position — not the ~500 m-off GCJ-02 reading.
  expect(Math.abs(lat - stored.lat)).toBeLessThan(3e-5);
  expect(Math.abs(lon - stored.lon)).toBeLessThan(3e-5);
});
