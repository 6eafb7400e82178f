import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isSubmitEnter } from '../shell/keys';
import { useMain } from '../shell/main-context';
import { useMay } from '../shell/use-may';

/** Enter adds the note (never mid-IME); the text stays if main refuses it, so nothing typed is lost. */
export function NoteInput({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const main = useMain();
  const may = useMay('incidents.addNote');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);

  async function add(): Promise<void> {
    const note = text.trim();
    if (!note || busy) return;
    setBusy(true);
    const ok = await main.addNote(incidentId, note);
    setBusy(false);
    if (ok) setText('');
  }

  return (
    <div className="note-input">
      <label htmlFor="note-input">{t('incidents.note.label')}</label>
      <div className="note-row">
        <input
          id="note-input"
          data-testid="note-input"
          disabled={!may}
          type="text"
          maxLength={2000}
          autoComplete="off"
          placeholder={t('incidents.note.placeholder')}
          value={text}
          readOnly={busy}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (isSubmitEnter(e.nativeEvent)) {
              e.preventDefault();
              void add();
            } else if (e.key === 'Escape') {
              // Back to the queue, where the arrow and status keys work.
              e.preventDefault();
              document.getElementById('incident-queue')?.focus();
            }
          }}
        />
        <button type="button" data-testid="note-submit" disabled={busy || text.trim() === '' || !may} onClick={() => void add()}>
          {t('incidents.note.submit')}
        </button>
      </div>
    </div>
  );
}
