import { describe, expect, it } from 'vitest';
import type { EventEnvelope, ResponseEnvelope } from '../../../electron/shared/contract/envelope';
import type { SessionInfo } from '../../../electron/shared/contract/status';
import type { Display } from '../../../electron/shared/workspace/display';
import type { WorkspaceState } from '../../../electron/shared/workspace/state';
import { Transport, type Wire } from '../transport/transport';
import { useConsole } from './console-store';
import { linkWorkspace, type ScreensEnv } from './workspace-link';
import { useWorkspace, type ScreenAccess } from './workspace-store';

const own: Display = { id: 'screen@0,0', label: '', bounds: { x: 0, y: 0, width: 1600, height: 900 }, workArea: { x: 0, y: 0, width: 1600, height: 900 }, scaleFactor: 1, primary: true };
const second: Display = { ...own, id: 'HP@1600,0', label: 'HP', bounds: { ...own.bounds, x: 1600 }, workArea: { ...own.workArea, x: 1600 }, primary: false };
const stateOf = (source: WorkspaceState['source'], displays: Display[]): WorkspaceState => ({ source, displays, roles: [], absent: [], windows: [] });

/** Main as the link sees it: answers the workspace requests, records them, pushes events. */
function fakeMain() {
  const calls: { method: string; params: Record<string, unknown> }[] = [];
  const listeners = new Set<(e: EventEnvelope) => void>();
  const wire: Wire = {
    async send(env) {
      const params = env.params as Record<string, unknown>;
      calls.push({ method: env.method, params });
      const result = env.method === 'workspace.reportDisplays' ? stateOf(params.source as 'window', params.displays as Display[]) : stateOf('configured', [own]);
      return { kind: 'response', id: env.id, ok: true, result } satisfies ResponseEnvelope;
    },
    onEvent: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    onLinkState: () => () => undefined,
  };
  return { transport: new Transport(wire), calls, emit: (payload: WorkspaceState) => listeners.forEach((l) => l({ kind: 'event', name: 'workspace.displays', payload })) };
}

function env(role: ScreensEnv['role'], access: ScreenAccess, after: ScreenAccess = access): ScreensEnv & { asked: number } {
  let asked = 0;
  return {
    role,
    get asked() {
      return asked;
    },
    access: async () => (asked ? after : access),
    screens: async () => {
      asked++;
      return after === 'granted' ? [own, second] : null;
    },
    ownScreen: () => [own],
  };
}

const session = (host: SessionInfo['host']): SessionInfo => ({
  actor: { operatorId: 'op-zw', operatorName: '张伟', workstationId: 'ws-dispatch-03' },
  signIn: { operator: { id: 'op-zw', username: 'operator', name: '张伟', role: 'operator', via: 'hub', signedInAt: 0, expiresAt: 1 }, ended: null },
  host,
  language: 'zh-CN',
  version: '0.1.0',
  store: { state: 'ready', schemaVersion: 20, path: '/tmp/vigil.db' },
  hub: { configured: true, embedded: true, url: null, state: 'online', problem: null, lastSyncAt: null, pendingActions: 0, rejectedActions: 0, bootstrap: null, clockSkewMs: null },
});
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('workspace link', () => {
  it('in a browser, the console reports its own screen when it may not list them all, and every screen once allowed', async () => {
    const main = fakeMain();
    const screens = env('console', 'prompt', 'granted');
    const link = linkWorkspace(main.transport, screens);
    useConsole.getState().setSession(session('browser'));
    await settle();
    expect(main.calls.map((c) => [c.method, c.params.source])).toEqual([
      ['workspace.displays', undefined],
      ['workspace.reportDisplays', 'window'],
    ]);
    expect(screens.asked).toBe(0); // never a permission prompt the operator did not ask for
    expect(useWorkspace.getState()).toMatchObject({ access: 'prompt', state: { source: 'window' } });

    await link.detectScreens();
    expect(main.calls.at(-1)).toEqual({ method: 'workspace.reportDisplays', params: { source: 'screens', displays: [own, second] } });
    expect(useWorkspace.getState()).toMatchObject({ access: 'granted', state: { source: 'screens' } });
    main.emit(stateOf('screens', [second]));
    expect(useWorkspace.getState().state?.displays).toEqual([second]);
  });

  it('lists every screen at once where the operator already allowed it; role windows and Electron report nothing', async () => {
    const granted = fakeMain();
    linkWorkspace(granted.transport, env('console', 'granted'));
    const roleWindow = fakeMain();
    linkWorkspace(roleWindow.transport, env('map', 'granted'));
    useConsole.getState().setSession(session('browser'));
    await settle();
    expect(granted.calls.at(-1)?.params.source).toBe('screens');
    expect(roleWindow.calls.map((c) => c.method)).toEqual(['workspace.displays']);

    const electron = fakeMain();
    linkWorkspace(electron.transport, env('console', 'granted'));
    useConsole.getState().setSession(session('electron'));
    await settle();
    expect(electron.calls.map((c) => c.method)).toEqual(['workspace.displays']);
  });
});
