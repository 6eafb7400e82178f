import { useTranslation } from 'react-i18next';
import { formatAge, formatSyncTime } from '../format/locale';
import { useNow } from '../shell/use-now';
import { useConsole } from '../state/console-store';
import { priorityKey } from '../views/priority';

/**
 * An incident on the wall, readable from across the room: type and priority, where, what state it
 * is in, since when. Type sizes follow the window (container units), so the card reads the same in
 * a whole monitor and in a small split cell. Follows the incident as it changes.
 */
export function IncidentCard({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const language = useConsole((s) => s.language);
  const i = useConsole((s) => s.incidents.get(incidentId) ?? null);
  const now = useNow(15_000);
  if (!i) {
    return (
      <div className="wo-incident wo-incident-missing" data-testid="wo-incident" data-incident={incidentId}>
        <p>{t('wallOutput.incident.missing', { id: incidentId })}</p>
      </div>
    );
  }
  return (
    <div className={`wo-incident wo-p${i.priority}`} data-testid="wo-incident" data-incident={incidentId} data-status={i.status}>
      <p className="wo-incident-head">
        <span className={`priority p${i.priority}`}>{t(priorityKey(i.priority))}</span>
        <strong className="wo-incident-type">{t(`incidentType.${i.type}`)}</strong>
        {i.exercise && <span className="wo-incident-exercise">{t('wallOutput.incident.exercise')}</span>}
      </p>
      <p className="wo-incident-address">{i.address}</p>
      {i.summary && <p className="wo-incident-summary">{i.summary}</p>}
      <p className="wo-incident-facts">
        <span className={`status s-${i.status}`}>{t(`incidentStatus.${i.status}`)}</span>
        <span>
          {t('wallOutput.incident.reported')} {formatSyncTime(language, i.createdAt, now)} · {formatAge(language, i.createdAt, now)}
        </span>
        {i.district && (
          <span>
            {t('wallOutput.incident.district')} {i.district}
          </span>
        )}
      </p>
    </div>
  );
}
