import { afterEach, describe, expect, it } from 'vitest';
import { signInAs } from '../../../test/support/sign-in';
import { startTestRuntime } from '../../../test/support/runtime';
import { useTempDirs } from '../../../test/support/temp';
import type { EventEnvelope } from '../../shared/contract/envelope';
import type { Display } from '../../shared/workspace/display';
import type { Placement, WindowNow } from '../../shared/workspace/placement';
import type { WorkspaceState } from '../../shared/workspace/state';
import { dispatch } from '../api/dispatch';
import type { Runtime } from '../runtime/runtime';

const tempDir = useTempDirs();
const running: Runtime[] = [];
afterEach(async () => {
  for (const rt of running.splice(0)) await rt.close();
});

const display = (id: string, label: string, x: number, y: number, width: number, height: number, primary = false): Display => ({
  id,
  label,
  bounds: { x, y, width, height },
  workArea: { x, y, width, height: height - 40 },
  scaleFactor: 1,
  primary,
});
const left = display('left', 'HP E24 G5', -1920, 0, 1920, 1080);
const centre = display('centre', 'DELL U2723QE', 0, 0, 2560, 1440, true);
const wall = display('wall', '海信 55 寸', 2560, -720, 3840, 2160);

async function start(dataDir: string, displays: Display[] | undefined = [left, centre, wall]) {
  const rt = await startTestRuntime(dataDir, displays ? { displays } : {});
  running.push(rt);
  await signInAs(rt, 'supervisor');
  const events: EventEnvelope[] = [];
  rt.bus.subscribe((e) => e.name === 'workspace.displays' && events.push(e));
  let id = 0;
  const request = async (method: string, params: unknown) => dispatch({ kind: 'request', id: ++id, method, params }, rt.handlers, rt.log, 'test', 'test', rt.gate);
  const ok = async (method: string, params: unknown): Promise<WorkspaceState> => {
    const reply = await request(method, params);
    if (!reply.ok) throw new Error(`${method}: ${reply.error.code} ${reply.error.message}`);
    return reply.result as WorkspaceState;
  };
  return { rt, events, request, ok };
}

const where = (s: WorkspaceState) => Object.fromEntries(s.windows.map((w) => [w.key, w.displayId]));

describe('workspace requests (real runtime and database)', () => {
  it('starts from the configured displays with the console on the primary one', async () => {
    const { ok } = await start(tempDir());
    const state = await ok('workspace.displays', {});
    expect(state).toMatchObject({ source: 'configured', roles: [], absent: [] });
    expect(state.displays.map((d) => d.id)).toEqual(['left', 'centre', 'wall']);
    expect(state.windows).toEqual([{ key: 'console', role: 'console', displayId: 'centre', bounds: { x: 480, y: 250, width: 1600, height: 900 }, onAssignedDisplay: false }]);
  });

  it('saves roles, tells every window, and restores them after a restart', async () => {
    const dir = tempDir();
    const first = await start(dir);
    const state = await first.ok('workspace.setDisplayRoles', {
      displays: [
        { displayId: 'left', roles: ['console'] },
        { displayId: 'centre', roles: ['map', 'video'] },
        { displayId: 'wall', roles: ['wall-output'], wallMonitor: 'r1c2' },
      ],
    });
    expect(where(state)).toEqual({ console: 'left', map: 'centre', video: 'centre', 'wall-output:r1c2': 'wall' });
    expect(state.windows.every((w) => w.onAssignedDisplay)).toBe(true);
    expect(state.windows.find((w) => w.key === 'map')!.bounds).toEqual(centre.workArea);
    expect(first.events.map((e) => e.payload)).toEqual([state]);
    await first.rt.close();
    running.splice(running.indexOf(first.rt), 1);

    const second = await start(dir);
    const restored = await second.ok('workspace.displays', {});
    expect(restored.roles).toEqual(state.roles);
    expect(restored.windows).toEqual(state.windows);
  });

  it('refuses a display id it does not know, with the reason, and saves nothing', async () => {
    const { rt, request, events } = await start(tempDir());
    const before = await rt.store.call('counts');
    const reply = await request('workspace.setDisplayRoles', { displays: [{ displayId: 'left', roles: ['console'] }, { displayId: 'DP-9', roles: ['map'] }] });
    expect(reply).toMatchObject({ ok: false, error: { code: 'not-found', message: 'no display "DP-9" here (present: left, centre, wall)' } });
    expect(await request('workspace.setDisplayRoles', { displays: [{ displayId: 'left', roles: ['map'] }, { displayId: 'centre', roles: ['map'] }] })).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: expect.stringContaining('role map is given to two displays') },
    });
    expect(await rt.store.call('counts')).toEqual(before);
    expect(await rt.store.call('getDisplayRoles', { workstationId: 'ws-dispatch-03' })).toEqual([]);
    expect(events).toEqual([]);
  });

  it('keeps the configured displays over a browser window’s own screen, and takes the Window Management API’s screens over both', async () => {
    const { ok, events } = await start(tempDir());
    await ok('workspace.setDisplayRoles', { displays: [{ displayId: 'left', roles: ['console'] }, { displayId: 'wall', roles: ['map'] }] });
    const own = display('window', '', 0, 0, 1600, 900, true);
    expect((await ok('workspace.reportDisplays', { source: 'window', displays: [own] })).source).toBe('configured');
    expect(events).toHaveLength(1);
    // The screens as the browser sees them: the wall is not among them, so the map waits on the console's display.
    const seen = await ok('workspace.reportDisplays', { source: 'screens', displays: [{ ...left, id: 'HP E24 G5@-1920,0' }, { ...centre, id: 'DELL U2723QE@0,0' }] });
    expect(seen.source).toBe('screens');
    expect(seen.roles).toEqual([{ displayId: 'HP E24 G5@-1920,0', roles: ['console'] }]);
    expect(seen.absent.map((a) => a.id)).toEqual(['wall']);
    expect(seen.windows.map((w) => [w.key, w.displayId, w.onAssignedDisplay])).toEqual([
      ['console', 'HP E24 G5@-1920,0', true],
      ['map', 'HP E24 G5@-1920,0', false],
    ]);
    expect(events.at(-1)?.payload).toEqual(seen);
    expect((await ok('workspace.reportDisplays', { source: 'window', displays: [own] })).source).toBe('screens');
  });

  it('refuses a malformed report of screens at the boundary', async () => {
    const { request } = await start(tempDir());
    for (const displays of [[], [{ ...left, bounds: { ...left.bounds, width: 0 } }], [left, left], [{ ...left, workArea: { ...left.bounds, x: 0 } }]]) {
      expect(await request('workspace.reportDisplays', { source: 'screens', displays })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
    expect(await request('workspace.reportDisplays', { source: 'system', displays: [left] })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('has a host with windows move them on every display change, and open missing ones only at start and when roles are set', async () => {
    const { rt } = await start(tempDir(), undefined);
    const open = new Map<string, WindowNow>();
    const applied: { placements: readonly Placement[]; openMissing: boolean }[] = [];
    rt.workspace.attach({
      openWindows: () => [...open.values()],
      apply: async (placements, openMissing) => {
        applied.push({ placements, openMissing });
        for (const p of placements) if (open.has(p.key) || openMissing) open.set(p.key, { role: p.role, ...(p.monitor ? { monitor: p.monitor } : {}), bounds: p.bounds });
      },
    });
    await rt.workspace.setDisplays('system', [left, centre], true);
    expect([...open.keys()]).toEqual(['console']);
    await rt.workspace.setRoles([{ displayId: 'left', roles: ['map'] }, { displayId: 'centre', roles: ['console'] }]);
    // The console was already open on what is now its display: it keeps its size and place there.
    expect(Object.fromEntries([...open].map(([k, w]) => [k, w.bounds]))).toEqual({ console: { x: 480, y: 250, width: 1600, height: 900 }, map: left.workArea });
    // The left monitor is unplugged: the map moves to the console's display; nothing new opens.
    open.delete('console');
    await rt.workspace.setDisplays('system', [centre]);
    expect(applied.at(-1)!.openMissing).toBe(false);
    expect([...open.keys()]).toEqual(['map']);
    expect(open.get('map')!.bounds).toEqual({ x: 320, y: 180, width: 1920, height: 1040 });
    // Plugged back in: the map returns to it.
    await rt.workspace.setDisplays('system', [left, centre]);
    expect(open.get('map')!.bounds).toEqual(left.workArea);
    // The same displays again (a metrics event that changed nothing): nothing is applied.
    const count = applied.length;
    await rt.workspace.setDisplays('system', [left, centre]);
    expect(applied).toHaveLength(count);
  });

  it('reopens at start the windows that were open when the workstation stopped (or crashed), where they were', async () => {
    const dir = tempDir();
    const fakeHost = (rt: Runtime, open: Map<string, WindowNow>) =>
      rt.workspace.attach({
        openWindows: () => [...open.values()],
        apply: async (placements, openMissing) => {
          for (const p of placements) if (open.has(p.key) || openMissing) open.set(p.key, { role: p.role, ...(p.monitor ? { monitor: p.monitor } : {}), bounds: p.bounds });
        },
      });
    const first = await start(dir, undefined);
    const before = new Map<string, WindowNow>();
    fakeHost(first.rt, before);
    await first.rt.workspace.restoreOpenWindows();
    await first.rt.workspace.setDisplays('system', [left, centre], true);
    // The operator opens a map on the left monitor and a wall output, then moves the map.
    before.set('map', { role: 'map', bounds: { x: -1800, y: 100, width: 1200, height: 800 } });
    before.set('wall-output:r1c1', { role: 'wall-output', monitor: 'r1c1', bounds: { x: 100, y: 100, width: 800, height: 600 } });
    first.rt.workspace.rememberOpen([...before.values()]);
    // Written before the next start whether or not the services stopped cleanly: here, at once.
    await first.rt.workspace.flushRemembered();
    await first.rt.close();
    running.splice(running.indexOf(first.rt), 1);

    const second = await start(dir, undefined);
    const after = new Map<string, WindowNow>();
    fakeHost(second.rt, after);
    await second.rt.workspace.restoreOpenWindows();
    await second.rt.workspace.setDisplays('system', [left, centre], true);
    expect(Object.fromEntries([...after].map(([k, w]) => [k, w.bounds]))).toEqual({
      console: { x: 480, y: 250, width: 1600, height: 900 },
      map: { x: -1800, y: 100, width: 1200, height: 800 },
      'wall-output:r1c1': { x: 100, y: 100, width: 800, height: 600 },
    });

    // Started again with the left monitor gone: the map comes back on a present display.
    second.rt.workspace.rememberOpen([...after.values()]);
    await second.rt.close();
    running.splice(running.indexOf(second.rt), 1);
    const third = await start(dir, undefined);
    const again = new Map<string, WindowNow>();
    fakeHost(third.rt, again);
    await third.rt.workspace.restoreOpenWindows();
    await third.rt.workspace.setDisplays('system', [centre], true);
    expect(again.get('map')!.bounds!.x).toBeGreaterThanOrEqual(0);
    expect([...again.keys()].sort()).toEqual(['console', 'map', 'wall-output:r1c1']);
  });
});
