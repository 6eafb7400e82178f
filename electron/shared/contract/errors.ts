import { z } from 'zod';

/**
 * Every failure the renderer can be told about. The renderer translates the code; the
 * message is English detail for logs and engineers, never shown as the only explanation.
 */
export const ERROR_CODES = [
  'bad-request', // not a well-formed envelope, or params failed validation
  'unknown-method',
  'store-unavailable', // database damaged or not open; see store.status
  'not-found',
  'conflict',
  'signed-out', // nobody is signed in at this workstation (or the session ran out): sign in first
  'forbidden', // the signed-in operator's role may not make this request (electron/shared/auth/permissions.ts)
  'unavailable', // a part main needs is missing (the native module for the wall); the message says which
  'internal',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorBody = z.object({ code: ErrorCode, message: z.string() });
export type ErrorBody = z.infer<typeof ErrorBody>;

/** Thrown by services; the dispatcher turns it into an error response. */
export class ServiceError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'ServiceError';
    this.code = code;
  }
}
