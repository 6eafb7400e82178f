import { z } from 'zod';

/**
 * The roles of people at a workstation. `wall` is the video-wall operator (大屏操作员). The
 * workstation database's operators table also knows `system` for actions nobody signed in made.
 */
export const ROLES = ['operator', 'supervisor', 'wall', 'viewer'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const Username = z.string().trim().min(1).max(64).regex(/^[\p{L}\p{N}._-]+$/u, 'letters, digits, dot, underscore or hyphen');
/** Only the length is checked: anything else would tell a guesser what the hub accepts. */
export const Password = z.string().min(1).max(256);

/** Who is signed in at this workstation, as every window may know it (never a password or token). */
export const SignedInOperator = z.object({
  id: z.string().min(1).max(64),
  username: z.string().min(1).max(64),
  name: z.string().min(1).max(64),
  role: Role,
  /** hub: checked by the hub just now; cache: the hub was unreachable, checked against this workstation's copy. */
  via: z.enum(['hub', 'cache']),
  signedInAt: z.number().int(),
  /** When the hub's token (or an offline session) runs out: sign in again then. */
  expiresAt: z.number().int(),
});
export type SignedInOperator = z.infer<typeof SignedInOperator>;

/** Why nobody is signed in: shown on the sign-in screen. */
export const SignedOutReason = z.enum(['signed-out', 'expired', 'revoked', 'handed-over']);
export type SignedOutReason = z.infer<typeof SignedOutReason>;

/** Why a sign-in was refused, for the operator (translated by the renderer). */
export const SIGN_IN_REFUSALS = ['bad-credentials', 'locked', 'no-cached-credentials', 'hub-refused', 'disabled'] as const;
export const SignInRefusal = z.enum(SIGN_IN_REFUSALS);
export type SignInRefusal = z.infer<typeof SignInRefusal>;

export const SignInAnswer = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), operator: SignedInOperator }),
  z.object({ ok: z.literal(false), reason: SignInRefusal, retryAfterMs: z.number().int().nonnegative().optional() }),
]);
export type SignInAnswer = z.infer<typeof SignInAnswer>;
