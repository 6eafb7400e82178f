import { useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Preset, Schedule, WallState } from '../../../electron/shared/wall';
import { formatDateTime } from '../format/locale';
import { useConsole } from '../state/console-store';
import { orderedDays } from './schedule-text';
import { useArmed } from './use-armed';
import { useWallLink } from './wall-context';
import { PresetScheduleEditor } from './PresetScheduleEditor';

/**
 * Presets: the wall's layout and what every slot shows, saved by name; recalled by hand (Enter on
 * the list, or the button) or on a schedule; deleted with a second press.
 */
export function WallPresets({ wall }: { wall: WallState }) {
  const { t } = useTranslation();
  const link = useWallLink();
  const language = useConsole((s) => s.language);
  const [name, setName] = useState('');
  const [scheduling, setScheduling] = useState<string | null>(null);
  const remove = useArmed();

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() && (await link.call('wall.savePreset', { name: name.trim(), schedule: null }))) setName('');
  };
  const recall = (p: Preset) => void link.recallPreset(p.id);

  return (
    <div className="wall-presets">
      <form className="wall-inline-form" onSubmit={save}>
        <input data-testid="wall-preset-name" maxLength={80} value={name} placeholder={t('wall.presets.name')} aria-label={t('wall.presets.name')} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="primary" data-testid="wall-preset-save" disabled={!name.trim()}>
          {t('wall.presets.save')}
        </button>
      </form>
      {wall.presets.length === 0 ? (
        <p className="empty">{t('wall.presets.empty')}</p>
      ) : (
        <ul className="wall-list" role="listbox" aria-label={t('wall.presets.list')}>
          {wall.presets.map((p) => (
            <li
              key={p.id}
              role="option"
              aria-selected={false}
              tabIndex={0}
              data-testid="wall-preset"
              data-name={p.name}
              onKeyDown={(e) => {
                if (e.target !== e.currentTarget || e.key !== 'Enter') return;
                e.preventDefault();
                recall(p);
              }}
              onDoubleClick={() => recall(p)}
            >
              <div className="wall-list-head">
                <strong>{p.name}</strong>
                <span className="muted small">{scheduleText(t, p.schedule)}</span>
              </div>
              <div className="muted small">{t('wall.presets.savedBy', { by: p.savedBy.operator, at: formatDateTime(language, p.savedAt) })}</div>
              <div className="wall-list-actions">
                <button type="button" data-testid="wall-preset-recall" onClick={() => recall(p)}>
                  {t('wall.presets.recall')} <kbd>Enter</kbd>
                </button>
                <button type="button" aria-expanded={scheduling === p.id} onClick={() => setScheduling(scheduling === p.id ? null : p.id)}>
                  {t('wall.presets.schedule')}
                </button>
                <button type="button" className={remove.armed === p.id ? 'danger' : undefined} data-testid="wall-preset-remove" onClick={() => remove.press(p.id, () => void link.call('wall.removePreset', { id: p.id }))}>
                  {remove.armed === p.id ? t('wall.presets.confirmRemove') : t('wall.presets.remove')}
                </button>
              </div>
              {scheduling === p.id && <PresetScheduleEditor preset={p} onDone={() => setScheduling(null)} />}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

// TFunction, not ReturnType<typeof useTranslation>['t']: the latter grows too deep for tsc as keys are added.
function scheduleText(t: TFunction, schedule: Schedule | null): string {
  if (!schedule) return t('wall.presets.noSchedule');
  const times = schedule.times.join('、');
  if (schedule.days.length === 0 || schedule.days.length === 7) return t('wall.presets.everyDay', { times });
  return t('wall.presets.onDays', { days: orderedDays(schedule.days).map((d) => t(`wall.presets.weekday.d${d as 0 | 1 | 2 | 3 | 4 | 5 | 6}`)).join('、'), times });
}
