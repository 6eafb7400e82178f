// Which windows come back when the workstation starts again: those that were open when it last
// ran (saved by main on every open, close, move), each where it was when that place is still
// on a present display. placeWindows then does the rest (assigned display, console's display).
import { z } from 'zod';
import { WindowRole } from '../domain/identity';
import type { Display } from './display';
import type { WindowNow } from './placement';
import { contains, Rect } from './rect';
import { WallMonitor, windowKey } from './role-window';

export const OpenWindow = z.object({ role: WindowRole, monitor: WallMonitor.optional(), bounds: Rect.nullable() }).strict();
export type OpenWindow = z.infer<typeof OpenWindow>;
export const OpenWindows = z.array(OpenWindow).max(64);

/**
 * The windows to open at start: each remembered window once (by its key; a wall output always
 * names its monitor), the console always. A remembered place that no longer lies wholly on a
 * present display's work area (its monitor was unplugged, the resolution changed) is dropped,
 * so placement chooses afresh instead of opening a window off-screen.
 */
export function windowsToReopen(saved: readonly OpenWindow[], displays: readonly Display[]): WindowNow[] {
  const byKey = new Map<string, WindowNow>([['console', { role: 'console', bounds: null }]]);
  for (const s of saved) {
    const w = s.role === 'wall-output' ? { role: s.role, monitor: s.monitor ?? 'all' } : { role: s.role };
    const onScreen = s.bounds !== null && displays.some((d) => contains(d.workArea, s.bounds!));
    const key = windowKey(w);
    const kept = byKey.get(key);
    // Listed twice (a damaged save): the first place that is still on screen wins.
    if (kept?.bounds) continue;
    byKey.set(key, { ...w, bounds: onScreen ? { ...s.bounds! } : null });
  }
  return [...byKey.values()];
}
