import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startTestRuntime } from '../../../test/support/runtime';
import { useTempDirs } from '../../../test/support/temp';
import { signInAs } from '../../../test/support/sign-in';
import { dispatch } from './dispatch';
import type { Runtime } from '../runtime/runtime';

const tempDir = useTempDirs();
const running: Runtime[] = [];
afterEach(async () => {
  for (const rt of running.splice(0)) await rt.close();
});

async function start(dataDir: string) {
  const rt = await startTestRuntime(dataDir, { maintenance: { schedule: true } });
  running.push(rt);
  // Restoring a backup is the supervisor's (permissions.ts); the other requests are anyone's.
  await signInAs(rt, 'supervisor');
  let id = 0;
  const request = (method: string, params: unknown) => dispatch({ kind: 'request', id: ++id, method, params }, rt.handlers, rt.log, 'test', 'test', rt.gate);
  return { rt, request };
}

const grid = { grid: 9, tiles: { '9': ['cam-1', null, null, null, 'cam-2', null, null, null, null] } };

describe('running-for-months requests (real runtime and database, through dispatch)', () => {
  it('answers diagnostics with real figures, schema-checked, and no stream address', async () => {
    const dir = tempDir();
    const { request } = await start(dir);
    const reply = await request('diagnostics.get', {});
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    const d = reply.result as { dataDir: string; database: { state: string; size: number; path: string }; log: { file: string }; sync: { outboxDepth: number; cursors: unknown[] } };
    expect(d.dataDir).toBe(dir);
    expect(d.database).toMatchObject({ state: 'ready', path: path.join(dir, 'vigil.db') });
    expect(d.database.size).toBe(fs.statSync(path.join(dir, 'vigil.db')).size);
    expect(d.log.file).toBe(path.join(dir, 'logs', 'vigil.log'));
    expect(d.sync.cursors).toHaveLength(2);
    expect(JSON.stringify(reply.result)).not.toMatch(/rtsp:\/\/|srt:\/\/|password/i);
  });

  it('keeps a window state across a restart, and keeps aside (audited) a stored one that was tampered with', async () => {
    const dir = tempDir();
    const first = await start(dir);
    expect(await first.request('workspace.windowState', { role: 'console' })).toMatchObject({ ok: true, result: null });
    await first.request('workspace.saveWindowState', { role: 'console', state: { view: 'video', selectedIncidentId: 'inc-1', video: grid } });
    // Held by main at once, before it is written.
    expect(await first.request('workspace.windowState', { role: 'console' })).toMatchObject({ ok: true, result: { view: 'video', video: grid } });
    const refused = await first.request('workspace.saveWindowState', { role: 'console', state: { view: 'video', selectedIncidentId: null, video: { grid: 7, tiles: {} } } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    await first.rt.close();
    running.splice(0);

    const second = await start(dir);
    expect(await second.request('workspace.windowState', { role: 'console' })).toMatchObject({ ok: true, result: { view: 'video', selectedIncidentId: 'inc-1', video: grid } });
    // Someone edits the stored value by hand: the window starts as new, nothing stored is lost.
    await second.rt.close();
    running.splice(0);
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(path.join(dir, 'vigil.db'));
    db.prepare("UPDATE workspace_settings SET value = ? WHERE key = 'window.console'").run(JSON.stringify({ view: 'nowhere' }));
    db.close();
    const third = await start(dir);
    expect(await third.request('workspace.windowState', { role: 'console' })).toMatchObject({ ok: true, result: null });
    await third.rt.close();
    running.splice(0);
    const check = new Database(path.join(dir, 'vigil.db'), { readonly: true });
    const aside = check.prepare("SELECT key, value FROM workspace_settings WHERE key LIKE 'window.console.refused-%'").all() as Array<{ key: string; value: string }>;
    const audit = check.prepare("SELECT target_id FROM audit_log WHERE action = 'workspace.window-state-refused'").all();
    check.close();
    expect(aside.map((a) => JSON.parse(a.value) as unknown)).toEqual([{ view: 'nowhere' }]);
    expect(audit).toEqual([{ target_id: aside[0]!.key }]);
  });

  it('backs up at start when there is no backup, on request, and refuses a restore name that is a path', async () => {
    const dir = tempDir();
    const { request } = await start(dir);
    const listed = async () => ((await request('backups.list', {})) as { ok: true; result: { backups: Array<{ name: string; check: { ok: boolean } | null }> } }).result.backups;
    // The schedule's first run (there was no backup) comes as the services start.
    await vi.waitFor(async () => expect(await listed()).toHaveLength(1), { timeout: 10_000 });
    const made = await request('backups.run', {});
    expect(made).toMatchObject({ ok: true, result: { kind: 'backup', check: { ok: true } } });
    expect((await listed()).map((b) => b.check?.ok)).toEqual([true, true]);
    expect(await request('backups.restore', { name: '../vigil.db', confirm: true })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await request('backups.restore', { name: 'vigil-20200101-000000.db' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await request('backups.restore', { name: 'vigil-20200101-000000.db', confirm: true })).toMatchObject({ ok: true, result: { ok: false, reason: 'not-found' } });
  });
});
