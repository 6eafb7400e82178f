// The dispatch flow an operator runs all shift: an incident arrives from the command centre's
// simulated city while the operator watches, is opened, the recommended unit sent, the incident
// moved through to closed; every step is in the chronology and on the hub — online, and again
// through a hub outage.
import Database from 'better-sqlite3';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { SEED_INCIDENTS } from '../../electron/hub/city';
import { expect, pairing, test } from './fixtures';

/**
 * The hub's city for this test: with this seed and rate the simulator (deterministic for a seed,
 * one step every 5 s) brings exactly one new incident at its first step, leaves it untouched
 * (status new) for the next 14 steps — over a minute for the operator to take it, after which
 * the simulator leaves it alone — and brings no other in its first 40 steps. Found by running
 * the simulator with these options; electron/hub/simulator.test.ts covers its determinism.
 */
test.use({ hubIncidentsPerHour: 60, hubSimSeed: 46 });

const SEEDED = new RegExp(SEED_INCIDENTS.map((s) => s.address.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));


/** Open the incident, follow its plan, send the best-suited unit, then en route → on scene → closed. */
async function workIncident(page: Page, address: string): Promise<void> {
  const row = page.getByTestId('incident-row').filter({ hasText: address });
  await row.click();
  const detail = page.getByTestId('incident-detail');
  await expect(detail).toContainText(address);
  const steps = detail.getByTestId('plan-step');
  const recordNext = async (action: 'plan-step-done' | 'plan-step-skip') => {
    const open = await detail.getByTestId('plan-step-done').count();
    await detail.getByTestId(action).first().click();
    await expect(detail.getByTestId('plan-step-done')).toHaveCount(open - 1);
  };
  await recordNext('plan-step-done'); // verify the report
  await expect(steps.first()).toHaveAttribute('data-state', 'done');
  const best = detail.getByTestId('recommended-unit').first();
  await expect(best).toBeVisible();
  const unitName = (await best.locator('.unit-name').textContent())!;
  await best.getByTestId('assign-recommended').click();
  await expect(detail.getByTestId('assigned-unit').filter({ hasText: unitName })).toBeVisible();
  await recordNext('plan-step-done'); // unit sent
  await recordNext('plan-step-skip'); // a step not needed this time: recorded as skipped, flagged
  await expect(steps.nth(2)).toHaveAttribute('data-state', 'skipped');
  for (const to of ['en_route', 'on_scene'] as const) {
    await detail.getByTestId(`status-to-${to}`).click();
    await expect(row).toHaveAttribute('data-status', to);
  }
  await detail.getByTestId('status-to-closed').click();
  await detail.getByTestId('status-to-closed').click(); // final: confirmed by a second press
  await expect(row).toHaveAttribute('data-status', 'closed');
  const callsign = unitName.split(' · ')[0]!;
  await expect(detail.getByTestId('chronology-entry').filter({ hasText: callsign }).first()).toBeVisible();
}

async function hubEvents(hubDir: string, address: string): Promise<string[]> {
  const db = new Database(path.join(hubDir, 'hub.db'), { readonly: true });
  try {
    return (
      db
        .prepare("SELECT e.kind, coalesce(json_extract(e.payload, '$.to'), json_extract(e.payload, '$.outcome')) AS ts FROM events e JOIN incidents i ON i.id = e.incident_id WHERE i.address LIKE ? AND e.workstation_id = 'ws-dispatch-03' ORDER BY e.seq")
        .all(`%${address}%`) as { kind: string; ts: string | null }[]
    ).map((e) => (e.ts ? `${e.kind}:${e.ts}` : e.kind));
  } finally {
    db.close();
  }
}

async function creator(hubDir: string, address: string): Promise<string> {
  const db = new Database(path.join(hubDir, 'hub.db'), { readonly: true });
  try {
    return (db.prepare("SELECT e.workstation_id AS w FROM events e JOIN incidents i ON i.id = e.incident_id WHERE i.address = ? AND e.kind = 'created'").get(address) as { w: string }).w;
  } finally {
    db.close();
  }
}

test('an operator takes an incident as it arrives from the command centre and works it to closed, then another through a hub outage', async ({ page, linked }) => {
  test.setTimeout(150_000);
  const { hubDir } = linked;
  await page.goto(pairing(linked.host));
  await expect(page.getByTestId('hub-status')).toHaveAttribute('data-state', 'online');
  await expect(page.getByTestId('incident-row').filter({ hasText: SEEDED })).toHaveCount(6);

  // Online: a new incident arrives from the hub's simulated city while the operator watches.
  const arrived = page.getByTestId('incident-row').filter({ hasNotText: SEEDED });
  await expect(arrived).toHaveCount(1, { timeout: 30_000 });
  await expect(arrived).toHaveAttribute('data-status', 'new');
  const address = (await arrived.locator('.address').textContent())!.trim();
  await workIncident(page, address);
  await expect(page.getByTestId('pending-actions')).toHaveText('0', { timeout: 20_000 });
  expect(await hubEvents(hubDir, address)).toEqual(['plan_step:done', 'assign', 'plan_step:done', 'plan_step:skipped', 'status:en_route', 'status:on_scene', 'status:closed', 'release']);
  // Created by the city, everything after by this workstation: the simulator left it to the operator.
  expect(await creator(hubDir, address)).toBe('hub');

  // Through an outage: the traffic accident, worked while the hub is down.
  await linked.stopHub();
  await expect(page.getByTestId('offline-banner')).toBeVisible({ timeout: 20_000 });
  await workIncident(page, '东方红路与三八路交叉口');
  await expect(page.getByTestId('pending-actions')).toHaveText('7');
  await linked.restartHub();
  await expect(page.getByTestId('hub-status')).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
  await expect(page.getByTestId('pending-actions')).toHaveText('0');
  expect(await hubEvents(hubDir, '东方红路与三八路交叉口')).toEqual(['plan_step:done', 'assign', 'plan_step:done', 'plan_step:skipped', 'status:en_route', 'status:on_scene', 'status:closed', 'release']);
  // The chronology, now confirmed by the hub, shows every step and nothing pending.
  const entries = page.getByTestId('incident-detail').getByTestId('chronology-entry');
  await expect(entries.filter({ has: page.locator('[data-pending="true"]') })).toHaveCount(0);
  await expect(page.getByTestId('incident-detail').locator('[data-testid="chronology-entry"][data-pending="true"]')).toHaveCount(0);
  expect(await entries.count()).toBeGreaterThanOrEqual(9); // created, 3 plan steps, assign, 3 statuses, release
});
