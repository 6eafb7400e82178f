// The order an operator works the queue in: open incidents before finished ones, the most
// urgent first, and among equals the newest first.
import type { Incident, IncidentStatus } from '../../../electron/shared/domain/incident';

const FINISHED: ReadonlySet<IncidentStatus> = new Set(['closed', 'cancelled']);

export const isFinished = (i: Incident): boolean => FINISHED.has(i.status);

export function queueOrder(a: Incident, b: Incident): number {
  return Number(isFinished(a)) - Number(isFinished(b)) || a.priority - b.priority || b.createdAt - a.createdAt || a.id.localeCompare(b.id);
}

export function sortedQueue(incidents: ReadonlyMap<string, Incident>): Incident[] {
  return [...incidents.values()].sort(queueOrder);
}
