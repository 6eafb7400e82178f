// The window's state in main: what it showed (view, selected incident, video grid) is asked of
// main when the window first has a usable session, and every change after that is sent to main,
// which keeps it for the next start (debounced there, not here). Nothing is sent before the
// restore, so a window opening never overwrites what the last one left.
import type { WindowRole } from '../../../electron/shared/domain/identity';
import type { WindowState } from '../../../electron/shared/workspace/window-state';
import type { Transport } from '../transport/transport';
import { layoutFrom } from '../video/video-layout';
import { useConsole, type ConsoleState } from './console-store';
import { attempt } from './outcome';

// The audit log is not kept as a window's view: after a restart whoever signs in first may not be
// a supervisor, and the window would open on a refusal.
const snapshot = (s: ConsoleState): WindowState => ({ view: s.view === 'audit' ? 'incidents' : s.view, selectedIncidentId: s.selectedIncidentId, video: s.videoLayout });

export function linkWindowState(transport: Transport, role: WindowRole): void {
  let restored = false;
  let asking = false;

  async function restore(): Promise<void> {
    asking = true;
    const got = await attempt(() => transport.request('workspace.windowState', { role }));
    asking = false;
    if (!got.ok) return;
    restored = true;
    const kept = got.value;
    if (!kept) return;
    const s = useConsole.getState();
    s.setVideoLayout(layoutFrom(kept.video));
    s.selectIncident(kept.selectedIncidentId);
    s.setView(kept.view);
  }

  useConsole.subscribe((s, prev) => {
    if (!restored) {
      if (!asking && s.session && s.store?.state === 'ready' && (s.session !== prev.session || s.store !== prev.store)) void restore();
      return;
    }
    if (s.view === prev.view && s.selectedIncidentId === prev.selectedIncidentId && s.videoLayout === prev.videoLayout) return;
    // A lost save costs the next start this change, not the operator's work: no notice.
    void attempt(() => transport.request('workspace.saveWindowState', { role, state: snapshot(s) }));
  });
}
