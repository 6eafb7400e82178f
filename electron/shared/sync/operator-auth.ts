// Operator sign-in over the workstation's socket.io link to the hub (docs/sync-protocol.md,
// "Operator sign-in"). The link itself is the workstation's (its secret, at the handshake); these
// messages say which person is at it. Pure: zod only.
import { z } from 'zod';
import { Password, Role, Username } from '../domain/operator';

export const HubSignInRequest = z.object({ username: Username, password: Password }).strict();
export type HubSignInRequest = z.infer<typeof HubSignInRequest>;

const Token = z.string().min(20).max(200);

export const HubSignInAnswer = z.discriminatedUnion('ok', [
  z
    .object({
      ok: z.literal(true),
      operator: z.object({ id: z.string().min(1).max(64), username: z.string().min(1).max(64), name: z.string().min(1).max(64), role: Role }).strict(),
      token: Token,
      expiresAt: z.number().int(),
    })
    .strict(),
  z.object({ ok: z.literal(false), reason: z.enum(['bad-credentials', 'disabled']) }).strict(),
]);
export type HubSignInAnswer = z.infer<typeof HubSignInAnswer>;

export const HubTokenRequest = z.object({ token: Token }).strict();
export type HubTokenRequest = z.infer<typeof HubTokenRequest>;

/** expired: ran out; revoked: signed out, password changed or account disabled; unknown: never issued here. */
export const HubTokenAnswer = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), expiresAt: z.number().int() }).strict(),
  z.object({ ok: z.literal(false), reason: z.enum(['expired', 'revoked', 'unknown']) }).strict(),
]);
export type HubTokenAnswer = z.infer<typeof HubTokenAnswer>;
