import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMain } from '../shell/main-context';

type Result = { ok: true; name: string } | { ok: false; reason: string };

/**
 * Import an offline map (MBTiles) that is on this workstation: the operator gives its path;
 * main checks it before copying it in, and a file that is not a usable map is refused with
 * the reason. The map switches to it at once.
 */
export function MapImport({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const main = useMain();
  const [open, setOpen] = useState(false);
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    if (!path.trim() || busy) return;
    setBusy(true);
    const got = await main.importMap(path.trim());
    setBusy(false);
    if (!got) return; // the failure is already a notice
    setResult(got.ok ? { ok: true, name: got.name } : { ok: false, reason: got.reason });
    if (got.ok) onImported();
  }

  if (!open) {
    return (
      <button type="button" data-testid="map-import-toggle" onClick={() => setOpen(true)}>
        {t('map.import.open')}
      </button>
    );
  }
  return (
    <form className="map-import" onSubmit={(e) => void submit(e)} aria-label={t('map.import.open')}>
      <input
        type="text"
        data-testid="map-import-path"
        aria-label={t('map.import.path')}
        placeholder={t('map.import.placeholder')}
        value={path}
        autoFocus
        onChange={(e) => setPath(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
      />
      <button type="submit" className="primary" data-testid="map-import-submit" disabled={busy || !path.trim()}>
        {busy ? t('map.import.working') : t('map.import.submit')}
      </button>
      {result && (
        <span role="status" className={result.ok ? 'tag ok' : 'tag bad'} data-testid="map-import-result" data-ok={result.ok}>
          {result.ok ? t('map.import.done', { name: result.name }) : t(`map.import.reasons.${result.reason as 'not-found'}`)}
        </span>
      )}
    </form>
  );
}
