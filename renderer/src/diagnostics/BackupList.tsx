import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupList as Backups } from '../../../electron/shared/contract/maintenance';
import { formatBytes, formatDateTime } from '../format/locale';
import { useConsole } from '../state/console-store';
import { useMain } from '../shell/main-context';
import { useMay } from '../shell/use-may';

type Said = { tone: 'ok' | 'bad'; text: string } | null;

/**
 * The database backups: "back up now", and restore (asked twice; the database in use is moved
 * into the backups folder first). Main refuses a backup that fails its check and says why.
 */
export function BackupList({ backups, canBackUp = true }: { backups: Backups | null; canBackUp?: boolean }) {
  const { t } = useTranslation();
  const main = useMain();
  const language = useConsole((s) => s.language);
  // Main refuses regardless; a role that may not is not offered the button (restore: supervisors).
  const mayBackUp = useMay('backups.run');
  const mayRestore = useMay('backups.restore');
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [said, setSaid] = useState<Said>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const backupNow = async () => {
    setBusy(true);
    const got = await main.diagnostics.backupNow();
    setBusy(false);
    setSaid(got.ok ? { tone: 'ok', text: t('diagnostics.backups.made') } : { tone: 'bad', text: t('diagnostics.backups.failed', { reason: t(`errors.${got.code}`) }) });
  };
  const restore = async (name: string) => {
    setBusy(true);
    const got = await main.diagnostics.restore(name);
    setBusy(false);
    setConfirming(null);
    if (!got.ok) setSaid({ tone: 'bad', text: t('diagnostics.backups.restoreFailed', { reason: t(`errors.${got.code}`) }) });
    else if (!got.value.ok) setSaid({ tone: 'bad', text: t('diagnostics.backups.refused', { reason: t(`diagnostics.backups.reason.${got.value.reason}`), detail: got.value.message }) });
    else setSaid({ tone: 'ok', text: t('diagnostics.backups.restored', { name, aside: got.value.setAside, count: got.value.unsentSetAside }) });
  };

  return (
    <section className="pane diag-backups" aria-labelledby="diag-backups-title">
      <div className="pane-head">
        <h2 id="diag-backups-title">{t('diagnostics.backups.title')}</h2>
        {backups && <span className="muted">{t('diagnostics.backups.policy', { hours: Math.round(backups.intervalMs / 3_600_000), keep: backups.keep })}</span>}
        {canBackUp && mayBackUp && (
          <button type="button" className="primary" data-testid="backup-now" disabled={busy} onClick={() => void backupNow()}>
            {t('diagnostics.backups.now')}
          </button>
        )}
      </div>
      {said && (
        <p className={`diag-said tone-${said.tone}`} role="status" data-testid="backup-said">
          {said.text}
        </p>
      )}
      {backups && <p className="muted small mono">{backups.folder}</p>}
      <div className="table-scroll">
        <table className="grid" data-testid="backup-list">
          <thead>
            <tr>
              <th>{t('diagnostics.backups.name')}</th>
              <th>{t('diagnostics.backups.at')}</th>
              <th>{t('diagnostics.backups.size')}</th>
              <th>{t('diagnostics.backups.check')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {backups?.backups.map((b) => (
              <tr key={b.name} data-testid="backup-row" data-name={b.name}>
                <td className="mono">
                  {b.name}
                  {b.kind === 'set-aside' && <span className="muted"> · {t('diagnostics.backups.setAside')}</span>}
                </td>
                <td>{formatDateTime(language, b.at)}</td>
                <td>{formatBytes(language, b.size)}</td>
                <td className={b.check ? (b.check.ok ? 'tone-ok' : 'tone-bad') : 'muted'} title={b.check?.detail}>
                  {b.check ? (b.check.ok ? t('diagnostics.backups.verified') : t('diagnostics.backups.notVerified')) : t('diagnostics.backups.unchecked')}
                </td>
                <td>
                  {confirming === b.name ? (
                    <span role="group" aria-label={t('diagnostics.backups.confirmQuestion', { name: b.name })} onKeyDown={(e) => e.key === 'Escape' && !busy && setConfirming(null)}>
                      <span className="confirm-question">{t('diagnostics.backups.confirmQuestion', { name: b.name })}</span>{' '}
                      <button ref={confirmRef} type="button" className="primary danger" data-testid="backup-restore-confirm" disabled={busy} onClick={() => void restore(b.name)}>
                        {t('diagnostics.backups.confirm')}
                      </button>{' '}
                      <button type="button" disabled={busy} onClick={() => setConfirming(null)}>
                        {t('store.cancel')}
                      </button>
                    </span>
                  ) : mayRestore ? (
                    <button type="button" data-testid="backup-restore" disabled={busy} onClick={() => setConfirming(b.name)}>
                      {t('diagnostics.backups.restore')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {backups?.backups.length === 0 && <p className="muted empty">{t('diagnostics.backups.none')}</p>}
      </div>
    </section>
  );
}
