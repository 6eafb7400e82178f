// What an operator action came to. Actions never throw into React: a failure carries the
// code the operator is shown (translated under errors.*), so nothing is swallowed silently.
import type { ErrorCode } from '../../../electron/shared/contract/errors';
import { RequestError } from '../transport/transport';

export type FailureCode = ErrorCode | 'link-down';

export type Outcome<T> = { ok: true; value: T } | { ok: false; code: FailureCode };

/** The code of anything a request threw; unexpected throws are internal errors. */
export const failureCode = (e: unknown): FailureCode => (e instanceof RequestError ? e.code : 'internal');

/** Runs a request and keeps what it came to, never throwing. */
export async function attempt<T>(call: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (e) {
    return { ok: false, code: failureCode(e) };
  }
}
