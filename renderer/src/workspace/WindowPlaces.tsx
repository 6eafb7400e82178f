// Where every role window is or goes, and the saved displays that are not connected now. In a
// browser each window can be opened here at its place (the console's own excepted).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Placement } from '../../../electron/shared/workspace/placement';
import { windowKey } from '../../../electron/shared/workspace/role-window';
import type { WorkspaceState } from '../../../electron/shared/workspace/state';
import { windowRole } from '../shell/window-role';
import { useConsole } from '../state/console-store';
import { displayName } from './display-name';
import { openRoleWindow } from './role-windows';

export function AbsentDisplays({ state }: { state: WorkspaceState }) {
  const { t } = useTranslation();
  if (state.absent.length === 0) return null;
  return (
    <section className="displays-section" aria-labelledby="displays-absent-title">
      <h3 id="displays-absent-title">{t('displays.absentTitle')}</h3>
      <ul className="displays-list">
        {state.absent.map((a, i) => (
          <li key={a.id} data-testid="display-absent" data-display-id={a.id}>
            {t('displays.absentItem', { name: a.label || t('displays.unnamed', { n: state.displays.length + i + 1 }), width: a.width, height: a.height, roles: a.roles.map((r) => t(`displays.roles.${r}`)).join('、') })}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function WindowPlaces({ state }: { state: WorkspaceState }) {
  const { t } = useTranslation();
  const host = useConsole((s) => s.session?.host);
  const [blocked, setBlocked] = useState(false);
  const own = windowKey({ role: windowRole(location.search) });
  const label = (p: Placement) => (p.role === 'wall-output' ? t('displays.wallOutputName', { monitor: p.monitor ?? 'all' }) : t(`displays.roles.${p.role}`));
  function where(p: Placement): string {
    if (p.onAssignedDisplay) return t('displays.onAssigned');
    // Assigned, but to a display that is not connected: it waits where it is.
    const assigned = [...state.roles, ...state.absent].some((r) => r.roles.includes(p.role));
    return t(assigned ? 'displays.moved' : 'displays.unassigned');
  }
  return (
    <section className="displays-section" aria-labelledby="displays-windows-title">
      <h3 id="displays-windows-title">{t('displays.windowsTitle')}</h3>
      <ul className="displays-list">
        {state.windows.map((p) => (
          <li key={p.key} data-testid="display-window" data-key={p.key} data-display-id={p.displayId} data-bounds={`${p.bounds.x},${p.bounds.y},${p.bounds.width}x${p.bounds.height}`}>
            <strong>{label(p)}</strong> → {displayName(t, state.displays, p.displayId)}{' '}
            <span className="mono small muted">
              {p.bounds.width}×{p.bounds.height} @ {p.bounds.x},{p.bounds.y}
            </span>{' '}
            <span className={p.onAssignedDisplay ? 'tag ok' : 'tag'}>{where(p)}</span>
            {host === 'browser' &&
              (p.key === own ? (
                <span className="muted small">{t('displays.thisWindow')}</span>
              ) : (
                <button type="button" data-testid={`display-window-open-${p.key}`} onClick={() => setBlocked(!openRoleWindow(p))}>
                  {t('displays.open')}
                </button>
              ))}
          </li>
        ))}
      </ul>
      {blocked && <p className="small inline-error">{t('displays.blocked')}</p>}
      {host === 'browser' && <p className="small muted">{t('displays.browserNote')}</p>}
    </section>
  );
}
