import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlotRef, TourStep, WallState } from '../../../electron/shared/wall';
import { useConsole } from '../state/console-store';
import { MAX_DWELL_SECONDS, MIN_DWELL_SECONDS, moveStep, tourOfDraft, tourProblems, type TourDraft } from './tour-draft';
import { useWallLink } from './wall-context';

const CAMERA_MATCHES = 6;

/** A tour's name, where it shows, its steps (cameras or presets, in order) and the dwell per step. */
export function TourEditor({ draft: initial, wall, where, selectedSlot, onClose }: { draft: TourDraft; wall: WallState; where: (slot: SlotRef | null) => string; selectedSlot: SlotRef | null; onClose: () => void }) {
  const { t } = useTranslation();
  const link = useWallLink();
  const cameras = useConsole((s) => s.videoPoints);
  const [draft, setDraft] = useState(initial);
  const [query, setQuery] = useState('');
  const [chosenPreset, setPresetId] = useState('');
  // The first preset until one is chosen (and again if the chosen one is deleted meanwhile).
  const presetId = wall.presets.some((p) => p.id === chosenPreset) ? chosenPreset : (wall.presets[0]?.id ?? '');
  const [tried, setTried] = useState(false);
  const problems = tourProblems(draft);
  const cameraName = useMemo(() => new Map(cameras.map((c) => [c.id, c.name])), [cameras]);
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    return q ? cameras.filter((c) => `${c.name} ${c.district}`.toLowerCase().includes(q)).slice(0, CAMERA_MATCHES) : [];
  }, [cameras, query]);

  const addStep = (step: TourStep) => setDraft({ ...draft, steps: [...draft.steps, step] });
  const stepText = (s: TourStep) =>
    s.kind === 'camera' ? t('wall.tours.stepCamera', { name: cameraName.get(s.cameraId) ?? s.cameraId }) : t('wall.tours.stepPreset', { name: wall.presets.find((p) => p.id === s.presetId)?.name ?? s.presetId });
  const save = async () => {
    setTried(true);
    if (problems.length === 0 && (await link.call('wall.saveTour', { tour: tourOfDraft(draft) }))) onClose();
  };

  return (
    <div className="wall-tour-editor" data-testid="wall-tour-editor">
      <label className="wall-field">
        <span className="muted small">{t('wall.tours.name')}</span>
        <input data-testid="wall-tour-name" maxLength={80} value={draft.name} aria-invalid={tried && problems.includes('name')} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
      </label>
      <div className="wall-field">
        <span className="muted small">{t('wall.tours.slot')}</span>
        <span data-testid="wall-tour-slot">{draft.slot ? where(draft.slot) : t('wall.tours.slotNone')}</span>
        <button type="button" data-testid="wall-tour-use-selected" disabled={!selectedSlot} onClick={() => setDraft({ ...draft, slot: selectedSlot })}>
          {t('wall.tours.useSelected')}
        </button>
      </div>
      <label className="wall-field">
        <span className="muted small">{t('wall.tours.dwell')}</span>
        <input type="number" data-testid="wall-tour-dwell" min={MIN_DWELL_SECONDS} max={MAX_DWELL_SECONDS} step={1} value={draft.dwellSeconds} aria-invalid={tried && problems.includes('dwell')} onChange={(e) => setDraft({ ...draft, dwellSeconds: Number(e.target.value) })} />
      </label>
      <div className="muted small">{t('wall.tours.steps')}</div>
      <ol className="wall-steps">
        {draft.steps.map((s, i) => (
          <li key={i} data-testid="wall-tour-step">
            <span>{stepText(s)}</span>
            <button type="button" aria-label={t('wall.tours.up')} disabled={i === 0} onClick={() => setDraft({ ...draft, steps: moveStep(draft.steps, i, -1) })}>
              ↑
            </button>
            <button type="button" aria-label={t('wall.tours.down')} disabled={i === draft.steps.length - 1} onClick={() => setDraft({ ...draft, steps: moveStep(draft.steps, i, 1) })}>
              ↓
            </button>
            <button type="button" onClick={() => setDraft({ ...draft, steps: draft.steps.filter((_, j) => j !== i) })}>
              {t('wall.tours.removeStep')}
            </button>
          </li>
        ))}
      </ol>
      <div className="wall-field">
        <input
          type="search"
          data-testid="wall-tour-camera-search"
          value={query}
          placeholder={t('wall.tours.cameraSearch')}
          aria-label={t('wall.tours.addCamera')}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter' || !matches[0]) return;
            e.preventDefault();
            addStep({ kind: 'camera', cameraId: matches[0].id });
            setQuery('');
          }}
        />
      </div>
      {matches.length > 0 && (
        <ul className="wall-matches">
          {matches.map((c) => (
            <li key={c.id}>
              <button type="button" className="link" onClick={() => addStep({ kind: 'camera', cameraId: c.id })}>
                {c.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      {wall.presets.length > 0 && (
        <div className="wall-field">
          <select value={presetId} aria-label={t('wall.tours.choosePreset')} onChange={(e) => setPresetId(e.target.value)}>
            {wall.presets.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <button type="button" disabled={!presetId} onClick={() => addStep({ kind: 'preset', presetId })}>
            {t('wall.tours.addPreset')}
          </button>
        </div>
      )}
      {tried && problems.length > 0 && (
        <ul className="field-error" role="alert">
          {problems.map((p) => (
            <li key={p}>{t(`wall.tours.problem.${p}`)}</li>
          ))}
        </ul>
      )}
      <div className="wall-list-actions">
        <button type="button" className="primary" data-testid="wall-tour-save" onClick={() => void save()}>
          {t('wall.tours.save')}
        </button>
        <button type="button" onClick={onClose}>
          {t('wall.tours.cancel')}
        </button>
      </div>
    </div>
  );
}
