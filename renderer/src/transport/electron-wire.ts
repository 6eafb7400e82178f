import type { EventEnvelope, ResponseEnvelope } from '../../../electron/shared/contract/envelope';
import type { LinkState, Wire } from './transport';

/** What electron/preload/preload.ts exposes; nothing else of Electron or Node is reachable. */
export interface VigilBridge {
  request(envelope: unknown): Promise<ResponseEnvelope>;
  onEvent(listener: (event: EventEnvelope) => void): () => void;
}

declare global {
  interface Window {
    vigil?: VigilBridge;
  }
}

export function electronWire(bridge: VigilBridge): Wire {
  return {
    send: (envelope) => bridge.request(envelope),
    onEvent: (listener) => bridge.onEvent(listener),
    // IPC to main is up for as long as the window exists.
    onLinkState: (listener: (state: LinkState) => void) => {
      listener('open');
      return () => undefined;
    },
  };
}
