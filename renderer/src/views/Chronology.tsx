import { useTranslation } from 'react-i18next';
import type { ChronologyEntry } from '../../../electron/shared/domain/chronology';
import { formatDateTime } from '../format/locale';
import { useConsole } from '../state/console-store';
import { useMain } from '../shell/main-context';

const EDITABLE_FIELDS = ['priority', 'address', 'district', 'summary'] as const;
type EditableField = (typeof EDITABLE_FIELDS)[number];
const isEditableField = (f: string | undefined): f is EditableField => (EDITABLE_FIELDS as readonly (string | undefined)[]).includes(f);

/** What happened to the incident, in main's order; entries still in the outbox are marked. */
export function Chronology({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const main = useMain();
  const chronology = useConsole((s) => (s.chronology?.incidentId === incidentId ? s.chronology : null));
  return (
    <section className="detail-section chronology" aria-labelledby="chronology-title" data-testid="chronology" data-state={chronology?.state ?? 'loading'}>
      <h3 id="chronology-title">{t('incidents.chronology.title')}</h3>
      {!chronology || chronology.state === 'loading' ? (
        <p className="muted">{t('incidents.chronology.loading')}</p>
      ) : chronology.state === 'failed' ? (
        <p className="inline-error" role="alert" data-testid="chronology-error">
          {t('incidents.chronology.failed', { reason: t(`errors.${chronology.code}`) })}{' '}
          <button type="button" onClick={() => main.reloadChronology()}>
            {t('incidents.chronology.retry')}
          </button>
        </p>
      ) : chronology.entries.length === 0 ? (
        <p className="muted">{t('incidents.chronology.empty')}</p>
      ) : (
        <ol className="chronology-list">
          {chronology.entries.map((e) => (
            <Entry key={e.id} entry={e} />
          ))}
        </ol>
      )}
    </section>
  );
}

function Entry({ entry: e }: { entry: ChronologyEntry }) {
  const { t } = useTranslation();
  const language = useConsole((s) => s.language);
  const d = e.detail;
  const status = (s: typeof d.to) => (s ? t(`incidentStatus.${s}`) : '—');
  const callsign = d.callsign ?? d.unitId ?? '—';
  const text = (() => {
    switch (e.kind) {
      case 'created':
        return t('incidents.chronology.created');
      case 'status':
        return d.from ? t('incidents.chronology.status', { from: status(d.from), to: status(d.to) }) : t('incidents.chronology.statusTo', { to: status(d.to) });
      case 'note':
        return t('incidents.chronology.note', { text: d.text ?? '' });
      case 'assign':
        return t('incidents.chronology.assign', { callsign });
      case 'release':
        return t('incidents.chronology.release', { callsign });
      case 'conflict':
        return t('incidents.chronology.conflict', {
          field: isEditableField(d.field) ? t(`incidents.columns.${d.field}`) : (d.field ?? '—'),
          kept: d.kept ?? '',
          discarded: d.discarded ?? '',
        });
      case 'plan_step':
        return d.outcome === 'skipped' ? t('incidents.chronology.planStepSkipped', { text: d.text ?? '' }) : t('incidents.chronology.planStep', { text: d.text ?? '' });
      case 'merge':
        return t('incidents.chronology.merge', { text: d.text ?? '' });
    }
  })();
  return (
    <li className={`chronology-entry kind-${e.kind} ${e.pending ? 'pending' : ''}`} data-testid="chronology-entry" data-kind={e.kind} data-pending={e.pending}>
      <time className="mono small" dateTime={new Date(e.at).toISOString()}>
        {formatDateTime(language, e.at)}
      </time>
      <span className="chronology-text">
        {text}
        {e.pending && (
          <span className="badge pending-badge" data-testid="chronology-pending" title={t('incidents.pendingTitle')}>
            {t('incidents.chronology.pending')}
          </span>
        )}
      </span>
      <span className="muted small chronology-by">{t('incidents.chronology.by', { operator: e.operatorName, workstation: e.workstationId })}</span>
    </li>
  );
}
