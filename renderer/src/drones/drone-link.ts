// The drones' part of the link to main (started by main-link.ts): the list and latest telemetry
// when the session (re)opens, then every `drones.telemetry` and `drones.changed` event; and the
// operator's edit of a hub drone record.
import type { Drone, DroneEdit } from '../../../electron/shared/domain/drone';
import type { Transport } from '../transport/transport';
import { useConsole } from '../state/console-store';
import { attempt, type Outcome } from '../state/outcome';
import { useDrones } from './drone-store';

export interface DroneLink {
  /** The editor shows a refusal next to its fields: reports back, and posts no notice. */
  save(edit: DroneEdit): Promise<Outcome<Drone>>;
}

export function linkDrones(transport: Transport): DroneLink {
  useConsole.subscribe((s, prev) => {
    if (!s.session?.signIn.operator || s.session === prev.session) return;
    void attempt(() => transport.request('drones.list', {})).then((got) => got.ok && useDrones.getState().setDrones(got.value.drones, got.value.telemetry));
  });
  transport.on('drones.telemetry', (t) => useDrones.getState().telemetry(t));
  transport.on('drones.changed', (e) => useDrones.getState().setDrones(e.drones, []));
  return {
    save: async (edit) => {
      const got = await attempt(() => transport.request('drones.save', edit));
      return got.ok ? { ok: true, value: got.value.drone } : got;
    },
  };
}
