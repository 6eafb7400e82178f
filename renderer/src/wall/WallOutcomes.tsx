import { useTranslation } from 'react-i18next';
import { useWallLink } from './wall-context';
import { refusalText } from './refusal-text';
import { useWall, type WallOutcome } from './wall-store';

/**
 * What became of this console's own changes: replaced by another console (with "put mine back"
 * when this console still knows what it sent), replacing someone else's, refused, failed.
 */
export function WallOutcomes() {
  const { t } = useTranslation();
  const outcomes = useWall((s) => s.outcomes);
  const dismiss = useWall((s) => s.dismissOutcome);
  if (outcomes.length === 0) return null;
  return (
    <ul className="wall-outcomes" aria-label={t('wall.outcomes.title')} aria-live="polite">
      {outcomes.map(({ id, outcome }) => (
        <li key={id} className={`wall-outcome outcome-${outcome.kind}`} data-testid="wall-outcome" data-kind={outcome.kind}>
          <OutcomeText outcome={outcome} />
          {outcome.kind === 'overridden' && <PutBack revision={outcome.revision} done={() => dismiss(id)} />}
          <button type="button" onClick={() => dismiss(id)}>
            {t('wall.outcomes.dismiss')}
          </button>
        </li>
      ))}
    </ul>
  );
}

function OutcomeText({ outcome }: { outcome: WallOutcome }) {
  const { t, i18n } = useTranslation();
  switch (outcome.kind) {
    case 'overridden':
      return <span>{t('wall.outcomes.overridden', { revision: outcome.revision, by: outcome.by.operator, byRevision: outcome.byRevision })}</span>;
    case 'overrode':
      return <span>{t('wall.outcomes.overrode', { revision: outcome.revision, names: [...new Set(outcome.others.map((o) => o.by.operator))].join('、') })}</span>;
    case 'refused':
      return <span>{t('wall.outcomes.refused', { reason: refusalText(i18n, outcome.code, outcome.message) })}</span>;
    case 'failed':
      return <span>{t('wall.outcomes.failed', { reason: t(`errors.${outcome.code}`) })}</span>;
  }
}

/** Sends this console's replaced edit again, on the wall as it is now. */
function PutBack({ revision, done }: { revision: number; done: () => void }) {
  const { t } = useTranslation();
  const link = useWallLink();
  const mine = useWall((s) => s.mine.find((m) => m.revision === revision));
  if (!mine) return null;
  return (
    <button
      type="button"
      className="primary"
      data-testid="wall-put-back"
      onClick={() => {
        done();
        void link.edit(mine.edit);
      }}
    >
      {t('wall.outcomes.putBack')}
    </button>
  );
}
