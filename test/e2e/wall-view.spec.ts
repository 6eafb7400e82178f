// The wall view end to end against the real browser host and its native layout engine: two
// consoles (two browser contexts, so two console ids) editing one wall, presets, refusals,
// tours and the installer's settings.
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
import type { HostProcess } from '../support/browser-host-process';
import { expect, pairing, test } from './fixtures';

type Console = { context: BrowserContext; page: Page; label: string };

/** A console on the wall view, named for the other consoles to see. */
async function openConsole(browser: Browser, host: HostProcess, label: string, setup?: (context: BrowserContext) => Promise<void>): Promise<Console> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1600, height: 900 } });
  await setup?.(context);
  const page = await context.newPage();
  await page.goto(pairing(host));
  await page.locator('#nav-wall').click();
  await page.getByTestId('wall-canvas').waitFor();
  await page.getByTestId('wall-console-name').fill(label);
  await page.getByTestId('wall-rename').click();
  await expect(page.getByTestId('wall-editor').filter({ hasText: label })).toBeVisible();
  return { context, page, label };
}

const revision = async (page: Page) => Number(await page.getByTestId('wall-canvas').getAttribute('data-revision'));

async function geometry(window: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const [x, y, width, height] = await Promise.all(['data-x', 'data-y', 'data-width', 'data-height'].map(async (a) => Number(await window.getAttribute(a))));
  return { x: x!, y: y!, width: width!, height: height! };
}

/** Drags an element's centre by (dx, dy) screen pixels with the mouse, in steps as a hand would. */
async function drag(page: Page, target: Locator, dx: number, dy: number): Promise<void> {
  const box = (await target.boundingBox())!;
  const x = box.x + box.width / 2, y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 4 });
  await page.mouse.move(x + dx, y + dy, { steps: 4 });
  await page.mouse.up();
}

test('two consoles edit one wall: each sees the other at work, and concurrent moves of one window both land', async ({ browser, host }) => {
  const a = await openConsole(browser, host, '调度台1');
  // Console B's wire can be held: what main sends it waits until released, so B works on an older wall.
  let holding = false;
  const held: (() => void)[] = [];
  const b = await openConsole(browser, host, '大屏席', (context) =>
    context.routeWebSocket(/\/api$/, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((m) => server.send(m));
      server.onMessage((m) => (holding ? held.push(() => ws.send(m)) : ws.send(m)));
    }),
  );
  try {
    await expect(a.page.getByTestId('wall-editor').filter({ hasText: '张伟 · 大屏席' })).toBeVisible();

    // A opens a window (N) and drags it right and down.
    await a.page.getByTestId('wall-canvas').focus();
    await a.page.keyboard.press('n');
    const windowA = a.page.getByTestId('wall-window');
    await expect(windowA).toHaveCount(1);
    const opened = await geometry(windowA);
    await drag(a.page, windowA, 120, 60);
    await expect.poll(async () => (await geometry(windowA)).x).toBeGreaterThan(opened.x + 300);
    const movedByA = await geometry(windowA);
    expect(movedByA.width).toBe(opened.width);

    // B sees the window where A put it, and sees A at work on it.
    const windowB = b.page.getByTestId('wall-window');
    await expect.poll(() => geometry(windowB)).toEqual(movedByA);
    const outline = b.page.getByTestId('wall-presence-outline');
    await expect(outline).toHaveAttribute('data-focus', (await windowA.getAttribute('data-slot'))!);
    await expect(outline).toContainText('张伟 · 调度台1 正在编辑');
    await expect(b.page.getByTestId('wall-editor').filter({ hasText: '张伟 · 调度台1' })).toContainText('正在编辑 窗口');

    // Both move it at once: B's move is made on the wall before A's.
    await windowB.click();
    const base = await revision(b.page);
    holding = true;
    await a.page.getByTestId('wall-canvas').focus();
    await a.page.keyboard.press('ArrowDown');
    await expect.poll(() => revision(a.page)).toBe(base + 1);
    await b.page.getByTestId('wall-canvas').focus();
    await b.page.keyboard.press('ArrowRight');
    await expect.poll(() => revision(a.page)).toBe(base + 2);
    holding = false;
    for (const send of held.splice(0)) send();

    // The later one shows on both consoles ...
    const final = { ...movedByA, x: movedByA.x + 10 };
    await expect.poll(() => geometry(windowA)).toEqual(final);
    await expect.poll(() => geometry(windowB)).toEqual(final);
    // ... A is told its change was replaced, and by whom; B that it replaced A's.
    const told = a.page.getByTestId('wall-outcome').filter({ hasText: `你的修改 r${base + 1} 已被 张伟 · 大屏席 的修改替换（r${base + 2}）` });
    await expect(told).toHaveAttribute('data-kind', 'overridden');
    await expect(b.page.getByTestId('wall-outcome').filter({ hasText: '替换了 张伟 · 调度台1 刚做的修改' })).toHaveAttribute('data-kind', 'overrode');
    // Both changes are in the history, A's marked as replaced.
    await a.page.getByTestId('wall-tab-history').click();
    await expect(a.page.locator(`[data-testid="wall-history-item"][data-revision="${base + 1}"]`)).toHaveAttribute('data-overridden', 'true');
    await expect(a.page.locator(`[data-testid="wall-history-item"][data-revision="${base + 1}"]`)).toContainText(`已被 张伟 · 大屏席 替换（r${base + 2}）`);
    await expect(a.page.locator(`[data-testid="wall-history-item"][data-revision="${base + 2}"]`)).toHaveAttribute('data-overridden', 'false');

    // A puts its change back: its move, made again on the wall as it is now.
    await told.getByTestId('wall-put-back').click();
    const restored = { ...movedByA, y: movedByA.y + 10 };
    await expect.poll(() => geometry(windowB)).toEqual(restored);
    await expect.poll(() => geometry(windowA)).toEqual(restored);
  } finally {
    await a.context.close();
    await b.context.close();
  }
});

test('a preset brings the wall back; a refused edit says why and changes nothing', async ({ page, host }) => {
  await page.goto(pairing(host));
  await page.locator('#nav-wall').click();
  const canvas = page.getByTestId('wall-canvas');
  await canvas.waitFor();

  // A camera dropped on the top-left monitor, a window opened on the next one and given another.
  const cameras = page.getByTestId('wall-camera-row');
  const first = (await cameras.nth(0).locator('.camera-name').textContent())!;
  const second = (await cameras.nth(1).locator('.camera-name').textContent())!;
  const cell = page.locator('[data-testid="wall-cell"][data-slot="m-r1c1#0.0"]');
  await cameras.nth(0).dragTo(cell);
  await expect(cell).toContainText(first);
  await page.locator('[data-testid="wall-cell"][data-slot="m-r1c2#0.0"]').click();
  await page.keyboard.press('n');
  const window = page.getByTestId('wall-window');
  await expect(window).toHaveCount(1);
  await cameras.nth(1).press('Enter');
  await expect(window).toContainText(second);
  await canvas.focus();
  const narrowed = (await revision(page)) + 1;
  await page.keyboard.press('Shift+ArrowLeft');
  await expect.poll(() => revision(page)).toBe(narrowed);
  const saved = await geometry(window);

  await page.getByTestId('wall-preset-name').fill('日常布局');
  await page.getByTestId('wall-preset-save').click();
  const preset = page.getByTestId('wall-preset').filter({ hasText: '日常布局' });
  await expect(preset).toBeVisible();

  // The wall changed: the window removed, the cell emptied, the monitor split 2×2.
  await window.click();
  await page.keyboard.press('Delete');
  await expect(window).toHaveCount(0);
  await cell.click();
  await page.keyboard.press('Delete');
  await expect(cell).toHaveAttribute('data-content', 'empty');
  await page.keyboard.press('2');
  await expect(page.locator('[data-testid="wall-cell"][data-slot^="m-r1c1#"]')).toHaveCount(4);

  // Recalled (Enter on the preset): the wall as it was saved.
  await preset.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-testid="wall-cell"][data-slot^="m-r1c1#"]')).toHaveCount(1);
  await expect(cell).toContainText(first);
  await expect(window).toHaveCount(1);
  await expect(window).toContainText(second);
  expect(await geometry(window)).toEqual(saved);

  // A window typed to lie outside the wall: refused with the reason, the wall unchanged.
  const before = await revision(page);
  await window.click();
  await page.getByTestId('wall-window-x').fill('99999');
  await page.getByTestId('wall-window-x').press('Enter');
  await expect(page.getByTestId('wall-outcome').filter({ hasText: '修改未被接受：窗口超出大屏范围' })).toHaveAttribute('data-kind', 'refused');
  await expect.poll(() => geometry(window)).toEqual(saved);
  expect(await revision(page)).toBe(before);
});

test('a tour steps through cameras in a cell; a monitor without output is drawn so and its windows flagged', async ({ page, host }) => {
  await page.goto(pairing(host));
  await page.locator('#nav-wall').click();
  await page.getByTestId('wall-canvas').waitFor();
  const names = await page.getByTestId('wall-camera-row').locator('.camera-name').allTextContents();

  // A tour of two cameras on r2c2, 5 s each.
  const cell = page.locator('[data-testid="wall-cell"][data-slot="m-r2c2#0.0"]');
  await cell.click();
  await page.getByTestId('wall-tab-tours').click();
  await page.getByTestId('wall-tour-new').click();
  await page.getByTestId('wall-tour-name').fill('重点路口轮巡');
  await page.getByTestId('wall-tour-use-selected').click();
  await expect(page.getByTestId('wall-tour-slot')).toHaveText('r2c2');
  for (const name of names.slice(0, 2)) {
    await page.getByTestId('wall-tour-camera-search').fill(name);
    await page.getByTestId('wall-tour-camera-search').press('Enter');
  }
  await expect(page.getByTestId('wall-tour-step')).toHaveCount(2);
  await page.getByTestId('wall-tour-dwell').fill('5');
  await page.getByTestId('wall-tour-save').click();
  const tour = page.getByTestId('wall-tour').filter({ hasText: '重点路口轮巡' });
  await tour.getByTestId('wall-tour-start').click();
  await expect(tour.getByTestId('wall-tour-running')).toContainText('轮巡中 · 第 1/2 步');
  await expect(cell).toContainText(names[0]!);
  await expect(cell).toContainText('轮巡');
  await expect(tour.getByTestId('wall-tour-running')).toContainText('第 2/2 步', { timeout: 10_000 });
  await expect(cell).toContainText(names[1]!);
  await tour.getByTestId('wall-tour-stop').click();
  await expect(tour).toHaveAttribute('data-running', 'false');

  // Keyboard: Tab from the drawing's start selects the first cell, an arrow the one to its right, Tab the next.
  await page.getByTestId('wall-canvas').focus();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('wall-canvas')).toHaveAttribute('aria-activedescendant', 'wall-slot-m-r1c1_0_0');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('wall-canvas')).toHaveAttribute('aria-activedescendant', 'wall-slot-m-r1c2_0_0');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('wall-canvas')).toHaveAttribute('aria-activedescendant', 'wall-slot-m-r1c4_0_0');

  // A window across r1c1 and r1c2; then r1c2's output goes missing in the installer's settings.
  await page.locator('[data-testid="wall-cell"][data-slot="m-r1c1#0.0"]').click();
  await page.keyboard.press('n');
  const window = page.getByTestId('wall-window');
  await page.getByTestId('wall-window-x').fill('600');
  await page.getByTestId('wall-window-x').press('Enter');
  await expect.poll(async () => Number(await window.getAttribute('data-x'))).toBe(600);
  // Its bottom-right corner dragged in: smaller, its top-left corner where it was.
  const before = await geometry(window);
  await drag(page, window.locator('[data-testid="wall-handle"][data-corner="se"]'), -60, -40);
  await expect.poll(async () => (await geometry(window)).width).toBeLessThan(before.width - 200);
  expect(await geometry(window)).toMatchObject({ x: before.x, y: before.y });
  expect((await geometry(window)).height).toBeLessThan(before.height - 100);
  await page.getByTestId('wall-tab-model').click();
  await page.locator('[data-testid="wall-model-present"][data-monitor="r1c2"]').click();
  await page.getByTestId('wall-model-apply').click();
  await expect(page.locator('[data-testid="wall-monitor"][data-monitor="r1c2"]')).toHaveAttribute('data-present', 'false');
  await expect(page.getByTestId('wall-monitor-missing')).toHaveText('r1c2 无输出');
  await expect(window).toContainText('部分画面不可见');

  // A wall the layout does not fit (one column, with splits on the other three) is refused, and the form says why.
  await page.getByTestId('wall-model-columns').fill('1');
  await page.getByTestId('wall-model-apply').click();
  await expect(page.getByTestId('wall-model-refusal')).toContainText('修改未被接受');
  await expect(page.getByTestId('wall-monitor')).toHaveCount(12);
});
