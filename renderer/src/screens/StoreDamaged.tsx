import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreStatus } from '../../../electron/shared/contract/status';
import { BackupList } from '../diagnostics/BackupList';
import { useDiagnostics } from '../diagnostics/diagnostics-link';
import { useMain } from '../shell/main-context';

type Damaged = Extract<StoreStatus, { state: 'damaged' }>;

/**
 * The database could not be opened. Nothing is done to it until the operator chooses, twice,
 * to move it aside; it is never deleted.
 */
export function StoreDamaged({ status, onRecover }: { status: Damaged; onRecover: () => Promise<void> }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<'ask' | 'confirm' | 'working'>('ask');
  const confirmRef = useRef<HTMLButtonElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const main = useMain();
  const backups = useDiagnostics((s) => s.backups);
  useEffect(() => {
    void main.diagnostics.refresh();
  }, [main]);
  useEffect(() => {
    if (step === 'confirm') confirmRef.current?.focus();
    if (step === 'ask') startRef.current?.focus();
  }, [step]);

  return (
    <main className="screen screen-damaged" role="alertdialog" aria-labelledby="damaged-title" aria-describedby="damaged-reason" data-testid="store-damaged">
      <h1 id="damaged-title">{t('store.damagedTitle')}</h1>
      <p id="damaged-reason" className="lead">
        {t(`store.reason.${status.reason}`)}
      </p>
      <dl className="facts">
        <dt>{t('store.path')}</dt>
        <dd className="mono" data-testid="store-damaged-path">
          {status.path}
        </dd>
        <dt>{t('store.detail')}</dt>
        <dd className="mono small">{status.detail}</dd>
      </dl>
      <p>{status.reason === 'newer-schema' ? t('store.newerExplain') : t('store.explain')}</p>
      {step === 'ask' && (
        <button ref={startRef} type="button" className="primary" data-testid="store-recover" onClick={() => setStep('confirm')}>
          {t('store.recover')}
        </button>
      )}
      {step !== 'ask' && (
        <div className="confirm" role="group" aria-label={t('store.confirmQuestion')}>
          <p className="confirm-question">{t('store.confirmQuestion')}</p>
          <button
            ref={confirmRef}
            type="button"
            className="primary danger"
            data-testid="store-recover-confirm"
            disabled={step === 'working'}
            onClick={() => {
              setStep('working');
              void onRecover().finally(() => setStep('ask'));
            }}
          >
            {step === 'working' ? t('store.recovering') : t('store.confirm')}
          </button>
          <button type="button" disabled={step === 'working'} onClick={() => setStep('ask')}>
            {t('store.cancel')}
          </button>
        </div>
      )}
      {/* The other way out: a checked backup in place of the damaged file (which is kept). */}
      {backups && backups.backups.length > 0 && <BackupList backups={backups} canBackUp={false} />}
    </main>
  );
}
