import { useTranslation } from 'react-i18next';
import { formatClock, formatDate } from '../format/locale';
import { useConsole } from '../state/console-store';
import { DisplaysButton } from '../workspace/DisplaysButton';
import { StatusArea } from './StatusArea';
import { OperatorMenu } from './OperatorMenu';
import { useNow } from './use-now';

export function Header({ onToggleLanguage }: { onToggleLanguage: () => void }) {
  const { t } = useTranslation();
  const actor = useConsole((s) => s.session?.actor);
  const language = useConsole((s) => s.language);
  const now = useNow(1000);
  const exerciseMode = useConsole((s) => s.exerciseMode);
  const setExerciseMode = useConsole((s) => s.setExerciseMode);
  return (
    <header className="app-header">
      <div className="brand">
        <img src="./vigil.svg" alt="" width={28} height={28} />
        <span className="brand-name">{t('app.product')}</span>
      </div>
      <dl className="identity">
        <div>
          <dt>{t('header.workstation')}</dt>
          <dd data-testid="workstation">{actor?.workstationId ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('header.operator')}</dt>
          <dd data-testid="operator">{actor?.operatorName ?? '—'}</dd>
        </div>
      </dl>
      <OperatorMenu />
      <StatusArea />
      <div className="clock" aria-label={t('header.clockLabel')}>
        <time className="clock-time" dateTime={new Date(now).toISOString()}>
          {formatClock(language, now)}
        </time>
        <span className="clock-date">{formatDate(language, now)}</span>
      </div>
      <DisplaysButton />
      <button
        type="button"
        className={exerciseMode ? 'exercise-toggle on' : 'exercise-toggle'}
        data-testid="exercise-toggle"
        aria-pressed={exerciseMode}
        title={t('exercise.toggleLabel')}
        onClick={() => setExerciseMode(!exerciseMode)}
      >
        {t('exercise.toggle')}
      </button>
      <button type="button" className="language-toggle" data-testid="language-toggle" onClick={onToggleLanguage} title={t('language.toggleLabel')} aria-label={t('language.toggleLabel')}>
        {t('language.toggle')}
      </button>
    </header>
  );
}
