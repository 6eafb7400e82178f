import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../../electron/shared/domain/incident';
import type { Unit } from '../../../electron/shared/domain/unit';
import { useMain } from '../shell/main-context';
import { useConsole } from '../state/console-store';
import { isFinished } from '../state/incident-order';
import { assignableUnits, unitsOnIncident } from '../state/unit-lists';

/** Units on the incident (each releasable) and a choice of free units to send. */
export function UnitAssignment({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const main = useMain();
  const units = useConsole((s) => s.units);
  const assigned = useMemo(() => unitsOnIncident(units, incident.id), [units, incident.id]);
  const available = useMemo(() => assignableUnits(units), [units]);
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
              <button type="button" data-testid="release-unit" disabled={busy} onClick={() => run(main.releaseUnit(incident.id, u.id))}>
                {t('incidents.units.release')}
              </button>
            </li>
          ))}
        </ul>
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
          <button type="button" data-testid="assign-unit" disabled={busy || !chosen} onClick={() => run(main.assignUnit(incident.id, chosen))}>
            {t('incidents.units.assign')}
          </button>
        </div>
      )}
    </section>
  );
}
