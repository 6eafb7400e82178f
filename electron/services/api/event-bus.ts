import { events, type EventName, type EventPayload } from '../../shared/contract/events';
import type { EventEnvelope } from '../../shared/contract/envelope';

type Listener = (event: EventEnvelope) => void;

/** Events from services to every connected window, whichever host carries them. */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    // Validated on the way out: a service bug must not reach a window as malformed state.
    const checked = events[name].parse(payload);
    const envelope: EventEnvelope = { kind: 'event', name, payload: checked };
    for (const l of this.listeners) l(envelope);
  }
}
