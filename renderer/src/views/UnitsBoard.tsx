import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../format/locale';
import { useNow } from '../shell/use-now';
import { useConsole } from '../state/console-store';
import { unitBoard } from '../state/unit-board';

/** Every unit, its status and for how long; overdue ones first and marked. Clicking one opens its incident. */
export function UnitsBoard() {
  const { t } = useTranslation();
  const units = useConsole((s) => s.units);
  const incidents = useConsole((s) => s.incidents);
  const language = useConsole((s) => s.language);
  const select = useConsole((s) => s.selectIncident);
  const now = useNow(15_000);
  const rows = useMemo(() => unitBoard(units.values(), now), [units, now]);
  const overdue = rows.filter((r) => r.overdue).length;

  return (
    <section className="units-board" aria-labelledby="units-board-title" data-testid="units-board">
      <div className="pane-head">
        <h2 id="units-board-title">{t('unitsBoard.title')}</h2>
        <span className="muted small">{t('unitsBoard.count', { count: rows.length })}</span>
        {overdue > 0 && (
          <span className="tag bad" data-testid="units-overdue-count">
            {t('unitsBoard.overdue', { count: overdue })}
          </span>
        )}
      </div>
      <div className="table-scroll">
        <table className="grid compact">
          <thead>
            <tr>
              <th scope="col">{t('unitsBoard.columns.unit')}</th>
              <th scope="col">{t('unitsBoard.columns.kind')}</th>
              <th scope="col">{t('unitsBoard.columns.status')}</th>
              <th scope="col" className="num">{t('unitsBoard.columns.since')}</th>
              <th scope="col">{t('unitsBoard.columns.incident')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ unit: u, inStatusMs, overdue: late }) => {
              const incident = u.incidentId ? incidents.get(u.incidentId) : undefined;
              return (
                <tr key={u.id} data-testid="board-unit" data-status={u.status} data-overdue={late} className={late ? 'overdue' : undefined}>
                  <td>{u.callsign}</td>
                  <td>{t(`unitKind.${u.kind}`)}</td>
                  <td>{t(`unitStatus.${u.status}`)}</td>
                  <td className="num">{formatDuration(language, inStatusMs)}</td>
                  <td>
                    {incident ? (
                      <button type="button" className="link" onClick={() => select(incident.id)}>
                        {incident.address}
                      </button>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
