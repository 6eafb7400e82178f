import { useTranslation } from 'react-i18next';
import { VIEWS, useConsole } from '../state/console-store';

export function Nav() {
  const { t } = useTranslation();
  const view = useConsole((s) => s.view);
  const setView = useConsole((s) => s.setView);
  return (
    <nav className="app-nav" aria-label={t('nav.label')}>
      {VIEWS.map((v, i) => (
        <button
          key={v}
          id={`nav-${v}`}
          type="button"
          data-testid={`nav-${v}`}
          aria-current={view === v ? 'page' : undefined}
          aria-keyshortcuts={`Alt+${i + 1}`}
          onClick={() => setView(v)}
        >
          <span className="nav-name">{t(`nav.${v}`)}</span>
          <kbd>{t('nav.shortcut', { n: i + 1 })}</kbd>
        </button>
      ))}
    </nav>
  );
}
