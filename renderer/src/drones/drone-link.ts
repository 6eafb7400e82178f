// The drones' part of the link to main (started by main-link.ts): the list and latest telemetry
// when the session (re)opens, then every `drones.telemetry` event.
import type { Transport } from '../transport/transport';
import { useConsole } from '../state/console-store';
import { attempt } from '../state/outcome';
import { useDrones } from './drone-store';

export function linkDrones(transport: Transport): void {
  useConsole.subscribe((s, prev) => {
    if (!s.session?.signIn.operator || s.session === prev.session) return;
    void attempt(() => transport.request('drones.list', {})).then((got) => got.ok && useDrones.getState().setDrones(got.value.drones, got.value.telemetry));
  });
  transport.on('drones.telemetry', (t) => useDrones.getState().telemetry(t));
}
