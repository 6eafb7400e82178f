import { useTranslation } from 'react-i18next';
import { useConsole } from '../state/console-store';
import type { Tone } from '../state/hub-health';
import { HubIndicator } from './HubIndicator';

function Indicator({ testId, label, value, tone }: { testId: string; label: string; value: string; tone: Tone }) {
  return (
    <div className={`indicator tone-${tone}`} data-testid={testId} data-tone={tone}>
      <span className="indicator-dot" aria-hidden="true" />
      <span className="indicator-label">{label}</span>
      <span className="indicator-value">{value}</span>
    </div>
  );
}

/**
 * What an operator must know is working: this window's link, the local database, the
 * command centre; and, when there are any, actions the command centre refused.
 */
export function StatusArea() {
  const { t } = useTranslation();
  const link = useConsole((s) => s.link);
  const store = useConsole((s) => s.store);
  const hub = useConsole((s) => s.hub);
  const rejected = useConsole((s) => s.rejections.length);
  const linkTone: Tone = link === 'open' ? 'ok' : link === 'connecting' ? 'warn' : 'bad';
  // A failed integrity check of the database in use shows here on every window until one passes.
  const checkFailed = store?.state === 'ready' && store.lastCheck?.ok === false;
  const storeTone: Tone = !store ? 'idle' : checkFailed ? 'bad' : store.state === 'ready' ? 'ok' : store.state === 'opening' ? 'warn' : 'bad';
  return (
    <div className="status-area" role="status" aria-live="polite">
      <Indicator testId="link-status" label={t('status.link.label')} value={t(`status.link.${link}`)} tone={linkTone} />
      <Indicator testId="store-status" label={t('status.store.label')} value={!store ? '—' : checkFailed ? t('status.store.checkFailed') : t(`status.store.${store.state}`)} tone={storeTone} />
      <HubIndicator hub={hub} />
      {rejected > 0 && (
        <button
          type="button"
          className="indicator tone-bad rejected-count"
          data-testid="rejected-count"
          aria-label={t('sync.rejectedLabel', { count: rejected })}
          onClick={() => document.getElementById('rejections')?.focus()}
        >
          <span className="indicator-label">{t('sync.rejected')}</span>
          <span className="indicator-value">{rejected}</span>
        </button>
      )}
    </div>
  );
}
