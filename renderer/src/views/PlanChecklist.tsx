import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../../electron/shared/domain/incident';
import type { IncidentPlan } from '../../../electron/shared/domain/plan';
import { formatClock } from '../format/locale';
import { useMain } from '../shell/main-context';
import { useConsole } from '../state/console-store';
import { useMay } from '../shell/use-may';

/**
 * The response plan (预案) for the incident's type: each step done or skipped, in order, each
 * recorded in the chronology; a skipped required step stays flagged.
 */
export function PlanChecklist({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const main = useMain();
  const may = useMay('incidents.planStep');
  const language = useConsole((s) => s.language);
  // The chronology reloads whenever anything about the incident changes: so does the plan.
  const chronology = useConsole((s) => (s.chronology?.incidentId === incident.id ? s.chronology : null));
  const [plan, setPlan] = useState<{ incidentId: string; plan: IncidentPlan | null } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    void main.plan(incident.id).then((got) => {
      if (current && got.ok) setPlan({ incidentId: incident.id, plan: got.value });
    });
    return () => {
      current = false;
    };
  }, [main, incident.id, incident.rowVersion, incident.pending, chronology]);

  const shown = plan?.incidentId === incident.id ? plan.plan : undefined;
  if (shown === undefined) return null;
  if (shown === null) {
    return (
      <section className="detail-section" data-testid="plan">
        <h3>{t('incidents.plan.title')}</h3>
        <p className="muted small">{t('incidents.plan.none')}</p>
      </section>
    );
  }
  const finished = shown.steps.filter((s) => s.state !== 'open').length;
  const record = (ordinal: number, outcome: 'done' | 'skipped') => {
    setBusy(true);
    void main.planStep(incident.id, ordinal, outcome).finally(() => setBusy(false));
  };

  return (
    <section className="detail-section plan" aria-labelledby="plan-title" data-testid="plan">
      <h3 id="plan-title">
        {t('incidents.plan.title')} · {shown.name} <span className="muted small">{t('incidents.plan.progress', { done: finished, total: shown.steps.length })}</span>
      </h3>
      <ol className="plan-steps">
        {shown.steps.map((s) => (
          <li key={s.ordinal} data-testid="plan-step" data-state={s.state} data-pending={s.pending} className={`plan-step ${s.state}${s.state === 'skipped' && s.required ? ' flagged' : ''}`}>
            <span className="plan-text">
              {s.text}
              {s.required && <span className="tag">{t('incidents.plan.required')}</span>}
            </span>
            {s.state === 'open' ? (
              <span className="plan-actions">
                <button type="button" data-testid="plan-step-done" disabled={busy || !may} onClick={() => record(s.ordinal, 'done')}>
                  {t('incidents.plan.done')}
                </button>
                <button type="button" data-testid="plan-step-skip" disabled={busy || !may} onClick={() => record(s.ordinal, 'skipped')}>
                  {t('incidents.plan.skip')}
                </button>
              </span>
            ) : (
              <span className="muted small">
                {s.state === 'done' ? t('incidents.plan.stateDone') : s.required ? t('incidents.plan.skippedRequired') : t('incidents.plan.stateSkipped')}
                {s.at !== null && ` · ${formatClock(language, s.at)}`}
                {s.operatorName && ` · ${s.operatorName}`}
                {s.pending && <span className="badge pending-badge">{t('incidents.plan.pending')}</span>}
              </span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
