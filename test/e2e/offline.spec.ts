// The night the link drops: incidents arrive from the command centre; the hub goes away; the
// operator keeps working; the hub comes back and every action reaches it exactly once.
import Database from 'better-sqlite3';
import path from 'node:path';
import { expect, pairing, test } from './fixtures';

// A busy city: new incidents arrive every few seconds while the operator watches.
test.use({ hubIncidentsPerHour: 3600 });

test('the operator works through a hub outage, and every action reaches the hub once', async ({ page, linked }) => {
  test.setTimeout(120_000);
  const { hubDir } = linked;
  await page.goto(pairing(linked.host));
  const rows = page.getByTestId('incident-row');
  await expect(page.getByTestId('hub-status')).toHaveAttribute('data-state', 'online');
  await expect(rows.filter({ hasText: '东方红路与三八路交叉口' })).toHaveCount(1);
  // The city simulator keeps reporting incidents: new rows arrive without a reload.
  await expect.poll(() => rows.count(), { timeout: 30_000 }).toBeGreaterThan(6);

  // The link drops.
  await linked.stopHub();
  await expect(page.getByTestId('offline-banner')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('hub-status')).toHaveAttribute('data-state', /offline|reconnecting/);

  // The operator keeps working: a new incident by form…
  await page.getByTestId('new-incident').click();
  await page.getByTestId('incident-form-type').selectOption('fire');
  await page.getByTestId('incident-form-address').fill('德城区 停电演练路 1 号');
  await page.getByTestId('incident-form-submit').click();
  const created = rows.filter({ hasText: '德城区 停电演练路 1 号' });
  await expect(created).toHaveCount(1);
  await expect(created.getByTestId('pending-badge')).toBeVisible();
  // …and another incident's status, from its detail.
  const road = rows.filter({ hasText: '崇德五大道 建材市场门前' });
  await road.click();
  // Closing is final: the first press arms it, the second confirms.
  await page.getByTestId('status-to-closed').click();
  await expect(page.getByTestId('status-confirm')).toBeVisible();
  await page.getByTestId('status-to-closed').click();
  await expect(road).toHaveAttribute('data-status', 'closed');
  await expect(page.getByTestId('pending-actions')).toHaveText('2');

  // The hub comes back on the same address and data.
  await linked.restartHub();
  await expect(page.getByTestId('hub-status')).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
  await expect(page.getByTestId('offline-banner')).toBeHidden();
  await expect(page.getByTestId('pending-actions')).toHaveText('0');
  await expect(created.getByTestId('pending-badge')).toBeHidden();

  // On the hub, each action exactly once.
  const db = new Database(path.join(hubDir, 'hub.db'), { readonly: true });
  try {
    const made = db.prepare("SELECT id, status FROM incidents WHERE address = '德城区 停电演练路 1 号'").all();
    expect(made).toHaveLength(1);
    expect(db.prepare("SELECT status FROM incidents WHERE address LIKE '%崇德五大道 建材市场门前%'").all()).toEqual([{ status: 'closed' }]);
    const results = db.prepare("SELECT kind, outcome FROM mutation_results WHERE kind IN ('incident.create', 'incident.status') ORDER BY n").all();
    expect(results).toEqual([
      { kind: 'incident.create', outcome: 'applied' },
      { kind: 'incident.status', outcome: 'applied' },
    ]);
  } finally {
    db.close();
  }
});
