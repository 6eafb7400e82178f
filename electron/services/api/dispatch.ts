// The boundary every renderer and browser-client message crosses. Nothing reaches a handler
// until the envelope and its params have passed the contract's schemas.
import { z } from 'zod';
import { MAX_MESSAGE_BYTES, RequestEnvelope, type ResponseEnvelope } from '../../shared/contract/envelope';
import { ServiceError, type ErrorCode } from '../../shared/contract/errors';
import { isMethod, requests } from '../../shared/contract/requests';
import type { Logger } from '../log/logger';
import type { Caller, Handlers } from './handlers';
import type { Gate } from './gate';

/**
 * Accepts a JSON string (WebSocket) or a structured-clone value (Electron IPC). `connection`
 * names the window or browser client for services that keep per-console state (the wall).
 * `gate` checks the method against the signed-in operator's role before the params are even
 * looked at: a refused request never reaches a handler (gate.ts, shared/auth/permissions.ts).
 */
export async function dispatch(raw: unknown, handlers: Handlers, log: Logger, origin: string, connection: string, gate: Gate): Promise<ResponseEnvelope> {
  let message: unknown = raw;
  if (typeof raw === 'string') {
    if (raw.length > MAX_MESSAGE_BYTES) return refuse(null, 'bad-request', 'message too large', log, origin);
    try {
      message = JSON.parse(raw);
    } catch {
      return refuse(null, 'bad-request', 'message is not valid JSON', log, origin);
    }
  }
  const envelope = RequestEnvelope.safeParse(message);
  if (!envelope.success) {
    const id = idOf(message);
    return refuse(id, 'bad-request', `not a request envelope: ${summarise(envelope.error)}`, log, origin);
  }
  const { id, method, params } = envelope.data;
  if (!isMethod(method)) return refuse(id, 'unknown-method', `no such method: ${method.slice(0, 100)}`, log, origin);
  const refused = await gate.check(method, origin, connection);
  if (refused) return { kind: 'response', id, ok: false, error: { code: refused, message: refused === 'forbidden' ? `the signed-in operator's role may not call ${method}` : `sign in before calling ${method}` } };
  const spec = requests[method];
  const parsed = spec.params.safeParse(params ?? {});
  if (!parsed.success) return refuse(id, 'bad-request', `invalid params for ${method}: ${summarise(parsed.error)}`, log, origin);
  try {
    const handler = handlers[method] as (p: unknown, caller: Caller) => Promise<unknown>;
    const result = spec.result.parse(await handler(parsed.data, { connection }));
    return { kind: 'response', id, ok: true, result };
  } catch (err) {
    const code = errorCode(err);
    if (code === 'internal') log.error({ err, method, origin }, 'request failed');
    else log.warn({ method, origin, code, message: (err as Error).message }, 'request refused');
    return { kind: 'response', id, ok: false, error: { code, message: (err as Error).message } };
  }
}

function refuse(id: number | null, code: ErrorCode, message: string, log: Logger, origin: string): ResponseEnvelope {
  log.warn({ origin, code, message }, 'malformed request refused');
  return { kind: 'response', id, ok: false, error: { code, message } };
}

function errorCode(err: unknown): ErrorCode {
  if (err instanceof ServiceError) return err.code;
  const code = (err as { code?: unknown }).code;
  if (code === 'store-unavailable') return 'store-unavailable';
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) return 'conflict';
  return 'internal';
}

function idOf(message: unknown): number | null {
  const id = (message as { id?: unknown } | null)?.id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : null;
}

function summarise(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}
