import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAge } from '../format/locale';
import { useNow } from '../shell/use-now';
import { useConsole } from '../state/console-store';
import { slotName } from './slot-text';
import { useWallLink } from './wall-context';
import { monitorName, type SlotShape } from './wall-drawing';
import { editorName, shortConsoleId } from './wall-presence';
import { useWall } from './wall-store';

/** The consoles working on the wall now (this one marked), what each has selected, and this console's name to edit. */
export function WallPresence({ shapes }: { shapes: readonly SlotShape[] }) {
  const { t } = useTranslation();
  const link = useWallLink();
  const editors = useWall((s) => s.editors);
  const consoleId = useWall((s) => s.consoleId);
  const label = useWall((s) => s.label);
  const language = useConsole((s) => s.language);
  const now = useNow(15_000);
  const [name, setName] = useState(label);
  const others = editors.filter((e) => e.consoleId !== consoleId);

  const focusName = (focus: string) => {
    const exact = shapes.find((s) => s.key === focus);
    if (exact) return slotName(t, exact);
    const cell = shapes.find((s) => s.slot.window === focus && s.monitor);
    return cell?.monitor ? monitorName(cell.monitor) : focus;
  };
  const rename = (e: FormEvent) => {
    e.preventDefault();
    void link.rename(name.trim());
  };

  return (
    <section className="wall-presence-panel" aria-labelledby="wall-presence-title">
      <h2 id="wall-presence-title">{t('wall.presence.title')}</h2>
      <form className="wall-rename" onSubmit={rename}>
        <label htmlFor="wall-console-name" className="muted small">
          {t('wall.presence.name')}
        </label>
        <input id="wall-console-name" data-testid="wall-console-name" maxLength={40} value={name} placeholder={t('wall.presence.namePlaceholder')} onChange={(e) => setName(e.target.value)} />
        <button type="submit" data-testid="wall-rename" disabled={name.trim() === label}>
          {t('wall.presence.rename')}
        </button>
      </form>
      <ul className="wall-editors">
        {editors.map((e, i) => (
          <li key={`${e.consoleId}-${i}`} data-testid="wall-editor" data-mine={e.consoleId === consoleId}>
            <strong>{editorName(e, t('wall.presence.unnamed', { id: shortConsoleId(e.consoleId) }))}</strong>
            {e.consoleId === consoleId && <span className="tag">{t('wall.presence.me')}</span>}
            <span className={e.focus ? 'editing' : 'muted'}>{e.focus ? t('wall.presence.editing', { slot: focusName(e.focus) }) : t('wall.presence.idle')}</span>
            {e.lastEditAt !== null && <span className="muted small">{t('wall.presence.lastEdit', { age: formatAge(language, e.lastEditAt, now) })}</span>}
          </li>
        ))}
      </ul>
      {others.length === 0 && <p className="muted small">{t('wall.presence.alone')}</p>}
    </section>
  );
}
