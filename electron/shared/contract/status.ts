import { z } from 'zod';
import { Actor, Language } from '../domain/identity';

export const StoreStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('opening') }),
  z.object({
    state: z.literal('ready'),
    schemaVersion: z.number().int(),
    path: z.string(),
    /** Where a damaged database was moved when the operator chose to start afresh. */
    movedAside: z.string().optional(),
  }),
  z.object({
    state: z.literal('damaged'),
    path: z.string(),
    reason: z.enum(['corrupt', 'unreadable', 'newer-schema']),
    detail: z.string(),
  }),
]);
export type StoreStatus = z.infer<typeof StoreStatus>;

export const HubStatus = z.object({
  configured: z.boolean(),
  url: z.string().nullable(),
  state: z.enum(['not-configured', 'offline', 'connecting', 'online']),
});
export type HubStatus = z.infer<typeof HubStatus>;

export const SessionInfo = z.object({
  actor: Actor,
  host: z.enum(['electron', 'browser']),
  language: Language,
  version: z.string(),
  store: StoreStatus,
  hub: HubStatus,
});
export type SessionInfo = z.infer<typeof SessionInfo>;
