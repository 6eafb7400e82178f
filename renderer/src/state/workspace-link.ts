// The monitors' part of the link to main (started by main-link.ts): loads the workspace when the
// session (re)opens, follows main's workspace events, saves the operator's roles, and — in a
// browser, from the console window only — tells main which screens the browser can see.
import type { WindowRole } from '../../../electron/shared/domain/identity';
import type { DisplayRoles } from '../../../electron/shared/workspace/assignment';
import type { Display } from '../../../electron/shared/workspace/display';
import type { WorkspaceState } from '../../../electron/shared/workspace/state';
import type { Transport } from '../transport/transport';
import { useConsole } from './console-store';
import { attempt, type Outcome } from './outcome';
import { useWorkspace, type ScreenAccess } from './workspace-store';

/** What the page can learn of its screens (workspace/browser-screens.ts in a real browser). */
export interface ScreensEnv {
  /** This window's role; only the console reports screens, so role windows do not race it. */
  role: WindowRole;
  access(): Promise<ScreenAccess>;
  /**
   * Every screen, through the Window Management API (may ask the operator); null if refused.
   * `onChange` is called whenever a screen is added, removed or changed from then on.
   */
  screens(onChange: () => void): Promise<Display[] | null>;
  /** The one screen this window is on, always available. */
  ownScreen(): Display[];
}

export interface WorkspaceLink {
  /** The panel shows a refusal itself, so this reports back and posts no notice. */
  setRoles(displays: DisplayRoles[]): Promise<Outcome<WorkspaceState>>;
  /** Asks the browser for every screen (a permission prompt), then tells main what it saw. */
  detectScreens(): Promise<void>;
}

export function linkWorkspace(transport: Transport, env: ScreensEnv | null): WorkspaceLink {
  const view = useWorkspace.getState;

  async function load(host: 'electron' | 'browser'): Promise<void> {
    const got = await attempt(() => transport.request('workspace.displays', {}));
    if (got.ok) view().setState(got.value);
    else view().setFailed(got.code);
    if (host === 'browser' && env?.role === 'console') await report(false);
  }

  /** Main keeps the better source: a window's own screen never replaces configured displays. */
  async function report(mayAsk: boolean): Promise<void> {
    if (!env) return;
    const before = await env.access();
    const screens = before === 'granted' || (mayAsk && before === 'prompt') ? await env.screens(() => void report(false)) : null;
    view().setAccess(mayAsk ? await env.access() : before);
    const got = await attempt(() =>
      transport.request('workspace.reportDisplays', screens?.length ? { source: 'screens', displays: screens } : { source: 'window', displays: env.ownScreen() }),
    );
    if (got.ok) view().setState(got.value);
  }

  useConsole.subscribe((s, prev) => {
    if (s.session?.signIn.operator && s.session !== prev.session) void load(s.session.host);
  });
  transport.on('workspace.displays', (state) => view().setState(state));

  return {
    async setRoles(displays) {
      const got = await attempt(() => transport.request('workspace.setDisplayRoles', { displays }));
      if (got.ok) view().setState(got.value);
      return got;
    },
    detectScreens: () => report(true),
  };
}
