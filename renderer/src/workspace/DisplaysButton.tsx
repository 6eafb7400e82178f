// The header's way into the Displays panel (also Alt+M, shell/shortcuts.ts).
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../state/workspace-store';
import { DisplaysPanel } from './DisplaysPanel';
import '../styles/workspace.css';

export function DisplaysButton() {
  const { t } = useTranslation();
  const open = useWorkspace((s) => s.panelOpen);
  const setOpen = useWorkspace((s) => s.setPanelOpen);
  return (
    <>
      <button
        type="button"
        id="displays-toggle"
        data-testid="displays-toggle"
        aria-haspopup="dialog"
        aria-expanded={open}
        className="displays-toggle"
        title={t('displays.buttonLabel')}
        aria-label={t('displays.buttonLabel')}
        onClick={() => setOpen(!open)}
      >
        {/* A monitor: the header has no room left for a word in every language. */}
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
          <rect x="2.5" y="4" width="19" height="12.5" rx="1.5" />
          <path d="M8.5 20.5h7M12 16.5v4" />
        </svg>
      </button>
      {open && (
        <DisplaysPanel
          onClose={() => {
            setOpen(false);
            requestAnimationFrame(() => document.getElementById('displays-toggle')?.focus());
          }}
        />
      )}
    </>
  );
}
