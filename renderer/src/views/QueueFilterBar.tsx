import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { INCIDENT_TYPES, type IncidentType } from '../../../electron/shared/domain/incident';
import { isTypingTarget } from '../shell/keys';
import { useConsole } from '../state/console-store';
import { DEFAULT_FILTER, isFiltered, SORTS, TIME_WINDOWS, type QueueSort, type TimeWindow } from '../state/queue-filter';
import { priorityKey } from './priority';

export function QueueFilterBar({ districts }: { districts: readonly string[] }) {
  const { t } = useTranslation();
  const f = useConsole((s) => s.queueFilter);
  const setFilter = useConsole((s) => s.setQueueFilter);
  const search = useRef<HTMLInputElement>(null);

  // "/" jumps to the search field from anywhere in the window, as in most operator tools.
  useEffect(() => {
    function onKey(e: KeyboardEvent): void {
      if (e.key !== '/' || e.ctrlKey || e.altKey || e.metaKey || isTypingTarget(e.target)) return;
      e.preventDefault();
      search.current?.focus();
      search.current?.select();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const togglePriority = (p: number) => setFilter({ priorities: f.priorities.includes(p) ? f.priorities.filter((x) => x !== p) : [...f.priorities, p].sort() });

  return (
    <div className="queue-filter" role="search" aria-label={t('incidents.filter.label')}>
      <div className="segmented" role="group" aria-label={t('incidents.filter.scope')}>
        {(['open', 'all'] as const).map((scope) => (
          <button key={scope} type="button" data-testid={`filter-scope-${scope}`} aria-pressed={f.scope === scope} onClick={() => setFilter({ scope })}>
            {t(`incidents.filter.${scope}`)}
          </button>
        ))}
      </div>
      <div className="segmented" role="group" aria-label={t('incidents.filter.priority')}>
        {[1, 2, 3, 4].map((p) => (
          <button key={p} type="button" className={`chip p${p}`} data-testid={`filter-priority-${p}`} aria-pressed={f.priorities.includes(p)} onClick={() => togglePriority(p)}>
            {t(priorityKey(p))}
          </button>
        ))}
      </div>
      <select aria-label={t('incidents.filter.type')} data-testid="filter-type" value={f.type ?? ''} onChange={(e) => setFilter({ type: (e.target.value || null) as IncidentType | null })}>
        <option value="">{t('incidents.filter.anyType')}</option>
        {INCIDENT_TYPES.map((type) => (
          <option key={type} value={type}>
            {t(`incidentType.${type}`)}
          </option>
        ))}
      </select>
      <select aria-label={t('incidents.filter.district')} data-testid="filter-district" value={f.district ?? ''} onChange={(e) => setFilter({ district: e.target.value || null })}>
        <option value="">{t('incidents.filter.anyDistrict')}</option>
        {districts.map((d) => (
          <option key={d} value={d}>
            {d}
          </option>
        ))}
      </select>
      <select aria-label={t('incidents.filter.window')} data-testid="filter-window" value={f.window} onChange={(e) => setFilter({ window: e.target.value as TimeWindow })}>
        {TIME_WINDOWS.map((w) => (
          <option key={w} value={w}>
            {t(`incidents.filter.windows.${w}`)}
          </option>
        ))}
      </select>
      <input
        ref={search}
        type="search"
        className="queue-search"
        data-testid="filter-search"
        aria-label={t('incidents.filter.search')}
        placeholder={t('incidents.filter.searchPlaceholder')}
        value={f.text}
        onChange={(e) => setFilter({ text: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            setFilter({ text: '' });
            document.getElementById('incident-queue')?.focus();
          } else if (e.key === 'Enter') document.getElementById('incident-queue')?.focus();
        }}
      />
      <select aria-label={t('incidents.filter.sort')} data-testid="filter-sort" value={f.sort} onChange={(e) => setFilter({ sort: e.target.value as QueueSort })}>
        {SORTS.map((s) => (
          <option key={s} value={s}>
            {t(`incidents.filter.sorts.${s}`)}
          </option>
        ))}
      </select>
      {isFiltered(f) && (
        <button type="button" data-testid="filter-clear" onClick={() => setFilter({ ...DEFAULT_FILTER, sort: f.sort })}>
          {t('incidents.filter.clear')}
        </button>
      )}
    </div>
  );
}
