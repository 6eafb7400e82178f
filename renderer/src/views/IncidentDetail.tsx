import { useTranslation } from 'react-i18next';
import type { Incident } from '../../../electron/shared/domain/incident';
import { formatCoordinate, formatDateTime } from '../format/locale';
import { priorityKey } from './priority';
import { useConsole } from '../state/console-store';
import { CamerasSeeing } from './CamerasSeeing';
import { Chronology } from './Chronology';
import { NoteInput } from './NoteInput';
import { PlanChecklist } from './PlanChecklist';
import { StatusActions } from './StatusActions';
import { StatusTimer } from './StatusTimer';
import { UnitAssignment } from './UnitAssignment';
import { PushToWall } from '../wall-push/PushToWall';

export function IncidentDetail({ incident: i }: { incident: Incident | null }) {
  const { t } = useTranslation();
  const language = useConsole((s) => s.language);
  return (
    <aside className="pane detail-pane" aria-labelledby="detail-title" data-testid="incident-detail">
      <div className="pane-head">
        <h2 id="detail-title">{t('incidents.detail.title')}</h2>
        {i && <PushToWall key={i.id} source={{ kind: 'incident', incidentId: i.id }} testId="push-incident" />}
      </div>
      {!i ? (
        <p className="empty">{t('incidents.detail.none')}</p>
      ) : (
        // Keyed by incident: a half-typed note or a pending button state never carries over to another incident.
        <div className="detail-body" key={i.id}>
          <p className="detail-headline">
            <span className={`priority p${i.priority}`}>{t(priorityKey(i.priority))}</span>
            <strong>{t(`incidentType.${i.type}`)}</strong>
            <span className={`status s-${i.status}`} data-testid="detail-status" data-status={i.status}>
              {t(`incidentStatus.${i.status}`)}
            </span>
            {i.pending && (
              <span className="badge pending-badge" data-testid="detail-pending" title={t('incidents.pendingTitle')}>
                {t('incidents.pending')}
              </span>
            )}
            {i.exercise && <span className="badge exercise-badge">{t('incidents.detail.exercise')}</span>}
            <StatusTimer incident={i} />
          </p>
          <p className="detail-address">{i.address}</p>
          {i.summary && <p className="detail-summary">{i.summary}</p>}
          <dl className="facts">
            <dt>{t('incidents.columns.district')}</dt>
            <dd>{i.district || '—'}</dd>
            <dt>{t('incidents.detail.createdAt')}</dt>
            <dd>{formatDateTime(language, i.createdAt)}</dd>
            <dt>{t('incidents.detail.updatedAt')}</dt>
            <dd>{formatDateTime(language, i.updatedAt)}</dd>
            <dt>{t('incidents.detail.location')}</dt>
            <dd className="mono">
              {formatCoordinate(language, i.location.lat)}, {formatCoordinate(language, i.location.lon)}
            </dd>
            <dt>{t('incidents.detail.id')}</dt>
            <dd className="mono small">{i.id}</dd>
          </dl>
          <StatusActions key={i.id} incident={i} />
          <PlanChecklist incident={i} />
          <UnitAssignment incident={i} />
          <CamerasSeeing incident={i} />
          <NoteInput incidentId={i.id} />
          <Chronology incidentId={i.id} />
        </div>
      )}
    </aside>
  );
}
