// Keyboard first: every view, the language, a new incident and the displays panel are one
// chord away, from anywhere in the window. Single-letter status keys belong to the incident
// view (views/use-status-shortcuts.ts).
import { useEffect } from 'react';
import { mayCall } from '../../../electron/shared/auth/permissions';
import { VIEWS, useConsole } from '../state/console-store';
import { useWorkspace } from '../state/workspace-store';

export function useGlobalShortcuts(toggleLanguage: () => void): void {
  useEffect(() => {
    function onKey(e: KeyboardEvent): void {
      if (e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
        if (e.code === 'KeyN') {
          // A call comes in whatever the operator is looking at: go to the queue and open the form.
          e.preventDefault();
          const s = useConsole.getState();
          if (s.session && s.store?.state !== 'damaged' && mayCall('incidents.create', s.session.signIn.operator?.role ?? null)) {
            s.setView('incidents');
            s.setCreatingIncident(true);
          }
          return;
        }
        if (e.code === 'KeyU') {
          // The units board lives beside the queue.
          e.preventDefault();
          const s = useConsole.getState();
          s.setView('incidents');
          s.setUnitsBoardOpen(!s.unitsBoardOpen);
          return;
        }
        if (e.code === 'KeyM') {
          // Monitors: which display shows which role window.
          e.preventDefault();
          const w = useWorkspace.getState();
          w.setPanelOpen(!w.panelOpen);
          return;
        }
        const n = Number(e.code.startsWith('Digit') ? e.code.slice(5) : NaN);
        const view = VIEWS[n - 1];
        if (view) {
          e.preventDefault();
          useConsole.getState().setView(view);
          document.getElementById(`nav-${view}`)?.focus();
        }
        return;
      }
      if (e.ctrlKey && e.shiftKey && !e.altKey && e.code === 'KeyL') {
        e.preventDefault();
        toggleLanguage();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toggleLanguage]);
}
