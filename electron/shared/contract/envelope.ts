// Wire envelopes shared by both transports (Electron IPC and the browser host's WebSocket).
import { z } from 'zod';
import { ErrorBody } from './errors';

export const PROTOCOL_VERSION = 1;
export const MAX_MESSAGE_BYTES = 1 << 20;

export const RequestEnvelope = z
  .object({
    kind: z.literal('request'),
    id: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    method: z.string().min(1).max(100),
    params: z.unknown(),
  })
  .strict();
export type RequestEnvelope = z.infer<typeof RequestEnvelope>;

export type ResponseEnvelope =
  | { kind: 'response'; id: number | null; ok: true; result: unknown }
  | { kind: 'response'; id: number | null; ok: false; error: ErrorBody };

export type EventEnvelope = { kind: 'event'; name: string; payload: unknown };

/** Browser host only: the first frame a client sends, before anything else is accepted. */
export const AuthEnvelope = z
  .object({ kind: z.literal('auth'), token: z.string().max(200), protocol: z.literal(PROTOCOL_VERSION) })
  .strict();

/** WebSocket close codes the browser host uses; the renderer explains each to the operator. */
export const CloseCode = { badToken: 4401, authTimeout: 4408, protocol: 4400 } as const;

export type ServerMessage = ResponseEnvelope | EventEnvelope;
