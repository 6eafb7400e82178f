import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { slotKey, type WallRect, type WallState } from '../../../electron/shared/wall';
import { formatInteger } from '../format/locale';
import { useConsole } from '../state/console-store';
import { contentOf } from './slot-content';
import { contentText, slotName } from './slot-text';
import type { WallEdits } from './use-wall-edits';
import type { ResolvedSelection } from './use-wall-selection';
import { monitorName } from './wall-drawing';

/** What is selected and what it shows; for a free window, its position and size in mm to type exactly. */
export function WallSelectionBar({ wall, selected, edits }: { wall: WallState; selected: ResolvedSelection; edits: WallEdits }) {
  const { t } = useTranslation();
  const cameras = useConsole((s) => s.videoPoints);
  const incidents = useConsole((s) => s.incidents);
  const language = useConsole((s) => s.language);
  const { shape, selection } = selected;

  if (selection?.kind === 'monitor') return <div className="wall-selection" data-testid="wall-selection">{t('wall.selection.monitor', { monitor: monitorName(selection.monitor) })}</div>;
  if (!shape) return <div className="wall-selection muted" data-testid="wall-selection">{t('wall.selection.none')}</div>;
  const source = wall.sources.find((s) => slotKey(s.slot) === shape.key)?.source;
  const content = contentOf(source, new Map(cameras.map((c) => [c.id, c])), incidents);
  const r = shape.rect;
  return (
    <div className="wall-selection" data-testid="wall-selection">
      <strong>{slotName(t, shape)}</strong>
      <span>
        <span className="muted">{t('wall.selection.shows')}</span> {contentText(t, content)}
      </span>
      {shape.slot.cell ? (
        <span className="muted">
          {formatInteger(language, Math.round(r.width))} × {formatInteger(language, Math.round(r.height))} {t('wall.selection.mm')}
        </span>
      ) : (
        <WindowGeometryForm key={`${shape.key}:${r.x},${r.y},${r.width},${r.height}`} rect={r} onApply={(next) => edits.reshape(shape.slot.window, next)} />
      )}
    </div>
  );
}

/** X, Y, width, height in mm; Enter applies. Main refuses what does not fit the wall, and says why. */
function WindowGeometryForm({ rect, onApply }: { rect: WallRect; onApply: (r: WallRect) => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState({ x: String(rect.x), y: String(rect.y), width: String(rect.width), height: String(rect.height) });
  const fields = ['x', 'y', 'width', 'height'] as const;
  const ok = (f: (typeof fields)[number]) => v[f].trim() !== '' && Number.isFinite(Number(v[f]));
  const valid = fields.every(ok);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!valid) return;
    onApply({ x: Number(v.x), y: Number(v.y), width: Number(v.width), height: Number(v.height) });
  };
  return (
    <form className="wall-geometry" aria-label={t('wall.selection.geometry')} onSubmit={submit}>
      {fields.map((f) => (
        <label key={f}>
          <span className="muted">{t(`wall.selection.${f}`)}</span>
          <input type="number" step="any" inputMode="decimal" data-testid={`wall-window-${f}`} value={v[f]} aria-invalid={!ok(f)} onChange={(e) => setV({ ...v, [f]: e.target.value })} />
        </label>
      ))}
      <span className="muted small">{t('wall.selection.mm')}</span>
      <button type="submit" data-testid="wall-window-apply" disabled={!valid}>
        {t('wall.selection.apply')}
      </button>
    </form>
  );
}
