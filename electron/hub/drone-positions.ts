// Drone positions the hub relays to every workstation as they come (a platform's dock adapter,
// or the simulator's second drone). Not stored, not in the change log: a position is worth
// something only now, and the next one replaces it. Each is checked against the protocol before
// it leaves, so a faulty adapter cannot send workstations what they would have to refuse.
import type { Logger } from '../services/log/logger';
import { DronePosition, parseDronePosition } from '../shared/sync/drone-position';

export class DronePositionFeed {
  private readonly listeners = new Set<(p: DronePosition) => void>();
  private refused = 0;

  constructor(private readonly log?: Logger) {}

  subscribe(listener: (p: DronePosition) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sends a position to every connected workstation; false (and logged) when it is not a valid one. */
  publish(raw: unknown): boolean {
    const parsed = parseDronePosition(raw);
    if (!parsed.ok) {
      this.refused++;
      if (this.refused <= 5 || this.refused % 100 === 0) this.log?.warn({ reason: parsed.reason, count: this.refused }, 'drone position refused, not relayed');
      return false;
    }
    for (const l of this.listeners) l(parsed.position);
    return true;
  }
}

export type { DronePosition };
