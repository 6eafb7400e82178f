import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident, IncidentType } from '../../../electron/shared/domain/incident';
import { formatAge } from '../format/locale';
import { useNow } from '../shell/use-now';
import { useConsole } from '../state/console-store';
import { isFinished } from '../state/incident-order';
import { applyQueueFilter, districtsOf, isFiltered } from '../state/queue-filter';
import { IncidentDetail } from './IncidentDetail';
import { priorityKey } from './priority';
import { QueueFilterBar } from './QueueFilterBar';
import { UnitsBoard } from './UnitsBoard';
import { useMay } from '../shell/use-may';

const rowId = (id: string) => `incident-${id}`;
/** Fixed row height: the list renders only the rows in view, so 50 000 stay as smooth as 50. */
const ROW_PX = 38;

export function IncidentsView() {
  const { t } = useTranslation();
  const incidents = useConsole((s) => s.incidents);
  const filter = useConsole((s) => s.queueFilter);
  const selectedId = useConsole((s) => s.selectedIncidentId);
  const select = useConsole((s) => s.selectIncident);
  const openForm = useConsole((s) => s.setCreatingIncident);
  const mayCreate = useMay('incidents.create');
  const language = useConsole((s) => s.language);
  const alerts = useConsole((s) => s.alerts);
  const boardOpen = useConsole((s) => s.unitsBoardOpen);
  const setBoardOpen = useConsole((s) => s.setUnitsBoardOpen);
  const now = useNow(15_000);
  const label = useCallback((type: IncidentType) => t(`incidentType.${type}`), [t]);
  // The time window moves with the clock; the rest of the filter only with the rows or the filter.
  const queue = useMemo(() => applyQueueFilter(incidents.values(), filter, now, label), [incidents, filter, now, label]);
  const districts = useMemo(() => districtsOf(incidents.values()), [incidents]);
  const selected = selectedId ? (incidents.get(selectedId) ?? null) : null;

  const scroller = useRef<HTMLDivElement>(null);
  // This build does not use the React Compiler, which is what the rule guards; the virtualiser
  // is used as its documentation shows.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtual = useVirtualizer({ count: queue.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_PX, overscan: 12 });
  const selectedIndex = selectedId ? queue.findIndex((i) => i.id === selectedId) : -1;
  useEffect(() => {
    if (selectedIndex >= 0) virtual.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtual]);

  function move(e: KeyboardEvent<HTMLDivElement>): void {
    if (queue.length === 0) return;
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW_PX * 10) / ROW_PX) - 1);
    const at = selectedIndex;
    const to =
      e.key === 'ArrowDown' ? Math.min(queue.length - 1, at + 1)
      : e.key === 'ArrowUp' ? Math.max(0, at < 0 ? 0 : at - 1)
      : e.key === 'PageDown' ? Math.min(queue.length - 1, Math.max(0, at) + page)
      : e.key === 'PageUp' ? Math.max(0, at - page)
      : e.key === 'Home' ? 0
      : e.key === 'End' ? queue.length - 1
      : e.key === 'Escape' ? -1
      : null;
    if (to === null) return;
    e.preventDefault();
    select(to < 0 ? null : queue[to]!.id);
  }

  return (
    <section className="view view-incidents" aria-labelledby="incidents-title">
      <div className="pane queue-pane">
        <div className="pane-head">
          <h1 id="incidents-title">{t('incidents.title')}</h1>
          <span className="muted" data-testid="incident-count">
            {isFiltered(filter) ? t('incidents.filter.shown', { shown: queue.length, count: incidents.size }) : t('incidents.count', { count: incidents.size })}
          </span>
          <span className="muted hint">{t('incidents.keyboardHint')}</span>
          <button type="button" data-testid="units-board-toggle" aria-pressed={boardOpen} aria-keyshortcuts="Alt+U" onClick={() => setBoardOpen(!boardOpen)}>
            <span>{t('unitsBoard.toggle')}</span> <kbd>Alt+U</kbd>
          </button>
          <button type="button" id="new-incident" className="primary new-incident" data-testid="new-incident" aria-keyshortcuts="Alt+N" disabled={!mayCreate} onClick={() => openForm(true)}>
            <span>{t('incidents.new')}</span>
            <kbd>{t('incidents.newShortcut')}</kbd>
          </button>
        </div>
        <QueueFilterBar districts={districts} />
        <div className="queue-grid" role="table" aria-labelledby="incidents-title" aria-rowcount={queue.length + 1}>
          <div className="queue-row queue-head" role="row">
            <span role="columnheader">{t('incidents.columns.priority')}</span>
            <span role="columnheader">{t('incidents.columns.type')}</span>
            <span role="columnheader">{t('incidents.columns.status')}</span>
            <span role="columnheader">{t('incidents.columns.address')}</span>
            <span role="columnheader">{t('incidents.columns.district')}</span>
            <span role="columnheader" className="num">{t('incidents.columns.age')}</span>
          </div>
          <div
            id="incident-queue"
            ref={scroller}
            className="table-scroll"
            tabIndex={0}
            role="rowgroup"
            aria-activedescendant={selected && selectedIndex >= 0 ? rowId(selected.id) : undefined}
            onKeyDown={move}
            data-testid="incident-queue"
          >
            {queue.length === 0 ? (
              <p className="empty">{incidents.size === 0 ? t('incidents.empty') : t('incidents.filter.none')}</p>
            ) : (
              <div className="queue-body" style={{ height: virtual.getTotalSize() }}>
                {virtual.getVirtualItems().map((v) => {
                  const i = queue[v.index]!;
                  return (
                    <Row
                      key={i.id}
                      incident={i}
                      top={v.start}
                      index={v.index}
                      selected={i.id === selectedId}
                      alerted={alerts.includes(i.id)}
                      age={formatAge(language, i.createdAt, now)}
                      onSelect={() => select(i.id)}
                    />
                  );
                })}
              </div>
            )}
          </div>
        </div>
        {boardOpen && <UnitsBoard />}
      </div>
      <IncidentDetail incident={selected} />
    </section>
  );
}

interface RowProps {
  incident: Incident;
  top: number;
  index: number;
  selected: boolean;
  alerted: boolean;
  age: string;
  onSelect: () => void;
}

function Row({ incident: i, top, index, selected, alerted, age, onSelect }: RowProps) {
  const { t } = useTranslation();
  return (
    <div
      id={rowId(i.id)}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-testid="incident-row"
      data-priority={i.priority}
      data-status={i.status}
      data-pending={i.pending}
      className={`queue-row${isFinished(i) ? ' finished' : ''}${i.exercise ? ' exercise' : ''}${alerted ? ' alerted' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      onClick={onSelect}
    >
      <span role="cell">
        <span className={`priority p${i.priority}`}>{t(priorityKey(i.priority))}</span>
      </span>
      <span role="cell">
        {t(`incidentType.${i.type}`)}
        {i.exercise && <span className="badge exercise-badge">{t('header.exercise')}</span>}
      </span>
      <span role="cell">
        <span className={`status s-${i.status}`}>{t(`incidentStatus.${i.status}`)}</span>
        {i.pending && (
          <span className="badge pending-badge" data-testid="pending-badge" title={t('incidents.pendingTitle')}>
            {t('incidents.pending')}
          </span>
        )}
      </span>
      <span role="cell" className="address">
        {i.address}
      </span>
      <span role="cell">{i.district}</span>
      <span role="cell" className="num">
        {age}
      </span>
    </div>
  );
}
