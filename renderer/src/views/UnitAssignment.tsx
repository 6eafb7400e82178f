import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../../electron/shared/domain/incident';
import type { Unit } from '../../../electron/shared/domain/unit';
import { recommendUnits } from '../../../electron/shared/geo/unit-recommendation';
import { formatDecimal } from '../format/locale';
import { useMain } from '../shell/main-context';
import { useConsole } from '../state/console-store';
import { isFinished } from '../state/incident-order';
import { assignableUnits, unitsOnIncident } from '../state/unit-lists';
import { useMay } from '../shell/use-may';

/** Units on the incident (each releasable) and a choice of free units to send. */
export function UnitAssignment({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const main = useMain();
  const may = useMay('incidents.assignUnit');
  const units = useConsole((s) => s.units);
  const language = useConsole((s) => s.language);
  const assigned = useMemo(() => unitsOnIncident(units, incident.id), [units, incident.id]);
  const available = useMemo(() => assignableUnits(units), [units]);
  // The best free units for this kind of incident, nearest first within each kind (straight line).
  const recommended = useMemo(() => recommendUnits(incident, [...units.values()], { limit: 3 }), [incident, units]);
  const [choice, setChoice] = useState('');
  const [busy, setBusy] = useState(false);
  // The chosen unit may have been sent elsewhere meanwhile; fall back to the first free one.
  const chosen = available.some((u) => u.id === choice) ? choice : (available[0]?.id ?? '');
  const finished = isFinished(incident);

  function run(action: Promise<boolean>): void {
    setBusy(true);
    void action.finally(() => setBusy(false));
  }

  const label = (u: Unit) => `${u.callsign} · ${t(`unitKind.${u.kind}`)}`;

  return (
    <section className="detail-section units" aria-labelledby="units-title" data-testid="units">
      <h3 id="units-title">{t('incidents.units.title')}</h3>
      {assigned.length === 0 ? (
        <p className="muted">{t('incidents.units.none')}</p>
      ) : (
        <ul className="unit-list">
          {assigned.map((u) => (
            <li key={u.id} data-testid="assigned-unit" data-unit-id={u.id}>
              <span className="unit-name">{label(u)}</span>
              <span className="muted small">{t(`unitStatus.${u.status}`)}</span>
              <button type="button" data-testid="release-unit" disabled={busy || !may} onClick={() => run(main.releaseUnit(incident.id, u.id))}>
                {t('incidents.units.release')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {!finished && (
        <div className="recommendations" data-testid="recommendations">
          <h4 className="muted small">{t('incidents.units.recommended')}</h4>
          {recommended.length === 0 ? (
            <p className="muted small">{t('incidents.units.noRecommendation')}</p>
          ) : (
            <ul className="unit-list">
              {recommended.map((r) => (
                <li key={r.unit.id} data-testid="recommended-unit" data-unit-id={r.unit.id}>
                  <span className="unit-name">{label(r.unit)}</span>
                  <span className={r.reason.tier === 0 ? 'tag ok' : 'tag'}>{r.reason.tier === 0 ? t('incidents.units.tierBest') : t('incidents.units.tierAlt')}</span>
                  <span className="muted small num">
                    {r.distanceM === null ? t('incidents.units.noLocation') : t('incidents.units.distanceKm', { km: formatDecimal(language, r.distanceM / 1000) })}
                  </span>
                  <button type="button" data-testid="assign-recommended" disabled={busy || !may} onClick={() => run(main.assignUnit(incident.id, r.unit.id))}>
                    {t('incidents.units.assignRecommended')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {finished ? (
        <p className="muted small">{t('incidents.units.closed')}</p>
      ) : available.length === 0 ? (
        <p className="muted small">{t('incidents.units.noneAvailable')}</p>
      ) : (
        <div className="assign-row">
          <label htmlFor="unit-select">{t('incidents.units.available')}</label>
          <select id="unit-select" data-testid="unit-select" value={chosen} onChange={(e) => setChoice(e.target.value)}>
            {available.map((u) => (
              <option key={u.id} value={u.id}>
                {label(u)}
              </option>
            ))}
          </select>
          <button type="button" data-testid="assign-unit" disabled={busy || !chosen || !may} onClick={() => run(main.assignUnit(incident.id, chosen))}>
            {t('incidents.units.assign')}
          </button>
        </div>
      )}
    </section>
  );
}
