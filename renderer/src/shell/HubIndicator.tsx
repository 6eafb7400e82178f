import { useTranslation } from 'react-i18next';
import type { HubStatus } from '../../../electron/shared/contract/status';
import { formatInteger, formatSyncTime } from '../format/locale';
import { useConsole } from '../state/console-store';
import { bootstrapPercent, hubTone } from '../state/hub-health';
import { useNow } from './use-now';

/**
 * The command-centre link: its state, when data last arrived, how many of this workstation's
 * actions wait to be sent, and the first download's progress while it runs.
 */
export function HubIndicator({ hub }: { hub: HubStatus | null }) {
  const { t } = useTranslation();
  const language = useConsole((s) => s.language);
  const now = useNow(30_000);
  if (!hub) {
    return (
      <div className="indicator tone-idle" data-testid="hub-status" data-state="unknown" data-tone="idle">
        <span className="indicator-dot" aria-hidden="true" />
        <span className="indicator-label">{t('status.hub.label')}</span>
        <span className="indicator-value">—</span>
      </div>
    );
  }
  const tone = hubTone(hub.state);
  const problem = hub.problem && hub.state !== 'online' ? t(`sync.problem.${hub.problem}`) : null;
  const configured = hub.state !== 'not-configured';
  return (
    <div className={`indicator hub-indicator tone-${tone}`} data-testid="hub-status" data-state={hub.state} data-tone={tone} title={problem ?? hub.url ?? undefined}>
      <span className="indicator-dot" aria-hidden="true" />
      <span className="indicator-label">{t('status.hub.label')}</span>
      <span className="indicator-value">{t(`status.hub.${hub.state}`)}</span>
      {hub.embedded && <span className="indicator-extra muted">{t('sync.embedded')}</span>}
      {configured && (
        <span className="indicator-extra" data-testid="last-sync">
          {hub.lastSyncAt === null ? t('sync.neverSynced') : t('sync.lastSync', { time: formatSyncTime(language, hub.lastSyncAt, now) })}
        </span>
      )}
      <span className={`indicator-extra ${hub.pendingActions > 0 ? 'has-pending' : ''}`}>
        {t('sync.pending')}{' '}
        <span className="count" data-testid="pending-actions">
          {hub.pendingActions}
        </span>
      </span>
      {hub.bootstrap && (
        <span className="indicator-extra bootstrap" data-testid="bootstrap-progress">
          {t('sync.bootstrap', { stream: t(`sync.stream.${hub.bootstrap.stream}`) })}{' '}
          <progress max={100} value={bootstrapPercent(hub.bootstrap.received, hub.bootstrap.total)} aria-hidden="true" />{' '}
          <span className="mono">
            {formatInteger(language, hub.bootstrap.received)} / {formatInteger(language, hub.bootstrap.total)}
          </span>
        </span>
      )}
    </div>
  );
}
