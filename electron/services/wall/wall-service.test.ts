// The wall service as the hosts run it: the whole runtime on a real database, the native layout
// engine, the embedded hub with its simulated cameras. Two "consoles" are two connection names,
// as two browser clients or windows would be.
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventEnvelope } from '../../shared/contract/envelope';
import type { Presence, WallState } from '../../shared/wall';
import type { Runtime } from '../runtime/runtime';
import { startTestRuntime } from '../../../test/support/runtime';
import { useTempDirs } from '../../../test/support/temp';

const tempDir = useTempDirs();
const running: Runtime[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) await r.close();
});

async function runtime(dir: string): Promise<Runtime> {
  const r = await startTestRuntime(dir);
  running.push(r);
  return r;
}

const A = { connection: 'ws-1' };
const B = { connection: 'ws-2' };
const cell = (r: number, c: number) => ({ window: `m-r${r}c${c}`, cell: { row: 0, column: 0 } });

/** Events of one name as they arrive, and a way to wait (bounded) for one that matches. */
function watch<T>(rt: Runtime, name: string) {
  const seen: T[] = [];
  rt.bus.subscribe((e: EventEnvelope) => {
    if (e.name === name) seen.push(e.payload as T);
  });
  return {
    seen,
    async until(pred: (v: T) => boolean, ms = 10_000): Promise<T> {
      for (const deadline = Date.now() + ms; Date.now() < deadline; await new Promise((r) => setTimeout(r, 25))) {
        const hit = seen.find(pred);
        if (hit) return hit;
      }
      throw new Error(`no ${name} event matched within ${ms} ms`);
    },
  };
}

describe('wall service (runtime, real database, native engine)', () => {
  it('starts with the default 3 × 4 wall, one cell per monitor, computed by the engine', async () => {
    const rt = await runtime(tempDir());
    const s = await rt.handlers['wall.state']({}, A);
    expect(s).toMatchObject({ available: true, problem: null, revision: 0, model: { rows: 3, columns: 4 } });
    expect(s.layout.splits.map((x) => x.id)).toContain('m-r3c4');
    expect(s.viewports).toHaveLength(12);
    expect(s.geometry!.monitors).toHaveLength(12);
  });

  it('two consoles: each sees the other, both concurrent moves land, the replaced one is reported, and all of it survives a restart', async () => {
    const dir = tempDir();
    const rt = await runtime(dir);
    const presence = watch<{ editors: Presence[] }>(rt, 'wall.presence');
    await rt.handlers['wall.join']({ console: { id: 'desk-a', label: '调度台1' } }, A);
    await rt.handlers['wall.join']({ console: { id: 'desk-b', label: '大屏席' } }, B);
    await rt.handlers['wall.focus']({ window: 'w1' }, A);
    const both = await presence.until((p) => p.editors.length === 2 && p.editors.some((e) => e.consoleId === 'desk-a' && e.focus === 'w1'));
    expect(both.editors.map((e) => e.label).sort()).toEqual(['大屏席', '调度台1']);

    const place = (x: number) => ({ kind: 'place' as const, window: { id: 'w1', x, y: 100, width: 800, height: 450, z: 1 } });
    const created = await rt.handlers['wall.edit']({ baseRevision: 0, editId: 'a1', edit: place(100) }, A);
    expect(created).toMatchObject({ status: 'applied', revision: 1 });
    // Both consoles saw revision 1 and move the window at the same time.
    const moveA = await rt.handlers['wall.edit']({ baseRevision: 1, editId: 'a2', edit: place(300) }, A);
    const moveB = await rt.handlers['wall.edit']({ baseRevision: 1, editId: 'b1', edit: place(900) }, B);
    expect(moveA).toMatchObject({ status: 'applied', revision: 2, overrode: [] });
    expect(moveB).toMatchObject({ status: 'applied', revision: 3, overrode: [{ revision: 2, editId: 'a2', by: { workstationId: 'desk-a' } }] });
    // The answer was lost and B sends again: recognised, not applied twice.
    expect(await rt.handlers['wall.edit']({ baseRevision: 1, editId: 'b1', edit: place(900) }, B)).toMatchObject({ status: 'duplicate', revision: 3 });

    const state = await rt.handlers['wall.state']({}, A);
    expect(state.layout.windows).toEqual([{ id: 'w1', x: 900, y: 100, width: 800, height: 450, z: 1 }]);
    expect(state.recent.find((h) => h.editId === 'a2')).toMatchObject({ overriddenBy: { revision: 3, by: { workstationId: 'desk-b' } } });
    // The window lies over monitors r1c1, r1c2 (and their neighbours below): viewports from the engine.
    expect(new Set(state.viewports.filter((v) => v.window === 'w1').map((v) => `${v.monitor.row},${v.monitor.column}`))).toEqual(new Set(['0,0', '0,1']));

    await rt.handlers['wall.push']({ slot: { window: 'w1', cell: null }, source: { kind: 'incident', incidentId: 'inc-1' } }, B);
    await rt.handlers['wall.savePreset']({ name: '白班', schedule: { times: ['08:00'], days: [1, 2, 3, 4, 5] } }, A);
    presence.seen.length = 0;
    rt.disconnected(A.connection);
    expect((await presence.until((p) => p.editors.length === 1)).editors[0]!.consoleId).toBe('desk-b');
    await rt.close();
    running.pop();

    const again = await runtime(dir);
    const restored = await again.handlers['wall.state']({}, A);
    expect(restored.revision).toBe(4);
    expect(restored.layout).toEqual(state.layout);
    expect(restored.sources).toEqual([{ slot: { window: 'w1', cell: null }, source: { kind: 'incident', incidentId: 'inc-1' } }]);
    expect(restored.presets.map((p) => [p.name, p.schedule?.times])).toEqual([['白班', ['08:00']]]);
    expect(restored.recent.find((h) => h.editId === 'a2')?.overriddenBy?.revision).toBe(3);
  });

  it('refuses a layout the engine refuses, with its reason, and leaves the running wall and the stored one unchanged', async () => {
    const rt = await runtime(tempDir());
    const before = await rt.handlers['wall.state']({}, A);
    const outside = await rt.handlers['wall.edit']({ baseRevision: 0, editId: 'x', edit: { kind: 'place', window: { id: 'far', x: 4000, y: 0, width: 2000, height: 300, z: 1 } } }, A);
    expect(outside).toMatchObject({ status: 'refused', revision: 0, refusal: { code: 'outside-wall' } });
    expect(outside.refusal!.message).toContain('far');
    const stale = await rt.handlers['wall.edit']({ baseRevision: 7, editId: 'y', edit: { kind: 'unsplit', monitor: { row: 0, column: 0 } } }, A);
    expect(stale).toMatchObject({ status: 'refused', refusal: { code: 'future-revision' } });
    const noSlot = await rt.handlers['wall.push']({ slot: { window: 'nowhere', cell: null }, source: { kind: 'camera', cameraId: 'c', quality: 'main' } }, A);
    expect(noSlot).toMatchObject({ status: 'refused', refusal: { code: 'unknown-slot' } });
    const tooSmall = await rt.handlers['wall.setModel']({ wall: { rows: 1, columns: 1, monitors: [before.model.monitors[0]!] } }, A);
    expect(tooSmall).toMatchObject({ status: 'refused', refusal: { code: 'bad-split' } });
    expect(await rt.handlers['wall.state']({}, A)).toEqual(before);
    expect(await rt.store.call('getWall', { workstationId: 'ws-dispatch-03' })).toBeUndefined();
  });

  it('a stored wall that does not parse or that the engine refuses is set aside, not lost, and the wall starts from the defaults', async () => {
    const dir = tempDir();
    const rt = await runtime(dir);
    await rt.handlers['wall.edit']({ baseRevision: 0, editId: 'a', edit: { kind: 'place', window: { id: 'w1', x: 0, y: 0, width: 100, height: 100, z: 1 } } }, A);
    await rt.close();
    running.pop();
    // Tampered on disk: a window far outside the wall (valid shape, refused by the engine).
    const db = new Database(path.join(dir, 'vigil.db'));
    const row = db.prepare("SELECT value FROM workspace_settings WHERE key = 'wall'").get() as { value: string };
    const tampered = JSON.parse(row.value) as { layout: { windows: { x: number }[] } };
    tampered.layout.windows[0]!.x = 1e6;
    db.prepare("UPDATE workspace_settings SET value = ? WHERE key = 'wall'").run(JSON.stringify(tampered));
    db.close();

    const again = await runtime(dir);
    const s = await again.handlers['wall.state']({}, A);
    expect(s.revision).toBe(0);
    expect(s.problem).toMatch(/saved wall was refused .*w1.*kept as wall\.refused\.\d+/);
    const check = new Database(path.join(dir, 'vigil.db'), { readonly: true });
    const aside = check.prepare("SELECT value FROM workspace_settings WHERE key LIKE 'wall.refused.%'").get() as { value: string };
    expect(JSON.parse(aside.value)).toEqual(tampered);
    expect(check.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'wall.refused'").get()).toEqual({ n: 1 });
    check.close();
  });

  it('alarm routing: an urgent incident puts the cameras that see it on the group; acknowledging it puts back what was there, except what an operator changed meanwhile', async () => {
    const rt = await runtime(tempDir());
    const states = watch<WallState>(rt, 'wall.state');
    // The embedded hub's simulated city: wait for its cameras to arrive by sync.
    let cameras = await rt.handlers['videoPoints.list']({ limit: 100 }, A);
    for (let i = 0; i < 200 && cameras.length < 10; i++) {
      await new Promise((r) => setTimeout(r, 50));
      cameras = await rt.handlers['videoPoints.list']({ limit: 100 }, A);
    }
    const camera = cameras.find((c) => c.online)!;
    const group = [cell(1, 1), cell(1, 2)];
    const map = { kind: 'map' as const, center: { lat: 37.45, lon: 116.3 }, zoom: 12 };
    await rt.handlers['wall.push']({ slot: group[0]!, source: map }, A);
    await rt.handlers['wall.setAlarmRoute']({ route: { enabled: true, minPriority: 2, slots: group } }, A);

    // Not urgent enough: nothing happens.
    await rt.handlers['incidents.create']({ type: 'other', priority: 3, location: camera.location, address: '东方红路', district: '德城区', summary: '一般事件', exercise: false }, A);
    const urgent = await rt.handlers['incidents.create']({ type: 'fire', priority: 1, location: camera.location, address: '新湖大街 58 号', district: '德城区', summary: '厨房起火', exercise: false }, A);
    const alarmed = await states.until((s) => s.alarms.some((a) => a.incidentId === urgent.id));
    expect(alarmed.alarms).toHaveLength(1);
    const shown = alarmed.alarms[0]!.shown;
    expect(shown[0]).toMatchObject({ slot: group[0], previous: map });
    expect(alarmed.sources).toContainEqual({ slot: group[0], source: { kind: 'camera', cameraId: shown[0]!.cameraId, quality: 'main' } });
    expect(shown.map((s) => s.cameraId)).toContain(camera.id);
    expect(alarmed.recent.at(-1)!.by).toEqual({ workstationId: 'alarm', operator: '告警联动' });

    // An operator puts something else on the second slot during the alarm: that stays.
    const theirs = { kind: 'incident' as const, incidentId: urgent.id };
    if (shown[1]) await rt.handlers['wall.push']({ slot: group[1]!, source: theirs }, B);
    states.seen.length = 0;
    await rt.handlers['incidents.setStatus']({ id: urgent.id, to: 'dispatched' }, A);
    const reverted = await states.until((s) => s.alarms.length === 0);
    expect(reverted.sources).toContainEqual({ slot: group[0], source: map });
    if (shown[1]) expect(reverted.sources).toContainEqual({ slot: group[1], source: theirs });
  });
});
