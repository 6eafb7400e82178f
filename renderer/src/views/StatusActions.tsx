import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident, IncidentStatus } from '../../../electron/shared/domain/incident';
import { nextStatuses } from '../../../electron/shared/domain/incident-lifecycle';
import { useMain } from '../shell/main-context';
import { STATUS_SHORTCUTS, shortcutLetter } from './status-shortcuts';
import { useStatusShortcuts } from './use-status-shortcuts';
import { useMay, useRole } from '../shell/use-may';

const FINAL: ReadonlySet<IncidentStatus> = new Set(['closed', 'cancelled']);

/** One button per status the incident may move to next, each with its key. */
export function StatusActions({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const main = useMain();
  const may = useMay('incidents.setStatus');
  const role = useRole();
  const [busy, setBusy] = useState(false);
  // The ref stops a second key press from sending while the first is still on its way.
  const inFlight = useRef(false);
  const change = useCallback(
    (to: IncidentStatus) => {
      if (inFlight.current) return;
      inFlight.current = true;
      setBusy(true);
      void main.setStatus(incident.id, to).finally(() => {
        inFlight.current = false;
        setBusy(false);
      });
    },
    [main, incident.id],
  );
  // Closing and cancelling cannot be undone: the first press (key or click) only arms it, a
  // second press of the same status within a few seconds carries it out.
  const [armed, setArmed] = useState<IncidentStatus | null>(null);
  useEffect(() => {
    if (!armed) return;
    const t = setTimeout(() => setArmed(null), 4000);
    return () => clearTimeout(t);
  }, [armed]);
  const request = useCallback(
    (to: IncidentStatus) => {
      if (!may) return;
      if (FINAL.has(to) && armed !== to) {
        setArmed(to);
        return;
      }
      setArmed(null);
      change(to);
    },
    [armed, change, may],
  );
  useStatusShortcuts(incident.status, request);
  const next = nextStatuses(incident.status);

  return (
    <section className="detail-section" aria-labelledby="status-actions-title">
      <h3 id="status-actions-title">{t('incidents.actions.title')}</h3>
      {next.length === 0 ? (
        <p className="muted">{t('incidents.actions.finished')}</p>
      ) : (
        <div className="status-actions" role="group" aria-labelledby="status-actions-title">
          {next.map((to) => {
            const letter = shortcutLetter(to);
            return (
              <button
                key={to}
                type="button"
                className={`${FINAL.has(to) ? 'status-button final' : 'status-button'}${armed === to ? ' armed' : ''}`}
                data-testid={`status-to-${to}`}
                data-armed={armed === to}
                aria-keyshortcuts={letter ?? undefined}
                disabled={busy || !may}
                title={may ? undefined : t('operators.notAllowed', { role: t(`operators.roles.${role ?? 'viewer'}`) })}
                onClick={() => request(to)}
              >
                <span>{armed === to ? t('incidents.actions.confirm', { status: t(`incidentStatus.${to}`) }) : t(`incidentStatus.${to}`)}</span>
                {letter && <kbd>{letter}</kbd>}
              </button>
            );
          })}
        </div>
      )}
      {armed && (
        <p className="confirm-final" role="alert" data-testid="status-confirm">
          {t('incidents.actions.confirmHint', { status: t(`incidentStatus.${armed}`), key: shortcutLetter(armed) ?? '' })}
        </p>
      )}
      <p className="muted small shortcut-hint" data-testid="status-shortcut-hint">
        {t('incidents.actions.shortcutsHint')}{' '}
        {Object.entries(STATUS_SHORTCUTS).map(([code, status]) => (
          <span key={code} className="shortcut">
            <kbd>{code.slice(3)}</kbd> {t(`incidentStatus.${status}`)}
          </span>
        ))}
      </p>
    </section>
  );
}
