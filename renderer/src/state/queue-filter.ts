// What the operator narrows the queue to. Pure, so 50 000 rows can be filtered and tested
// without a window; the view only renders the visible slice of the result.
import type { Incident, IncidentStatus, IncidentType } from '../../../electron/shared/domain/incident';
import { isFinished, queueOrder } from './incident-order';

export const TIME_WINDOWS = ['all', '1h', '8h', '24h'] as const;
export type TimeWindow = (typeof TIME_WINDOWS)[number];
const WINDOW_MS: Record<TimeWindow, number> = { all: Infinity, '1h': 3_600_000, '8h': 8 * 3_600_000, '24h': 24 * 3_600_000 };

export const SORTS = ['queue', 'newest', 'oldest', 'priority'] as const;
export type QueueSort = (typeof SORTS)[number];

export interface QueueFilter {
  /** 'open': everything not closed or cancelled (the shift's working view). */
  scope: 'open' | 'all' | IncidentStatus;
  priorities: readonly number[];
  type: IncidentType | null;
  district: string | null;
  window: TimeWindow;
  text: string;
  sort: QueueSort;
}

export const DEFAULT_FILTER: QueueFilter = { scope: 'all', priorities: [], type: null, district: null, window: 'all', text: '', sort: 'queue' };

const SORTERS: Record<QueueSort, (a: Incident, b: Incident) => number> = {
  queue: queueOrder,
  newest: (a, b) => b.createdAt - a.createdAt || a.id.localeCompare(b.id),
  oldest: (a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id),
  priority: (a, b) => a.priority - b.priority || b.createdAt - a.createdAt || a.id.localeCompare(b.id),
};

// The searchable text of a row, lower-cased once per row object (rows are replaced, never
// mutated, so the cache follows them) and per labelling (language): typing in the search box
// over 50 000 rows must not rebuild 50 000 strings per keystroke.
const haystacks = new WeakMap<(t: IncidentType) => string, WeakMap<Incident, string>>();
function haystack(i: Incident, label: (t: IncidentType) => string): string {
  let byRow = haystacks.get(label);
  if (!byRow) haystacks.set(label, (byRow = new WeakMap()));
  let text = byRow.get(i);
  if (text === undefined) byRow.set(i, (text = `${i.address}\n${i.summary}\n${i.district}\n${label(i.type)}\n${i.id}`.toLocaleLowerCase()));
  return text;
}

/**
 * The rows the operator asked for, in the order asked. `label` gives the translated type name so
 * that searching "火灾" or "fire" finds fires in either language.
 */
export function applyQueueFilter(rows: Iterable<Incident>, f: QueueFilter, now: number, label: (t: IncidentType) => string): Incident[] {
  const needle = f.text.trim().toLocaleLowerCase();
  const since = now - WINDOW_MS[f.window];
  const priorities = f.priorities.length ? new Set(f.priorities) : null;
  const out: Incident[] = [];
  for (const i of rows) {
    if (f.scope === 'open' ? isFinished(i) : f.scope !== 'all' && i.status !== f.scope) continue;
    if (priorities && !priorities.has(i.priority)) continue;
    if (f.type && i.type !== f.type) continue;
    if (f.district && i.district !== f.district) continue;
    if (i.createdAt < since) continue;
    if (needle && !haystack(i, label).includes(needle)) continue;
    out.push(i);
  }
  return out.sort(SORTERS[f.sort]);
}

export function isFiltered(f: QueueFilter): boolean {
  return f.scope !== 'all' || f.priorities.length > 0 || f.type !== null || f.district !== null || f.window !== 'all' || f.text.trim() !== '';
}

/** Districts present in the rows, for the filter's choices. */
export function districtsOf(rows: Iterable<Incident>): string[] {
  const set = new Set<string>();
  for (const i of rows) if (i.district) set.add(i.district);
  return [...set].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}
