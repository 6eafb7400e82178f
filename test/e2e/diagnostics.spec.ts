// The diagnostics view (诊断) with real figures from main: the outbox grows while the hub is away,
// a backup made now is listed and verified, and a supervisor's restore puts the database back as
// it was, keeping the replaced one.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, pairing, test } from './fixtures';

async function reportIncident(page: Page, address: string): Promise<void> {
  await page.keyboard.press('Alt+N');
  await page.getByTestId('incident-form-type').selectOption('fire');
  await page.getByTestId('incident-form-address').fill(address);
  await page.getByTestId('incident-form-submit').click();
  await expect(page.getByTestId('incident-row').filter({ hasText: address })).toHaveCount(1);
}

test('diagnostics show the outbox growing while the hub is away; back up now is listed; a restore keeps the replaced database', async ({ page, linked, dataDir }) => {
  test.setTimeout(90_000);
  await page.goto(pairing(linked.host));
  await expect(page.getByTestId('hub-status')).toHaveAttribute('data-state', 'online');
  await page.keyboard.press('Alt+5');
  await expect(page.getByRole('heading', { name: '诊断' })).toBeVisible();
  await expect(page.getByTestId('nav-diagnostics')).toBeFocused();
  await expect(page.getByTestId('diag-hub-state')).toHaveText('在线');
  await expect(page.getByTestId('diag-outbox-depth')).toHaveAttribute('data-depth', '0');
  await expect(page.getByTestId('diag-data-dir')).toHaveText(dataDir);
  await expect(page.getByTestId('diag-log-file')).toHaveText(path.join(dataDir, 'logs', 'vigil.log'));
  await expect(page.getByTestId('diag-version')).toHaveText(/^\d+\.\d+\.\d+/);
  // The schedule checked and backed up the database when the services started (there was no backup).
  await expect(page.getByTestId('diag-last-check')).toContainText('正常');
  const rows = page.getByTestId('backup-row');
  await expect(rows).toHaveCount(1);
  const first = (await rows.first().getAttribute('data-name'))!;

  // The link drops; the operator keeps working; the figures follow while the view is open.
  await linked.stopHub();
  await expect(page.getByTestId('diag-hub-state')).toHaveText(/离线|重连中/, { timeout: 20_000 });
  await reportIncident(page, '德城区 诊断演练路 1 号');
  await page.keyboard.press('Alt+5');
  await expect(page.getByTestId('diag-outbox-depth')).toHaveAttribute('data-depth', '1');
  await reportIncident(page, '德城区 诊断演练路 2 号');
  await page.keyboard.press('Alt+5');
  await expect(page.getByTestId('diag-outbox-depth')).toHaveAttribute('data-depth', '2');
  await expect(page.getByTestId('diag-outbox-oldest')).not.toHaveText('—');

  // Back up now: listed, newest first, verified.
  await page.getByTestId('backup-now').click();
  await expect(page.getByTestId('backup-said')).toHaveText('已备份并校验');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('已校验');
  expect(await rows.first().getAttribute('data-name')).not.toBe(first);

  // Restore the start-up backup (asked twice, keyboard on the confirm): the two offline actions
  // are not in it; the replaced database is kept in the backups folder and listed.
  await page.locator(`[data-testid="backup-row"][data-name="${first}"]`).getByTestId('backup-restore').click();
  await expect(page.getByTestId('backup-restore-confirm')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('backup-said')).toContainText(`已从 ${first} 还原`);
  await expect(page.getByTestId('backup-said')).toContainText('2 条尚未上传的操作不会发送');
  await expect(page.getByTestId('diag-outbox-depth')).toHaveAttribute('data-depth', '0');
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: '还原时替换下的数据库' })).toHaveCount(1);
  await page.keyboard.press('Alt+1');
  await expect(page.getByTestId('incident-row').filter({ hasText: '诊断演练路' })).toHaveCount(0);

  // The hub comes back: the restored database syncs again and the workstation is online.
  await linked.restartHub();
  await expect(page.getByTestId('hub-status')).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
  expect(linked.host.output()).toContain('database restored from a backup');
});
