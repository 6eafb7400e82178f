import { z } from 'zod';
import { Actor, Language } from '../domain/identity';
import { SignedInOperator, SignedOutReason } from '../domain/operator';

export const StoreStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('opening') }),
  z.object({
    state: z.literal('ready'),
    schemaVersion: z.number().int(),
    path: z.string(),
    /** Where a damaged database was moved when the operator chose to start afresh. */
    movedAside: z.string().optional(),
    /** The last integrity check of the database in use (operations.md, "Running for months"); a failed one is shown on every window. */
    lastCheck: z.object({ at: z.number().int(), ok: z.boolean(), detail: z.string() }).optional(),
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
  /** The hub runs inside this Vigil (the demo, or a workstation without a city platform). */
  embedded: z.boolean(),
  url: z.string().nullable(),
  /** online: connected and caught up; connecting/reconnecting: trying; offline: unreachable, working locally. */
  state: z.enum(['not-configured', 'connecting', 'online', 'reconnecting', 'offline']),
  /** Why the last attempt failed, for the operator: unreachable, refused credentials, protocol. */
  problem: z.enum(['unreachable', 'unauthorized', 'protocol', 'bad-data']).nullable(),
  lastSyncAt: z.number().int().nullable(),
  pendingActions: z.number().int().nonnegative(),
  rejectedActions: z.number().int().nonnegative(),
  /** First download of a data set, with progress; null once both are live. */
  bootstrap: z.object({ stream: z.enum(['incidents', 'video_points']), received: z.number().int(), total: z.number().int() }).nullable(),
  /** Hub clock minus this workstation's clock, when last measured. */
  clockSkewMs: z.number().int().nullable(),
});
export type HubStatus = z.infer<typeof HubStatus>;

/** Who is signed in at this workstation (all its windows follow), or why nobody is. */
export const OperatorSession = z.object({ operator: SignedInOperator.nullable(), ended: SignedOutReason.nullable() });
export type OperatorSession = z.infer<typeof OperatorSession>;

export const SessionInfo = z.object({
  actor: Actor,
  signIn: OperatorSession,
  host: z.enum(['electron', 'browser']),
  language: Language,
  version: z.string(),
  store: StoreStatus,
  hub: HubStatus,
});
export type SessionInfo = z.infer<typeof SessionInfo>;
