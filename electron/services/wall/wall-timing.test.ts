// Tours and scheduled presets: the service on a real database and the native engine, with its
// clock and local time injected so steps and schedules fall due when the test says.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { WallState } from '../../shared/wall';
import { EventBus } from '../api/event-bus';
import { createLogger } from '../log/logger';
import { loadNative } from '../native/addon';
import { wallLayoutEngine } from '../native/wall-layout';
import type { Store } from '../store/store';
import { WallService } from './wall-service';
import { dutyOfficer } from '../../../test/support/actors';
import { startStore } from '../../../test/support/store';
import { useTempDirs } from '../../../test/support/temp';

const tempDir = useTempDirs();
const engine = wallLayoutEngine(loadNative(path.resolve(import.meta.dirname, '../../..')));
const opened: { store: Store; wall: WallService }[] = [];
afterEach(async () => {
  for (const o of opened.splice(0)) {
    o.wall.close();
    await o.store.close();
  }
});

/** A service whose clock the test moves; local time is UTC minutes of that clock, Monday at 0. */
async function service() {
  const dir = tempDir();
  const store = await startStore(path.join(dir, 'vigil.db'));
  await store.call('registerOperator', { actor: dutyOfficer });
  const bus = new EventBus();
  let now = Date.UTC(2026, 10, 30, 7, 58); // a Monday, 07:58
  const wall = await WallService.start({
    store,
    bus,
    log: createLogger({ dir: path.join(dir, 'logs'), stderr: false }),
    actor: dutyOfficer,
    engine,
    now: () => now,
    local: (at) => ({ day: new Date(at).getUTCDay(), minute: new Date(at).getUTCHours() * 60 + new Date(at).getUTCMinutes() }),
    tickMs: 10,
  });
  opened.push({ store, wall });
  const states: WallState[] = [];
  bus.subscribe((e) => e.name === 'wall.state' && states.push(e.payload as WallState));
  /** Moves the clock and waits (bounded) for the service's next tick to have looked at it. */
  async function advance(ms: number): Promise<WallState> {
    now += ms;
    await new Promise((r) => setTimeout(r, 60));
    return wall.state();
  }
  return { wall, advance, states, store };
}

const slot = { window: 'm-r2c2', cell: { row: 0, column: 0 } };
const shownIn = (s: WallState, where = slot) => s.sources.find((x) => x.slot.window === where.window)?.source;

describe('wall tours and schedules (real database, native engine, injected clock)', () => {
  it('a tour shows each camera for its dwell, loops, survives an edit of its steps, and stops when asked', async () => {
    const { wall, advance } = await service();
    await wall.saveTour({ id: 't1', name: '路口轮巡', slot, steps: [{ kind: 'camera', cameraId: 'cam-1' }, { kind: 'camera', cameraId: 'cam-2' }, { kind: 'camera', cameraId: 'cam-3' }], dwellSeconds: 10 });
    const started = await wall.startTour('ws-1', 't1');
    expect(shownIn(started)).toMatchObject({ cameraId: 'cam-1' });
    expect(shownIn(await advance(9_000))).toMatchObject({ cameraId: 'cam-1' });
    expect(shownIn(await advance(1_000))).toMatchObject({ cameraId: 'cam-2' });
    expect(shownIn(await advance(10_000))).toMatchObject({ cameraId: 'cam-3' });
    const looped = await advance(10_000);
    expect(shownIn(looped)).toMatchObject({ cameraId: 'cam-1' });
    expect(looped.running).toEqual([expect.objectContaining({ tourId: 't1', step: 0 })]);
    expect(looped.recent.at(-1)!.by).toEqual({ workstationId: 'tour', operator: '路口轮巡' });
    await wall.saveTour({ id: 't1', name: '路口轮巡', slot, steps: [{ kind: 'camera', cameraId: 'cam-9' }], dwellSeconds: 10 });
    expect(shownIn(await advance(10_000))).toMatchObject({ cameraId: 'cam-9' });
    await wall.stopTour('t1');
    expect(shownIn(await advance(60_000))).toMatchObject({ cameraId: 'cam-9' });
    expect(wall.state().running).toEqual([]);
  });

  it('a tour whose window is removed stops by itself instead of failing on every step', async () => {
    const { wall, advance } = await service();
    await wall.edit('ws-1', { baseRevision: 0, editId: 'p', edit: { kind: 'place', window: { id: 'pip', x: 10, y: 10, width: 300, height: 200, z: 1 } } });
    await wall.saveTour({ id: 't', name: 'PIP', slot: { window: 'pip', cell: null }, steps: [{ kind: 'camera', cameraId: 'a' }, { kind: 'camera', cameraId: 'b' }], dwellSeconds: 5 });
    await wall.startTour('ws-1', 't');
    await wall.edit('ws-1', { baseRevision: wall.state().revision, editId: 'r', edit: { kind: 'remove', windowId: 'pip' } });
    expect((await advance(5_000)).running).toEqual([]);
  });

  it('a scheduled preset is recalled at its minute on its weekdays, once, and a tour can step through presets', async () => {
    const { wall, advance, store } = await service();
    await wall.push('ws-1', slot, { kind: 'camera', cameraId: 'day', quality: 'main' });
    await wall.savePreset('ws-1', { id: 'p-day', name: '白班', schedule: { times: ['08:00'], days: [1, 2, 3, 4, 5] } });
    await wall.push('ws-1', slot, { kind: 'camera', cameraId: 'night', quality: 'main' });
    await wall.savePreset('ws-1', { id: 'p-night', name: '夜班', schedule: null });
    expect(shownIn(await advance(60_000))).toMatchObject({ cameraId: 'night' }); // 07:59
    const at8 = await advance(60_000); // 08:00 Monday
    expect(shownIn(at8)).toMatchObject({ cameraId: 'day' });
    expect(at8.recent.at(-1)).toMatchObject({ kind: 'load', by: { workstationId: 'schedule' } });
    const revision = at8.revision;
    expect((await advance(30_000)).revision).toBe(revision); // not again within the minute
    // Saturday 08:00 is not on the schedule.
    await wall.recallPreset('ws-1', { id: 'p-night', baseRevision: revision, editId: 'n' });
    expect(shownIn(await advance(5 * 24 * 3600_000 - 30_000))).toMatchObject({ cameraId: 'night' });

    await wall.saveTour({ id: 'tp', name: '班次', slot: null, steps: [{ kind: 'preset', presetId: 'p-day' }, { kind: 'preset', presetId: 'p-night' }], dwellSeconds: 30 });
    expect(shownIn(await wall.startTour('ws-1', 'tp'))).toMatchObject({ cameraId: 'day' });
    expect(shownIn(await advance(30_000))).toMatchObject({ cameraId: 'night' });
    await expect(wall.removePreset('p-day')).rejects.toThrow(/tour uses this preset/);
    // Recalled presets stay in the stored history by name; only the newest keeps its layout.
    const stored = (await store.call('getWall', { workstationId: dutyOfficer.workstationId })) as { history: { edit: { kind: string; label?: string; layout?: { splits: unknown[] } } }[] };
    const loads = stored.history.filter((h) => h.edit.kind === 'load');
    expect(loads.length).toBeGreaterThanOrEqual(4);
    expect(loads.slice(0, -1).every((h) => h.edit.layout!.splits.length === 0 && h.edit.label)).toBe(true);
    expect(loads.at(-1)!.edit.layout!.splits.length).toBe(12);
  });
});
