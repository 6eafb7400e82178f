import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WallState } from '../../../electron/shared/wall';
import { formatInteger } from '../format/locale';
import { useConsole } from '../state/console-store';
import { draftOfModel, isUniform, modelOfDraft, modelProblems, monitorSettings, nextRotation, withMonitor, type ModelDraft } from './model-draft';
import { refusalText } from './refusal-text';
import { useWallLink } from './wall-context';
import { monitorName } from './wall-drawing';

/** The installer's settings: the wall as built. Main refuses a wall the current layout does not fit, and says why. */
export function WallModelEditor({ wall }: { wall: WallState }) {
  // Another console changing the model starts the form again from what is saved.
  return <ModelForm key={JSON.stringify(wall.model)} wall={wall} />;
}

type Pair = 'resolution' | 'activeSize';

function ModelForm({ wall }: { wall: WallState }) {
  const { t, i18n } = useTranslation();
  const link = useWallLink();
  const language = useConsole((s) => s.language);
  const [draft, setDraft] = useState<ModelDraft>(() => draftOfModel(wall.model));
  const [refusal, setRefusal] = useState<string | null>(null);
  const problems = modelProblems(draft);
  const num = (v: string) => (v.trim() === '' ? NaN : Number(v));

  const apply = async () => {
    setRefusal(null);
    const answer = await link.setModel(modelOfDraft(draft));
    if (answer?.status === 'refused' && answer.refusal) setRefusal(refusalText(i18n, answer.refusal.code, answer.refusal.message));
  };
  const pair = (field: Pair, label: string) => (
    <div className="wall-field">
      <span className="muted small">{label}</span>
      {(['width', 'height'] as const).map((side) => (
        <label key={side}>
          <span className="muted small">{t(`wall.model.${side}`)}</span>
          <input type="number" className="narrow" data-testid={`wall-model-${field}-${side}`} value={Number.isNaN(draft[field][side]) ? '' : draft[field][side]} aria-invalid={problems.includes(field)} onChange={(e) => setDraft({ ...draft, [field]: { ...draft[field], [side]: num(e.target.value) } })} />
        </label>
      ))}
    </div>
  );

  return (
    <div className="wall-model" data-testid="wall-model">
      <p className="muted small">{t('wall.model.explain')}</p>
      {wall.geometry && <p className="small">{t('wall.model.size', { width: formatInteger(language, Math.round(wall.geometry.width)), height: formatInteger(language, Math.round(wall.geometry.height)) })}</p>}
      {!isUniform(wall.model) && <p className="warn small">{t('wall.model.notUniform')}</p>}
      <div className="wall-field">
        {(['rows', 'columns'] as const).map((f) => (
          <label key={f}>
            <span className="muted small">{t(`wall.model.${f}`)}</span>
            <input type="number" className="narrow" data-testid={`wall-model-${f}`} min={1} max={32} value={Number.isNaN(draft[f]) ? '' : draft[f]} aria-invalid={problems.includes(f)} onChange={(e) => setDraft({ ...draft, [f]: num(e.target.value) })} />
          </label>
        ))}
      </div>
      {pair('resolution', t('wall.model.resolution'))}
      {pair('activeSize', t('wall.model.activeSize'))}
      <div className="wall-field">
        <span className="muted small">{t('wall.model.bezel')}</span>
        {(['top', 'right', 'bottom', 'left'] as const).map((side) => (
          <label key={side}>
            <span className="muted small">{t(`wall.model.${side}`)}</span>
            <input type="number" className="narrow" step="any" value={Number.isNaN(draft.bezel[side]) ? '' : draft.bezel[side]} aria-invalid={problems.includes('bezel')} onChange={(e) => setDraft({ ...draft, bezel: { ...draft.bezel, [side]: num(e.target.value) } })} />
          </label>
        ))}
      </div>
      {!problems.includes('rows') && !problems.includes('columns') && <MonitorGrid draft={draft} onChange={setDraft} />}
      {problems.length > 0 && (
        <ul className="field-error" role="alert">
          {problems.map((p) => (
            <li key={p}>{t(`wall.model.problem.${p}`)}</li>
          ))}
        </ul>
      )}
      {refusal && (
        <p className="inline-error" role="alert" data-testid="wall-model-refusal">
          {t('wall.outcomes.refused', { reason: refusal })}
        </p>
      )}
      <div className="wall-list-actions">
        <button type="button" className="primary" data-testid="wall-model-apply" disabled={problems.length > 0} onClick={() => void apply()}>
          {t('wall.model.apply')}
        </button>
        <button type="button" onClick={() => setDraft(draftOfModel(wall.model))}>
          {t('wall.model.reset')}
        </button>
      </div>
    </div>
  );
}

/** One button per monitor (output there or not) and its turn. */
function MonitorGrid({ draft, onChange }: { draft: ModelDraft; onChange: (d: ModelDraft) => void }) {
  const { t } = useTranslation();
  const cells = Array.from({ length: draft.rows * draft.columns }, (_, i) => ({ row: Math.floor(i / draft.columns), column: i % draft.columns }));
  return (
    <div className="wall-field wall-model-monitors">
      <span className="muted small">{t('wall.model.monitors')}</span>
      <div className="wall-monitor-grid" style={{ gridTemplateColumns: `repeat(${draft.columns}, minmax(3.2rem, 1fr))` }}>
        {cells.map(({ row, column }) => {
          const m = monitorSettings(draft, row, column);
          const name = monitorName({ row, column });
          return (
            <div key={name} className={`wall-model-monitor${m.present ? '' : ' missing'}`}>
              <button type="button" data-testid="wall-model-present" data-monitor={name} aria-pressed={m.present} title={t(m.present ? 'wall.model.present' : 'wall.model.missing', { monitor: name })} onClick={() => onChange(withMonitor(draft, row, column, { present: !m.present }))}>
                {name}
              </button>
              <button type="button" aria-label={t('wall.model.rotate', { monitor: name, degrees: m.rotation })} onClick={() => onChange(withMonitor(draft, row, column, { rotation: nextRotation(m.rotation) }))}>
                ↻{m.rotation ? `${m.rotation}°` : ''}
              </button>
            </div>
          );
        })}
      </div>
    </div>
  );
}
