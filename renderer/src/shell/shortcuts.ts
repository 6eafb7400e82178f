// Keyboard first: every view and the language are one chord away, from anywhere in the window.
import { useEffect } from 'react';
import { VIEWS, useConsole } from '../state/console-store';

export function useGlobalShortcuts(toggleLanguage: () => void): void {
  useEffect(() => {
    function onKey(e: KeyboardEvent): void {
      if (e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
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
