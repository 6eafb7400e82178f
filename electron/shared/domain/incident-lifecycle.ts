// The incident state machine: new → dispatched → en route → on scene → closed, with
// cancellation from any open state. Both the hub and the workstations check status changes
// against it, so an intent that no longer makes sense is rejected, never applied blindly.
import type { IncidentStatus } from './incident';

const NEXT: Readonly<Record<IncidentStatus, readonly IncidentStatus[]>> = {
  new: ['dispatched', 'en_route', 'on_scene', 'closed', 'cancelled'],
  dispatched: ['en_route', 'on_scene', 'closed', 'cancelled'],
  en_route: ['on_scene', 'closed', 'cancelled'],
  on_scene: ['closed', 'cancelled'],
  closed: [],
  cancelled: [],
};

export const isFinal = (s: IncidentStatus): boolean => NEXT[s].length === 0;

export function canTransition(from: IncidentStatus, to: IncidentStatus): boolean {
  return NEXT[from].includes(to);
}

export function nextStatuses(from: IncidentStatus): readonly IncidentStatus[] {
  return NEXT[from];
}
