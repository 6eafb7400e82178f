import { useMemo, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../../electron/shared/domain/incident';
import { formatAge } from '../format/locale';
import { priorityKey } from './priority';
import { useConsole } from '../state/console-store';
import { isFinished, sortedQueue } from '../state/incident-order';
import { useNow } from '../shell/use-now';
import { IncidentDetail } from './IncidentDetail';

const rowId = (id: string) => `incident-${id}`;

export function IncidentsView() {
  const { t } = useTranslation();
  const incidents = useConsole((s) => s.incidents);
  const selectedId = useConsole((s) => s.selectedIncidentId);
  const select = useConsole((s) => s.selectIncident);
  const openForm = useConsole((s) => s.setCreatingIncident);
  const language = useConsole((s) => s.language);
  const now = useNow(15_000);
  const queue = useMemo(() => sortedQueue(incidents), [incidents]);
  const selected = selectedId ? incidents.get(selectedId) ?? null : null;

  function move(e: KeyboardEvent<HTMLDivElement>): void {
    if (queue.length === 0) return;
    const at = queue.findIndex((i) => i.id === selectedId);
    const to =
      e.key === 'ArrowDown' ? Math.min(queue.length - 1, at + 1)
      : e.key === 'ArrowUp' ? Math.max(0, at < 0 ? 0 : at - 1)
      : e.key === 'Home' ? 0
      : e.key === 'End' ? queue.length - 1
      : e.key === 'Escape' ? -1
      : null;
    if (to === null) return;
    e.preventDefault();
    const next = to < 0 ? null : queue[to]!;
    select(next?.id ?? null);
    if (next) document.getElementById(rowId(next.id))?.scrollIntoView({ block: 'nearest' });
  }

  return (
    <section className="view view-incidents" aria-labelledby="incidents-title">
      <div className="pane queue-pane">
        <div className="pane-head">
          <h1 id="incidents-title">{t('incidents.title')}</h1>
          <span className="muted" data-testid="incident-count">
            {t('incidents.count', { count: queue.length })}
          </span>
          <span className="muted hint">{t('incidents.keyboardHint')}</span>
          <button type="button" id="new-incident" className="primary new-incident" data-testid="new-incident" aria-keyshortcuts="Alt+N" onClick={() => openForm(true)}>
            <span>{t('incidents.new')}</span>
            <kbd>{t('incidents.newShortcut')}</kbd>
          </button>
        </div>
        <div
          id="incident-queue"
          className="table-scroll"
          tabIndex={0}
          role="region"
          aria-labelledby="incidents-title"
          aria-activedescendant={selected ? rowId(selected.id) : undefined}
          onKeyDown={move}
          data-testid="incident-queue"
        >
          {queue.length === 0 ? (
            <p className="empty">{t('incidents.empty')}</p>
          ) : (
            <table className="grid">
              <thead>
                <tr>
                  <th scope="col">{t('incidents.columns.priority')}</th>
                  <th scope="col">{t('incidents.columns.type')}</th>
                  <th scope="col">{t('incidents.columns.status')}</th>
                  <th scope="col">{t('incidents.columns.address')}</th>
                  <th scope="col">{t('incidents.columns.district')}</th>
                  <th scope="col" className="num">{t('incidents.columns.age')}</th>
                </tr>
              </thead>
              <tbody>
                {queue.map((i) => (
                  <Row key={i.id} incident={i} selected={i.id === selectedId} age={formatAge(language, i.createdAt, now)} onSelect={() => select(i.id)} />
                ))}
              </tbody>
            </table>
          )}
        </div>
      </div>
      <IncidentDetail incident={selected} />
    </section>
  );
}

function Row({ incident: i, selected, age, onSelect }: { incident: Incident; selected: boolean; age: string; onSelect: () => void }) {
  const { t } = useTranslation();
  return (
    <tr
      id={rowId(i.id)}
      data-testid="incident-row"
      data-priority={i.priority}
      data-status={i.status}
      data-pending={i.pending}
      aria-selected={selected}
      className={`${isFinished(i) ? 'finished' : ''} ${i.exercise ? 'exercise' : ''}`}
      onClick={onSelect}
    >
      <td>
        <span className={`priority p${i.priority}`}>{t(priorityKey(i.priority))}</span>
      </td>
      <td>
        {t(`incidentType.${i.type}`)}
        {i.exercise && <span className="badge exercise-badge">{t('header.exercise')}</span>}
      </td>
      <td>
        <span className={`status s-${i.status}`}>{t(`incidentStatus.${i.status}`)}</span>
        {i.pending && (
          <span className="badge pending-badge" data-testid="pending-badge" title={t('incidents.pendingTitle')}>
            {t('incidents.pending')}
          </span>
        )}
      </td>
      <td className="address">{i.address}</td>
      <td>{i.district}</td>
      <td className="num">{age}</td>
    </tr>
  );
}
