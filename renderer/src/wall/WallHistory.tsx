import { useTranslation } from 'react-i18next';
import type { WallState } from '../../../electron/shared/wall';
import { formatClock } from '../format/locale';
import { useConsole } from '../state/console-store';
import { useWall } from './wall-store';

/** The wall's latest changes, newest first: who, what kind, and whether a later change replaced it. */
export function WallHistory({ wall }: { wall: WallState }) {
  const { t } = useTranslation();
  const consoleId = useWall((s) => s.consoleId);
  const language = useConsole((s) => s.language);
  if (wall.recent.length === 0) return <p className="empty">{t('wall.history.empty')}</p>;
  return (
    <ol className="wall-history" aria-label={t('wall.history.title')}>
      {[...wall.recent].reverse().map((h) => (
        <li key={h.revision} data-testid="wall-history-item" data-revision={h.revision} data-overridden={h.overriddenBy !== null} className={h.overriddenBy ? 'overridden' : undefined}>
          <span className="mono">r{h.revision}</span>
          <time className="muted">{formatClock(language, h.at)}</time>
          <span>
            {h.by.operator}
            {h.by.workstationId === consoleId && <span className="tag">{t('wall.history.mine')}</span>}
          </span>
          <span>{t(`wall.history.kind.${h.kind}`)}</span>
          {h.overriddenBy && <span className="overridden-by">{t('wall.history.overridden', { by: h.overriddenBy.by.operator, revision: h.overriddenBy.revision })}</span>}
        </li>
      ))}
    </ol>
  );
}
