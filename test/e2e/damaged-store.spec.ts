import fs from 'node:fs';
import path from 'node:path';
import { GARBAGE_DATABASE, expect, pairing, test } from './fixtures';

test.use({ damagedDatabase: true });

test('a damaged database is reported, kept, and replaced only when the operator confirms', async ({ page, host, dataDir }) => {
  const file = path.join(dataDir, 'vigil.db');
  await page.goto(pairing(host));
  const screen = page.getByTestId('store-damaged');
  await expect(screen).toBeVisible();
  await expect(screen).toContainText('数据库文件已损坏');
  await expect(page.getByTestId('store-damaged-path')).toHaveText(file);
  await expect(page.getByTestId('store-status')).toHaveAttribute('data-tone', 'bad');
  await expect(page.getByTestId('incident-row')).toHaveCount(0);

  // Nothing happens to the file until the operator has confirmed; cancelling changes nothing.
  await page.getByTestId('store-recover').click();
  await page.getByRole('button', { name: '取消' }).click();
  await page.reload();
  await expect(screen).toBeVisible();
  expect(fs.readFileSync(file)).toEqual(GARBAGE_DATABASE);

  // Keyboard: the first button has focus, Enter asks, Enter again (on the focused confirm) acts.
  await page.getByTestId('store-recover').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('store-recover-confirm')).toBeFocused();
  await page.keyboard.press('Enter');

  const notice = page.getByTestId('notice-recovered');
  await expect(notice).toBeVisible();
  await expect(page.getByTestId('incident-row')).toHaveCount(6);
  await expect(page.getByTestId('store-status')).toHaveAttribute('data-tone', 'ok');
  // The damaged file was moved aside with every byte, never deleted, and the notice says where.
  const aside = fs.readdirSync(dataDir).filter((f) => f.startsWith('vigil.db.damaged-') && !f.endsWith('-wal') && !f.endsWith('-shm'));
  expect(aside).toHaveLength(1);
  expect(fs.readFileSync(path.join(dataDir, aside[0]!))).toEqual(GARBAGE_DATABASE);
  await expect(notice).toContainText(aside[0]!);
  expect(host.output()).toContain('damaged database moved aside at operator request');
});
