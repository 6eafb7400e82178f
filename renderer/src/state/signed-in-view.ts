// The link as the parts that need an operator see it (the wall, a wall output): open only while
// someone is signed in at the workstation, and opened again when another operator takes over,
// so they join and load as that operator. Before sign-in main refuses their requests anyway.
import type { LinkState, Transport } from '../transport/transport';
import { useConsole, type ConsoleState } from './console-store';

const operatorOf = (s: ConsoleState): string | null => s.session?.signIn.operator?.id ?? null;

export function signedInView(transport: Transport): Transport {
  let link: LinkState = 'connecting';
  let operator = operatorOf(useConsole.getState());
  const listeners = new Set<(state: LinkState, reason?: string) => void>();
  const seen = (): LinkState => (link === 'open' && !operator ? 'connecting' : link);
  const tell = (reason?: string) => {
    for (const l of [...listeners]) l(seen(), reason);
  };
  transport.onLinkState((state, reason) => {
    link = state;
    tell(reason);
  });
  useConsole.subscribe((s) => {
    const now = operatorOf(s);
    if (now === operator) return;
    operator = now;
    tell();
  });
  const view = Object.create(transport) as Transport;
  // Requests go through the transport itself: one id counter per wire, or replies would cross.
  view.request = (method, params) => transport.request(method, params);
  view.onLinkState = (listener) => {
    listeners.add(listener);
    if (seen() === 'open') queueMicrotask(() => listeners.has(listener) && listener(seen()));
    return () => listeners.delete(listener);
  };
  return view;
}
