// D/R/S/C/X change the selected incident's status while the incident view shows it, unless
// the operator is typing (a note, the form) or the new-incident form is open. Held keys do
// not repeat the action.
import { useEffect } from 'react';
import type { IncidentStatus } from '../../../electron/shared/domain/incident';
import { isBareKey, isTypingTarget } from '../shell/keys';
import { useConsole } from '../state/console-store';
import { statusForKey } from './status-shortcuts';

export function useStatusShortcuts(from: IncidentStatus, onStatus: (to: IncidentStatus) => void): void {
  useEffect(() => {
    function onKey(e: KeyboardEvent): void {
      if (e.defaultPrevented || e.repeat || !isBareKey(e) || isTypingTarget(e.target)) return;
      if (useConsole.getState().creatingIncident) return;
      const to = statusForKey(e.code, from);
      if (!to) return;
      e.preventDefault();
      onStatus(to);
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [from, onStatus]);
}
