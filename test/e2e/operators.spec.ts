// Operators and roles through the browser host in Chromium: a paired browser still signs in, a
// viewer cannot dispatch (the UI disables it and main refuses a forged request), a supervisor
// exports the audit log with the actions just done and who did them, and a shift is handed over.
import fs from 'node:fs';
import { expect, pairing, test } from './fixtures';

test.describe('before anyone signs in', () => {
  test.use({ signInAs: null });

  test('a paired browser meets the sign-in screen, is told why a wrong password fails, and then sees the console as a viewer who cannot dispatch', async ({ page, host }) => {
    await page.goto(pairing(host));
    await expect(page.getByTestId('sign-in')).toBeVisible();
    await expect(page.getByTestId('incident-row')).toHaveCount(0);

    // Pairing alone reaches nothing of the city: main refuses a request from this page.
    const unsigned = await forgedRequest(page, host.url, 'incidents.list', { limit: 5 });
    expect(unsigned).toMatchObject({ ok: false, error: { code: 'signed-out' } });

    await page.getByTestId('sign-in-username').fill('viewer');
    await page.getByTestId('sign-in-password').fill('not-the-password');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('sign-in-error')).toHaveText('用户名或密码错误。');

    await page.getByTestId('sign-in-username').fill('viewer');
    await page.getByTestId('sign-in-password').fill('vigil-viewer');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('incident-row')).toHaveCount(6);
    await expect(page.getByTestId('operator')).toHaveText('赵敏');
    await expect(page.getByTestId('operator-role')).toHaveText('只读');

    // The UI: no new incident, no status change, no note; no audit log offered.
    await expect(page.getByTestId('new-incident')).toBeDisabled();
    const target = await anIncidentToDispatch(page, host.url);
    await page.getByTestId('incident-row').filter({ hasText: target.address }).click();
    const detail = page.getByTestId('incident-detail');
    await expect(detail.getByTestId('status-to-dispatched')).toBeDisabled();
    await expect(detail.getByTestId('note-input')).toBeDisabled();
    await expect(page.getByTestId('nav-audit')).toHaveCount(0);
    const incidentId = target.id;

    // Main: the same change forged from the page is refused, and the incident is unchanged.
    const forged = await forgedRequest(page, host.url, 'incidents.setStatus', { id: incidentId, to: 'dispatched' });
    expect(forged).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const after = await forgedRequest(page, host.url, 'incidents.list', { limit: 5000 });
    expect((after as { result: { id: string; status: string }[] }).result.find((i) => i.id === incidentId)?.status).toBe('new');
  });
});

test('a supervisor exports the audit log: the download holds the actions just done, with the operator’s name', async ({ page, host }) => {
  await page.goto(pairing(host));
  await expect(page.getByTestId('operator')).toHaveText('张伟');
  const target = await anIncidentToDispatch(page, host.url);
  await page.getByTestId('incident-row').filter({ hasText: target.address }).click();
  const detail = page.getByTestId('incident-detail');
  await detail.getByTestId('note-input').fill('审计导出测试：现场已封控');
  await page.keyboard.press('Enter');
  await detail.getByTestId('status-to-dispatched').click();
  await expect(detail.getByTestId('chronology-entry').filter({ hasText: '审计导出测试' })).toHaveCount(1);

  await page.keyboard.press('Alt+6');
  await expect(page.getByTestId('audit-view')).toBeVisible();
  await expect(page.getByTestId('audit-row').filter({ hasText: 'incident.note' })).toHaveCount(1);
  await page.getByTestId('audit-filter-operator').fill('张伟');
  await page.getByTestId('audit-apply').click();
  await expect(page.getByTestId('audit-row').filter({ hasText: 'incident.status' })).toHaveCount(1);

  const downloading = page.waitForEvent('download');
  await page.getByTestId('audit-export').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^vigil-audit-ws-dispatch-03-\d{14}\.csv$/);
  const bytes = fs.readFileSync((await download.path())!);
  // UTF-8 with BOM, so Excel opens the Chinese correctly.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).split('\r\n');
  expect(lines[0]).toBe('time_utc,operator_id,operator_name,workstation,action,target_kind,target_id,details');
  const note = lines.find((l) => l.includes(',incident.note,'));
  expect(note).toContain(',张伟,ws-dispatch-03,incident.note,');
  // The audit keeps which incident and how long the note was (its text is in the chronology).
  expect(note).toContain(`,incident,${target.id},`);
  expect(lines.some((l) => l.includes(`,张伟,ws-dispatch-03,incident.status,incident,${target.id},`))).toBe(true);
  expect(lines.some((l) => l.includes(',张伟,ws-dispatch-03,session.sign-in,'))).toBe(true);
  // Only rows by the filtered operator, and nothing secret.
  expect(lines.slice(1).filter(Boolean).every((l) => l.split(',')[2] === '张伟')).toBe(true);
  expect(bytes.toString('utf8')).not.toMatch(/vigil-supervisor|scrypt/);
  await expect(page.getByTestId('audit-message')).toContainText('已导出');
});

test('a shift is handed over: every window follows the incoming operator, and signing out returns them all to the sign-in screen', async ({ page, context, host }) => {
  await page.goto(pairing(host));
  await expect(page.getByTestId('operator')).toHaveText('张伟');
  const second = await context.newPage();
  await second.goto(`${host.url}?role=map#token=${host.token}`);
  await expect(second.getByTestId('operator')).toHaveText('张伟');

  await page.getByTestId('hand-over-open').click();
  await page.getByTestId('hand-over-username').fill('operator');
  await page.getByTestId('hand-over-password').fill('vigil-operator');
  await page.getByTestId('hand-over-note').fill('东风路事故未结，交警在场');
  await page.getByTestId('hand-over-submit').click();
  await expect(page.getByTestId('hand-over')).toHaveCount(0);
  await expect(page.getByTestId('operator')).toHaveText('李娜');
  await expect(second.getByTestId('operator')).toHaveText('李娜');
  await expect(page.getByTestId('operator-role')).toHaveText('接警/调度员');

  await second.getByTestId('sign-out').click();
  await expect(page.getByTestId('sign-in')).toBeVisible();
  await expect(second.getByTestId('sign-in-ended')).toHaveText('已退出登录。');
});

/** A new incident of the seeded ones, asked of main from the page. */
async function anIncidentToDispatch(page: import('@playwright/test').Page, hostUrl: string): Promise<{ id: string; address: string }> {
  const listed = (await forgedRequest(page, hostUrl, 'incidents.list', { limit: 5000 })) as { result: { id: string; status: string; address: string }[] };
  const found = listed.result.find((i) => i.status === 'new');
  if (!found) throw new Error('the seeded city has no new incident');
  return found;
}

/** A request made by hand from the page over its own /api socket, as a tampered renderer could. */
async function forgedRequest(page: import('@playwright/test').Page, hostUrl: string, method: string, params: unknown): Promise<unknown> {
  return page.evaluate(
    async ({ url, method, params }) => {
      const token = Object.values(sessionStorage).find((v) => /^[\w-]{20,}$/.test(v)) ?? '';
      const ws = new WebSocket(url);
      return new Promise((resolve, reject) => {
        ws.onopen = () => {
          ws.send(JSON.stringify({ kind: 'auth', token, protocol: 1 }));
          ws.send(JSON.stringify({ kind: 'request', id: 99, method, params }));
        };
        ws.onmessage = (e) => {
          const m = JSON.parse(String(e.data)) as { kind: string; id?: number };
          if (m.kind === 'response' && m.id === 99) {
            ws.close();
            resolve(m);
          }
        };
        ws.onerror = () => reject(new Error('socket failed'));
      });
    },
    { url: `${hostUrl.replace('http:', 'ws:')}api`, method, params },
  );
}
