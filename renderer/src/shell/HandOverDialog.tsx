import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CredentialsForm } from '../screens/SignIn';
import { useMain } from './main-context';

/** Shift hand-over (交接班): the incoming operator signs in here with a note for the record. */
export function HandOverDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const main = useMain();
  const [note, setNote] = useState('');
  return (
    <div className="dialog-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <section className="dialog" role="dialog" aria-modal="true" aria-labelledby="hand-over-title" data-testid="hand-over">
        <h2 id="hand-over-title">{t('operators.handOver.title')}</h2>
        <p className="muted">{t('operators.handOver.lead')}</p>
        <CredentialsForm
          idPrefix="hand-over"
          submitLabel={t('operators.handOver.submit')}
          onSubmit={async (username, password) => {
            const got = await main.handOver(username, password, note);
            if (got.ok && got.value.ok) onClose();
            return got;
          }}
        >
          <label htmlFor="hand-over-note">{t('operators.handOver.note')}</label>
          <textarea id="hand-over-note" data-testid="hand-over-note" rows={4} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
        </CredentialsForm>
        <button type="button" data-testid="hand-over-cancel" onClick={onClose}>
          {t('operators.handOver.cancel')}
        </button>
      </section>
    </div>
  );
}
