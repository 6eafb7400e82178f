// How a window talks to main. The same renderer runs in both hosts: in Electron the preload
// exposes window.vigil (IPC); in a browser the host's WebSocket carries the same envelopes.
import type { EventEnvelope, ResponseEnvelope } from '../../../electron/shared/contract/envelope';
import type { ErrorBody } from '../../../electron/shared/contract/errors';
import type { EventName, EventPayload } from '../../../electron/shared/contract/events';
import type { Method, ParamsIn, Result } from '../../../electron/shared/contract/requests';

export type LinkState = 'connecting' | 'open' | 'closed' | 'refused';

export interface Wire {
  send(envelope: { kind: 'request'; id: number; method: string; params: unknown }): Promise<ResponseEnvelope>;
  onEvent(listener: (event: EventEnvelope) => void): () => void;
  onLinkState(listener: (state: LinkState, reason?: string) => void): () => void;
}

/** A failed request: the code is translated for the operator, the message kept for engineers. */
export class RequestError extends Error {
  readonly code: ErrorBody['code'] | 'link-down';
  constructor(code: RequestError['code'], message: string) {
    super(message);
    this.name = 'RequestError';
    this.code = code;
  }
}

export class Transport {
  private nextId = 1;
  constructor(private readonly wire: Wire) {}

  async request<M extends Method>(method: M, params: ParamsIn<M>): Promise<Result<M>> {
    const reply = await this.wire.send({ kind: 'request', id: this.nextId++, method, params });
    if (!reply.ok) throw new RequestError(reply.error.code, reply.error.message);
    return reply.result as Result<M>;
  }

  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
    return this.wire.onEvent((e) => {
      if (e.name === name) listener(e.payload as EventPayload<E>);
    });
  }

  onLinkState(listener: (state: LinkState, reason?: string) => void): () => void {
    return this.wire.onLinkState(listener);
  }
}
