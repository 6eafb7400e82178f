import { useTranslation } from 'react-i18next';
import { VIEWS, useConsole } from '../state/console-store';
import { useMay } from './use-may';

export function Nav() {
  const { t } = useTranslation();
  const view = useConsole((s) => s.view);
  const setView = useConsole((s) => s.setView);
  // The audit log is the supervisor's; other roles do not see it offered (main refuses it anyway).
  const mayAudit = useMay('audit.list');
  return (
    <nav className="app-nav" aria-label={t('nav.label')}>
      {VIEWS.map((v, i) => (v === 'audit' && !mayAudit ? null : (
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
      )))}
    </nav>
  );
}
