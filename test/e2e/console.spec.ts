import fs from 'node:fs';
import path from 'node:path';
import { pairedClient } from '../support/browser-host-process';
import { DEFAULT_METADATA, writeMbtiles } from '../support/mbtiles-fixture';
import { expect, pairing, test } from './fixtures';

test('the console shows the seeded incidents in Chinese, then in English, and remembers the choice', async ({ page, host }) => {
  await page.goto(pairing(host));
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const rows = page.getByTestId('incident-row');
  await expect(rows).toHaveCount(6);
  await expect(rows.filter({ hasText: '交通事故' })).toHaveCount(1);
  await expect(rows.filter({ hasText: '东方红路与三八路交叉口' })).toHaveCount(1);
  await expect(page.getByTestId('nav-incidents')).toContainText('警情');
  await expect(page.getByText('张伟')).toBeVisible();
  await expect(page.getByText('ws-dispatch-03')).toBeVisible();
  // The token left the address bar as soon as the page read it.
  expect(page.url()).not.toContain('token=');

  await page.getByTestId('language-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(rows.filter({ hasText: 'Traffic accident' })).toHaveCount(1);
  await expect(rows.filter({ hasText: '交通事故' })).toHaveCount(0);
  await expect(page.getByTestId('nav-incidents')).toContainText('Incidents');

  // Saved per workstation in main: a reload (same tab session) comes back in English.
  await page.reload();
  await expect(page.getByTestId('incident-row').filter({ hasText: 'Traffic accident' })).toHaveCount(1);
});

test('the console is usable from the keyboard', async ({ page, host }) => {
  await page.goto(pairing(host));
  await expect(page.getByTestId('incident-row')).toHaveCount(6);
  await page.keyboard.press('Alt+3');
  await expect(page.getByTestId('nav-video')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('video-point-row')).toHaveCount(10);
  await page.keyboard.press('Alt+1');
  await expect(page.getByTestId('nav-incidents')).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('Control+Shift+L');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('a malformed request is refused with a clear error and changes nothing', async ({ page, host }) => {
  await page.goto(pairing(host));
  await expect(page.getByTestId('incident-row')).toHaveCount(6);
  const replies = await page.evaluate(async (token) => {
    const ws = new WebSocket(`ws://${location.host}/api`);
    const got: unknown[] = [];
    await new Promise((r) => (ws.onopen = r));
    ws.onmessage = (m) => got.push(JSON.parse(String(m.data)));
    ws.send(JSON.stringify({ kind: 'auth', token, protocol: 1 }));
    ws.send('{"kind":"request","id":');
    ws.send(JSON.stringify({ kind: 'request', id: 2, method: 'incidents.create', params: { type: 'arson', priority: 0, location: { lat: 200, lon: 0 } } }));
    ws.send(JSON.stringify({ kind: 'request', id: 3, method: 'db.exec', params: { sql: 'DELETE FROM incidents' } }));
    ws.send(JSON.stringify({ kind: 'request', id: 4, method: 'incidents.list', params: { limit: 100 } }));
    await new Promise<void>((resolve) => {
      const t = setInterval(() => {
        if (got.length >= 4) {
          clearInterval(t);
          resolve();
        }
      }, 20);
      setTimeout(() => {
        clearInterval(t);
        resolve();
      }, 5000);
    });
    ws.close();
    return got as Array<{ id: number | null; ok: boolean; error?: { code: string; message: string }; result?: unknown[] }>;
  }, host.token);
  const byId = (id: number | null) => replies.find((r) => r.id === id);
  expect(byId(null)).toMatchObject({ ok: false, error: { code: 'bad-request', message: 'message is not valid JSON' } });
  expect(byId(2)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  expect(byId(2)!.error!.message).toMatch(/invalid params for incidents\.create/);
  expect(byId(3)).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
  expect(byId(4)!.result).toHaveLength(6);
  // The host is still serving, and the console still shows every row.
  await page.reload();
  await expect(page.getByTestId('incident-row')).toHaveCount(6);
  expect(host.child.exitCode).toBeNull();
  // …and said so in its log, where an engineer will look.
  expect(host.output()).toContain('malformed request refused');
});

test('a browser without the right pairing token gets nothing', async ({ page, host }) => {
  await page.goto(`${host.url}#token=${'x'.repeat(43)}`);
  await expect(page.getByTestId('pairing-refused')).toBeVisible();
  await expect(page.getByTestId('incident-row')).toHaveCount(0);
  const raw = await page.evaluate(async () => {
    const ws = new WebSocket(`ws://${location.host}/api`);
    const got: string[] = [];
    ws.onmessage = (m) => got.push(String(m.data));
    await new Promise((r) => (ws.onopen = r));
    ws.send(JSON.stringify({ kind: 'auth', token: 'wrong', protocol: 1 }));
    ws.send(JSON.stringify({ kind: 'request', id: 1, method: 'incidents.list', params: {} }));
    const code = await new Promise<number>((r) => (ws.onclose = (e) => r(e.code)));
    return { code, got };
  });
  expect(raw).toEqual({ code: 4401, got: [] });
  expect(host.child.exitCode).toBeNull();
});

test('an incident created elsewhere appears at once, in queue order, without a reload', async ({ page, host }) => {
  await page.goto(pairing(host));
  const rows = page.getByTestId('incident-row');
  await expect(rows).toHaveCount(6);
  // Another window of this workstation (here a second paired client) opens a level-1 incident.
  const other = await pairedClient(host);
  const reply = await other.request('incidents.create', {
    type: 'hazardous_material',
    priority: 1,
    location: { lat: 37.44, lon: 116.33 },
    address: '德城区 晶华路 加油站',
  });
  other.ws.close();
  expect(reply).toMatchObject({ ok: true });
  await expect(rows).toHaveCount(7);
  // Open level-1 incidents lead the queue, newest first.
  await expect(rows.first()).toContainText('危化品泄漏');
  await expect(rows.first()).toContainText('德城区 晶华路 加油站');
});

test('the queue narrows by priority, status and search, from the keyboard too', async ({ page, host }) => {
  await page.goto(pairing(host));
  const rows = page.getByTestId('incident-row');
  await expect(rows).toHaveCount(6);
  await page.getByTestId('filter-priority-1').click();
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId('incident-count')).toHaveText('显示 2 / 共 6 起');
  await page.getByTestId('filter-priority-1').click();
  await page.getByTestId('filter-scope-open').click();
  await expect(rows).toHaveCount(5); // the flooding is closed
  // "/" jumps to search; the translated type finds rows too.
  await page.getByTestId('incident-queue').focus();
  await page.keyboard.press('/');
  await expect(page.getByTestId('filter-search')).toBeFocused();
  await page.keyboard.type('火灾');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('新湖大街 58 号');
  await page.getByTestId('filter-clear').click();
  await expect(rows).toHaveCount(6);
});

test('exercise mode marks every screen and every new incident; a likely duplicate is offered first', async ({ page, host }) => {
  await page.goto(pairing(host));
  await expect(page.getByTestId('incident-row')).toHaveCount(6);
  await page.getByTestId('exercise-toggle').click();
  await expect(page.getByTestId('exercise-banner')).toBeVisible();
  await page.keyboard.press('Alt+3');
  await expect(page.getByTestId('exercise-banner')).toBeVisible(); // every view, not only the queue

  // A second report of the accident at 东方红路: the form offers the existing incident.
  await page.keyboard.press('Alt+N');
  const form = page.getByTestId('incident-form');
  await expect(form.getByTestId('incident-form-exercise')).toBeChecked();
  await expect(form.getByTestId('incident-form-exercise')).toBeDisabled();
  await form.getByTestId('incident-form-type').selectOption('traffic_accident');
  await form.getByTestId('incident-form-lat').fill('37.4513');
  await form.getByTestId('incident-form-lon').fill('116.3106');
  await expect(form.getByTestId('duplicate-warning')).toContainText('东方红路与三八路交叉口');
  await form.getByTestId('duplicate-candidate').click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('incident-detail')).toContainText('东方红路与三八路交叉口');

  // A new one, elsewhere: registered as a drill.
  await page.keyboard.press('Alt+N');
  await form.getByTestId('incident-form-address').fill('德城区 演练路 9 号');
  await form.getByTestId('incident-form-submit').click();
  const drill = page.getByTestId('incident-row').filter({ hasText: '德城区 演练路 9 号' });
  await expect(drill).toHaveCount(1);
  await expect(drill).toContainText('演练');
});

test('the map plots every incident and camera offline, and lists the cameras that see the selected incident', async ({ page, host }) => {
  await page.goto(pairing(host));
  await page.getByTestId('incident-row').filter({ hasText: '东方红路与三八路交叉口' }).click();
  // The detail's mini-map shows the spot and the two cameras that see it.
  await expect(page.getByTestId('mini-map')).toHaveAttribute('data-cameras', '2');
  await page.keyboard.press('Alt+2');
  const map = page.getByTestId('map');
  // Nothing imported, nothing configured, no network: the bundled world map with grid and scale, never blank.
  await expect(map).toHaveAttribute('data-basemap', 'bundled');
  await expect(map).toHaveAttribute('data-world', '10m');
  await expect(map).not.toHaveAttribute('data-world-shapes', '0');
  await expect(map).toHaveAttribute('data-incidents', '6');
  await expect(map).toHaveAttribute('data-cameras', '10');
  await expect(page.getByTestId('map-selected-incident')).toContainText('东方红路与三八路交叉口');
  await expect(page.getByTestId('map-seeing-camera').first()).toContainText('东方红路三八路口');
  await page.getByTestId('map-layer-cameras').click();
  await expect(map).toHaveAttribute('data-cameras', '0');
});

test('the units board lists every unit with how long in its status, from the keyboard', async ({ page, host }) => {
  await page.goto(pairing(host));
  await expect(page.getByTestId('incident-row')).toHaveCount(6);
  await page.keyboard.press('Alt+U');
  const board = page.getByTestId('units-board');
  await expect(board).toBeVisible();
  await expect.poll(() => board.getByTestId('board-unit').count()).toBeGreaterThan(10);
  // Units working an incident come before free ones, each with its timer; a click opens the incident.
  const busy = board.getByTestId('board-unit').filter({ has: page.locator('button.link') }).first();
  await expect(busy).toContainText('分钟');
  const address = (await busy.locator('button.link').textContent())!;
  await busy.locator('button.link').click();
  await expect(page.getByTestId('incident-detail')).toContainText(address);
  await expect(page.getByTestId('status-timer')).toBeVisible();
  await page.keyboard.press('Alt+U');
  await expect(board).toBeHidden();
});

test('a right-click on the map starts a new incident at that spot', async ({ page, host }) => {
  await page.goto(pairing(host));
  await expect(page.getByTestId('incident-row')).toHaveCount(6);
  await page.keyboard.press('Alt+2');
  const map = page.getByTestId('map');
  await expect(map).toHaveAttribute('data-incidents', '6');
  const box = (await map.boundingBox())!;
  await page.mouse.click(box.x + box.width / 3, box.y + box.height / 2, { button: 'right' });
  const form = page.getByTestId('incident-form');
  await expect(form).toBeVisible();
  // Somewhere in the Dezhou area the map was showing, not the default city centre.
  const lat = Number(await form.getByTestId('incident-form-lat').inputValue());
  const lon = Number(await form.getByTestId('incident-form-lon').inputValue());
  expect(lat).toBeGreaterThan(36);
  expect(lat).toBeLessThan(39);
  expect(lon).toBeGreaterThan(115);
  expect(lon).toBeLessThan(118);
  expect(`${lat},${lon}`).not.toBe('37.4355,116.3575');
});

test('an operator imports an offline map from this machine; a file that is not one is refused with the reason', async ({ page, host, dataDir }) => {
  const good = path.join(dataDir, '..', `dezhou-${process.pid}.mbtiles`);
  const bad = path.join(dataDir, '..', `notes-${process.pid}.mbtiles`);
  writeMbtiles(good, { metadata: { ...DEFAULT_METADATA, name: '德州离线底图' } });
  fs.writeFileSync(bad, '这不是地图\n');
  try {
    await page.goto(pairing(host));
    await page.keyboard.press('Alt+2');
    const map = page.getByTestId('map');
    await expect(map).toHaveAttribute('data-basemap', 'bundled');
    await page.getByTestId('map-import-toggle').click();
    await page.getByTestId('map-import-path').fill(bad);
    await page.getByTestId('map-import-submit').click();
    await expect(page.getByTestId('map-import-result')).toHaveAttribute('data-ok', 'false');
    await expect(page.getByTestId('map-import-result')).toContainText('不是 SQLite 数据库');
    await expect(map).toHaveAttribute('data-basemap', 'bundled');
    await page.getByTestId('map-import-path').fill(good);
    await page.getByTestId('map-import-submit').click();
    await expect(page.getByTestId('map-import-result')).toContainText('已导入：德州离线底图');
    const id = path.basename(good, '.mbtiles');
    await expect(map).toHaveAttribute('data-basemap', id);
    await expect(page.getByTestId('map-basemap')).toHaveValue(`mbtiles:${id}`);
    await expect(page.getByTestId('map-basemap').locator('option:checked')).toHaveText('离线地图：德州离线底图');
    // Its tiles are drawn over the bundled world map, which stays beneath.
    await expect(page.locator('.map-basemap img').first()).toHaveAttribute('src', new RegExp(`tiles/${id}/`));
    await expect(map).not.toHaveAttribute('data-world', 'loading');
    // The copy is in the workstation's maps folder; the refused file was never copied.
    expect(fs.readdirSync(path.join(dataDir, 'maps')).filter((f) => !f.startsWith('.'))).toEqual([path.basename(good)]);
  } finally {
    fs.rmSync(good, { force: true });
    fs.rmSync(bad, { force: true });
  }
});

test('a repeat report is merged into the incident already open: a note there, no second incident', async ({ page, host }) => {
  await page.goto(pairing(host));
  const rows = page.getByTestId('incident-row');
  await expect(rows).toHaveCount(6);
  await page.keyboard.press('Alt+N');
  const form = page.getByTestId('incident-form');
  await form.getByTestId('incident-form-type').selectOption('traffic_accident');
  await form.getByTestId('incident-form-address').fill('三八路 路口南侧');
  await form.getByTestId('incident-form-summary').fill('第二位报警人：有人受伤');
  await form.getByTestId('incident-form-lat').fill('37.4511');
  await form.getByTestId('incident-form-lon').fill('116.3104');
  await form.getByTestId('duplicate-merge').click();
  await expect(form).toBeHidden();
  await expect(rows).toHaveCount(6);
  const detail = page.getByTestId('incident-detail');
  await expect(detail).toContainText('东方红路与三八路交叉口');
  await expect(detail.getByTestId('chronology-entry').filter({ hasText: '重复报警已并入：三八路 路口南侧；第二位报警人：有人受伤' })).toHaveCount(1);
});
