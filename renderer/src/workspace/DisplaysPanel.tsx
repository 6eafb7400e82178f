// The Displays panel: the workstation's monitors drawn to scale where they sit, a role editor for
// the chosen one, and where every role window is. Roles are saved through main, which checks
// them again and restores the windows by them at the next start.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceState } from '../../../electron/shared/workspace/state';
import { useMain } from '../shell/main-context';
import { useConsole } from '../state/console-store';
import { useWorkspace } from '../state/workspace-store';
import { RolesEditor, type SaveMessage } from './RolesEditor';
import { AbsentDisplays, WindowPlaces } from './WindowPlaces';

export function DisplaysPanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const state = useWorkspace((s) => s.state);
  const failed = useWorkspace((s) => s.failed);
  const dialog = useRef<HTMLDialogElement>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [message, setMessage] = useState<SaveMessage>(null);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  return (
    <dialog
      ref={dialog}
      className="displays-panel"
      aria-labelledby="displays-title"
      data-testid="displays-panel"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="displays-head">
        <h2 id="displays-title">{t('displays.title')}</h2>
        <button type="button" className="map-close" onClick={onClose} aria-label={t('displays.close')}>
          ×
        </button>
      </div>
      {state && state.displays.length > 0 ? (
        <>
          <Source state={state} />
          <RolesEditor state={state} selected={selected} onSelect={setSelected} onMessage={setMessage} />
          {message && (
            <p className="small">
              <span role="status" className={message.ok ? 'tag ok' : 'tag bad'} data-testid="displays-result">
                {message.ok ? t('displays.saved') : t('displays.refused', { reason: t(`errors.${message.code}`) })}
              </span>
            </p>
          )}
          <AbsentDisplays state={state} />
          <WindowPlaces state={state} />
        </>
      ) : (
        <p className="muted">{failed ? t('displays.loadFailed', { reason: t(`errors.${failed}`) }) : t('displays.none')}</p>
      )}
    </dialog>
  );
}

function Source({ state }: { state: WorkspaceState }) {
  const { t } = useTranslation();
  const main = useMain();
  const host = useConsole((s) => s.session?.host);
  const access = useWorkspace((s) => s.access);
  return (
    <div className="displays-source">
      <p className="small" data-testid="displays-source" data-source={state.source}>
        <span className="muted">{t('displays.source.label')}</span> {t(`displays.source.${state.source}`)}
      </p>
      {host === 'browser' && state.source !== 'screens' && access === 'prompt' && (
        <p className="small">
          <button type="button" data-testid="displays-detect" onClick={() => void main.workspace.detectScreens()}>
            {t('displays.detect')}
          </button>{' '}
          <span className="muted">{t('displays.detectHint')}</span>
        </p>
      )}
      {host === 'browser' && access === 'denied' && <p className="small muted">{t('displays.denied')}</p>}
    </div>
  );
}
