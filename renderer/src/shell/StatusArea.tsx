import { useTranslation } from 'react-i18next';
import { useConsole } from '../state/console-store';

type Tone = 'ok' | 'warn' | 'bad' | 'idle';

function Indicator({ testId, label, value, tone }: { testId: string; label: string; value: string; tone: Tone }) {
  return (
    <div className={`indicator tone-${tone}`} data-testid={testId} data-tone={tone}>
      <span className="indicator-dot" aria-hidden="true" />
      <span className="indicator-label">{label}</span>
      <span className="indicator-value">{value}</span>
    </div>
  );
}

/** The three things an operator must know are working: this window's link, the local database, the hub. */
export function StatusArea() {
  const { t } = useTranslation();
  const link = useConsole((s) => s.link);
  const store = useConsole((s) => s.store);
  const hub = useConsole((s) => s.hub);
  const linkTone: Tone = link === 'open' ? 'ok' : link === 'connecting' ? 'warn' : 'bad';
  const storeTone: Tone = !store ? 'idle' : store.state === 'ready' ? 'ok' : store.state === 'opening' ? 'warn' : 'bad';
  const hubTone: Tone = !hub || hub.state === 'not-configured' ? 'idle' : hub.state === 'online' ? 'ok' : 'warn';
  return (
    <div className="status-area" role="status" aria-live="polite">
      <Indicator testId="link-status" label={t('status.link.label')} value={t(`status.link.${link}`)} tone={linkTone} />
      <Indicator testId="store-status" label={t('status.store.label')} value={store ? t(`status.store.${store.state}`) : '—'} tone={storeTone} />
      <Indicator testId="hub-status" label={t('status.hub.label')} value={hub ? t(`status.hub.${hub.state}`) : '—'} tone={hubTone} />
    </div>
  );
}
