// What each role's window last showed, kept in main: windows send every change, main holds the
// latest and writes it after a short quiet spell (one write for a burst of grid edits), and
// writes whatever is still held when the services stop. A window opening asks here first.
import { WindowState } from '../../shared/workspace/window-state';
import type { Actor, WindowRole } from '../../shared/domain/identity';
import type { Logger } from '../log/logger';
import type { Store } from '../store/store';

const keyOf = (role: WindowRole) => `window.${role}`;

export class WindowStates {
  private readonly held = new Map<WindowRole, WindowState>();
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly d: { store: Store; actor: Actor; log: Logger; quietMs?: number }) {}

  async get(role: WindowRole): Promise<WindowState | null> {
    const held = this.held.get(role);
    if (held) return held;
    const stored = await this.d.store.call('getViewState', { workstationId: this.d.actor.workstationId, key: keyOf(role) });
    if (stored === undefined) return null;
    const parsed = WindowState.safeParse(stored);
    if (parsed.success) return parsed.data;
    // A value changed outside Vigil: the window starts as new; the stored value is kept aside, audited.
    const aside = `${keyOf(role)}.refused-${Date.now()}`;
    this.d.log.warn({ role, aside, issues: parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`) }, 'saved window state refused');
    await this.d.store
      .call('saveSettingAside', { actor: this.d.actor, key: aside, value: stored, action: 'workspace.window-state-refused', reason: 'does not match the window state schema' })
      .catch(() => undefined);
    return null;
  }

  save(role: WindowRole, state: WindowState): void {
    this.held.set(role, state);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.d.quietMs ?? 400);
  }

  /** Writes what is held now; also run when the services stop. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const taken = [...this.held];
    if (!taken.length) return this.writing;
    const entries = taken.map(([role, value]) => ({ key: keyOf(role), value }));
    this.writing = this.writing
      .then(() => this.d.store.call('saveViewStates', { workstationId: this.d.actor.workstationId, entries }))
      // Held until written, so a window opening meanwhile gets the newest; a newer change stays held.
      .then(() => taken.forEach(([role, value]) => this.held.get(role) === value && this.held.delete(role)))
      .catch((err: unknown) => this.d.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'window state could not be saved'));
    return this.writing;
  }
}
