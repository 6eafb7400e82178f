export interface WorkerRequest {
  id: number;
  op: string;
  args: unknown;
}

export type WorkerReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { name: string; code: string | null; message: string } };

/** Reply id the worker uses, once, to report how opening the database went. */
export const OPENED_REPLY_ID = -1;

/** The secret box's keys, handed to the worker at start (main process memory, never a file or a window). */
export interface StoreKeys {
  current: Uint8Array;
  keys: Uint8Array[];
}
