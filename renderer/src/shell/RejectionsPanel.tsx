import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rejection } from '../../../electron/shared/domain/chronology';
import { formatDateTime } from '../format/locale';
import { useConsole } from '../state/console-store';
import { useMain } from './main-context';
import { rejectionKindKey } from './rejection-kind';

/**
 * Actions the command centre refused. They stay on screen, in every view, until the operator
 * acknowledges each one: a refused dispatch must never vanish unnoticed.
 */
export function RejectionsPanel() {
  const { t } = useTranslation();
  const rejections = useConsole((s) => s.rejections);
  if (rejections.length === 0) return null;
  return (
    <section className="rejections" id="rejections" tabIndex={-1} aria-labelledby="rejections-title" data-testid="rejections">
      <div className="rejections-head">
        <h2 id="rejections-title">
          {t('rejections.title')} <span className="count">{rejections.length}</span>
        </h2>
        <span className="muted">{t('rejections.explain')}</span>
      </div>
      <ul>
        {rejections.map((r) => (
          <RejectionRow key={r.mutationId} rejection={r} />
        ))}
      </ul>
    </section>
  );
}

function RejectionRow({ rejection: r }: { rejection: Rejection }) {
  const { t } = useTranslation();
  const main = useMain();
  const language = useConsole((s) => s.language);
  const known = useConsole((s) => (r.incidentId ? s.incidents.has(r.incidentId) : false));
  const [busy, setBusy] = useState(false);

  function show(): void {
    if (!r.incidentId) return;
    const s = useConsole.getState();
    s.setView('incidents');
    s.selectIncident(r.incidentId);
  }

  return (
    <li className="rejection" data-testid="rejection" data-mutation-id={r.mutationId}>
      <time className="mono small muted" dateTime={new Date(r.at).toISOString()}>
        {formatDateTime(language, r.at)}
      </time>
      <strong className="rejection-kind">{t(`rejections.kind.${rejectionKindKey(r.kind)}`)}</strong>
      <span className="rejection-summary" data-testid="rejection-summary">
        {r.summary}
      </span>
      <span className="rejection-reason" data-testid="rejection-reason">
        {t('rejections.reason', { reason: r.reason })}
      </span>
      <span className="rejection-actions">
        {known && (
          <button type="button" onClick={show}>
            {t('rejections.show')}
          </button>
        )}
        <button
          type="button"
          data-testid="dismiss-rejection"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void main.dismissRejection(r.mutationId).finally(() => setBusy(false));
          }}
        >
          {t('rejections.dismiss')}
        </button>
      </span>
    </li>
  );
}
