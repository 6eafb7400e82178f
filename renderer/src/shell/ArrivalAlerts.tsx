import { useTranslation } from 'react-i18next';
import { useConsole } from '../state/console-store';
import { priorityKey } from '../views/priority';

/**
 * Urgent incidents that arrived while the operator was looking elsewhere: always visible, in
 * every view, until opened or dismissed. (Sound is for a later, configurable step.)
 */
export function ArrivalAlerts() {
  const { t } = useTranslation();
  const alerts = useConsole((s) => s.alerts);
  const incidents = useConsole((s) => s.incidents);
  const select = useConsole((s) => s.selectIncident);
  const setView = useConsole((s) => s.setView);
  const dismiss = useConsole((s) => s.dismissAlert);
  const shown = alerts.map((id) => incidents.get(id)).filter((i) => i !== undefined);
  if (shown.length === 0) return null;
  return (
    <div className="arrivals" role="alert" aria-live="assertive">
      {shown.map((i) => (
        <div key={i.id} className={`arrival p${i.priority}`} data-testid="arrival-alert">
          <strong>{t('alerts.title')}</strong>
          <span className={`priority p${i.priority}`}>{t(priorityKey(i.priority))}</span>
          <span>{t(`incidentType.${i.type}`)}</span>
          <span className="arrival-address">{i.address}</span>
          <button
            type="button"
            className="primary"
            onClick={() => {
              setView('incidents');
              select(i.id);
              document.getElementById('incident-queue')?.focus();
            }}
          >
            {t('alerts.open')}
          </button>
          <button type="button" onClick={() => dismiss(i.id)}>
            {t('alerts.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
