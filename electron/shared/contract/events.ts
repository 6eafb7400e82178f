// Events main pushes to every window. Payloads are validated before they leave main so a bug
// in a service cannot feed a renderer something its types do not describe.
import { z } from 'zod';
import { Incident } from '../domain/incident';
import { Language } from '../domain/identity';
import { HubStatus, StoreStatus } from './status';

export const events = {
  'incidents.changed': z.object({ upserted: z.array(Incident) }),
  'store.status': StoreStatus,
  'hub.status': HubStatus,
  'workspace.language': z.object({ language: Language }),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
