import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Preset } from '../../../electron/shared/wall';
import { parseTimes, timesText, toggleDay, WEEKDAYS } from './schedule-text';
import { useWallLink } from './wall-context';

/** When a preset is recalled by itself: times of day, on chosen weekdays (none: every day). */
export function PresetScheduleEditor({ preset, onDone }: { preset: Preset; onDone: () => void }) {
  const { t } = useTranslation();
  const link = useWallLink();
  const [times, setTimes] = useState(timesText(preset.schedule));
  const [days, setDays] = useState<number[]>(preset.schedule?.days ?? []);
  const parsed = parseTimes(times);
  const [tried, setTried] = useState(false);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (parsed && (await link.call('wall.schedulePreset', { id: preset.id, schedule: { times: parsed, days } }))) onDone();
  };
  const clear = async () => {
    if (await link.call('wall.schedulePreset', { id: preset.id, schedule: null })) onDone();
  };

  return (
    <form className="wall-schedule" onSubmit={save} data-testid="wall-schedule">
      <label>
        <span className="muted small">{t('wall.presets.times')}</span>
        <input data-testid="wall-schedule-times" value={times} aria-invalid={tried && !parsed} onChange={(e) => setTimes(e.target.value)} />
      </label>
      {tried && !parsed && <span className="field-error">{t('wall.presets.badTimes')}</span>}
      <div className="muted small">{t('wall.presets.days')}</div>
      <div className="segmented" role="group" aria-label={t('wall.presets.days')}>
        {WEEKDAYS.map((d) => (
          <button key={d} type="button" aria-pressed={days.includes(d)} onClick={() => setDays(toggleDay(days, d))}>
            {t(`wall.presets.weekday.d${d}`)}
          </button>
        ))}
      </div>
      <div className="wall-list-actions">
        <button type="submit" className="primary" data-testid="wall-schedule-save">
          {t('wall.presets.saveSchedule')}
        </button>
        {preset.schedule && (
          <button type="button" onClick={() => void clear()}>
            {t('wall.presets.clearSchedule')}
          </button>
        )}
        <button type="button" onClick={onDone}>
          {t('wall.presets.cancel')}
        </button>
      </div>
    </form>
  );
}
