import { useTranslation } from 'react-i18next';
import { slotKey, type WallState } from '../../../electron/shared/wall';
import { SPLIT_SIZES, type WallEdits } from './use-wall-edits';
import type { ResolvedSelection } from './use-wall-selection';
import { newWindowRect } from './window-moves';

/** The wall's actions for what is selected, each with its key: new window, raise, remove, clear, split the monitor. */
export function WallToolbar({ wall, selected, edits }: { wall: WallState; selected: ResolvedSelection; edits: WallEdits }) {
  const { t } = useTranslation();
  const { shape, monitor, target } = selected;
  const windowId = target === 'window' ? shape!.slot.window : null;
  const split = monitor && target !== 'window' ? wall.layout.splits.find((s) => s.monitor.row === monitor.row && s.monitor.column === monitor.column) : undefined;
  const shows = !!shape && wall.sources.some((s) => slotKey(s.slot) === shape.key);
  const canSplit = target === 'cell' || target === 'monitor';

  return (
    <div className="wall-toolbar" role="toolbar" aria-label={t('wall.toolbar.label')}>
      <button type="button" data-testid="wall-new-window" aria-keyshortcuts="N" onClick={() => edits.add(newWindowRect(wall.geometry!, monitor))}>
        {t('wall.toolbar.newWindow')} <kbd>N</kbd>
      </button>
      <button type="button" data-testid="wall-raise" aria-keyshortcuts="R PageUp" disabled={!windowId} onClick={() => windowId && edits.raise(windowId)}>
        {t('wall.toolbar.raise')} <kbd>R</kbd>
      </button>
      <button type="button" data-testid="wall-remove" aria-keyshortcuts="Delete" disabled={!windowId} onClick={() => windowId && edits.remove(windowId)}>
        {t('wall.toolbar.remove')} <kbd>Del</kbd>
      </button>
      <button type="button" data-testid="wall-clear" disabled={!shows} onClick={() => shape && edits.show(shape.slot, null)}>
        {t('wall.toolbar.clear')}
      </button>
      <span className="muted small">{t('wall.toolbar.split')}</span>
      <div className="segmented" role="group" aria-label={t('wall.toolbar.split')}>
        {SPLIT_SIZES.map((n) => (
          <button key={n} type="button" data-testid={`wall-split-${n}`} aria-keyshortcuts={String(n)} disabled={!canSplit} aria-pressed={!!split && split.rows === n && split.columns === n} onClick={() => monitor && edits.split(monitor, n)}>
            {t('wall.toolbar.splitN', { n })}
          </button>
        ))}
        <button type="button" data-testid="wall-unsplit" disabled={!split} onClick={() => monitor && edits.unsplit(monitor)}>
          {t('wall.toolbar.unsplit')}
        </button>
      </div>
    </div>
  );
}
