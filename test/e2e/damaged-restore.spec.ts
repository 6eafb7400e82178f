// A damaged database at start, and a checked backup in the backups folder: the damaged screen
// offers the backup as well as a fresh start; restoring it (asked twice) keeps the damaged file.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { GARBAGE_DATABASE, expect, pairing, test } from './fixtures';

test.use({ damagedDatabase: true });

// The fixture writes the damaged vigil.db; the backup must exist before the host starts too.
test.beforeEach(({ dataDir }) => {
  fs.mkdirSync(path.join(dataDir, 'backups'), { recursive: true });
  // A valid SQLite database of an older schema (0): Vigil migrates it when it opens it.
  const db = new Database(path.join(dataDir, 'backups', 'vigil-20261101-060000.db'));
  db.exec('CREATE TABLE kept_note (text TEXT)');
  db.prepare('INSERT INTO kept_note VALUES (?)').run('from the backup');
  db.close();
});

test('the damaged-database screen restores a checked backup and keeps the damaged file', async ({ page, host, dataDir }) => {
  await page.goto(pairing(host));
  await expect(page.getByTestId('store-damaged')).toBeVisible();
  const row = page.locator('[data-testid="backup-row"][data-name="vigil-20261101-060000.db"]');
  await expect(row).toBeVisible();
  // No "back up now" for a database that cannot be read.
  await expect(page.getByTestId('backup-now')).toHaveCount(0);
  await row.getByTestId('backup-restore').click();
  await expect(page.getByTestId('backup-restore-confirm')).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.getByTestId('store-damaged')).toBeHidden();
  await expect(page.getByTestId('store-status')).toHaveAttribute('data-tone', 'ok');
  await expect(page.getByTestId('incident-row')).toHaveCount(6);
  // The damaged file was moved, whole, into the backups folder.
  const aside = fs.readdirSync(path.join(dataDir, 'backups')).filter((f) => /^vigil-replaced-\d{8}-\d{6}\.db$/.test(f));
  expect(aside).toHaveLength(1);
  expect(fs.readFileSync(path.join(dataDir, 'backups', aside[0]!))).toEqual(GARBAGE_DATABASE);
  expect(host.output()).toContain('database restored from a backup');
});
