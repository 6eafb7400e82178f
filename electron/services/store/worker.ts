// Entry of the store's worker thread. SQLite work (and its fsyncs) happens here, so the main
// process keeps painting windows and answering the network while a transaction commits.
import { parentPort, workerData } from 'node:worker_threads';
import { createOps, type OpName, StoreState } from './ops';
import type { StoreKeys, WorkerReply, WorkerRequest } from './worker-protocol';
import { keyringOf, SecretBox } from '../secrets/secret-box';

const port = parentPort;
if (!port) throw new Error('store worker must run in a worker thread');

const data = workerData as { file: string; keys?: StoreKeys };
const state = new StoreState(data.file, data.keys ? new SecretBox(keyringOf(data.keys.keys.map((k) => Buffer.from(k)), Buffer.from(data.keys.current))) : null);
const ops = createOps(state);

function failure(id: number, err: unknown): WorkerReply {
  const e = err as Error & { code?: string };
  return { id, ok: false, error: { name: e.name, code: e.code ?? null, message: e.message } };
}

port.on('message', (msg: WorkerRequest) => {
  let value: unknown;
  try {
    const op = ops[msg.op as OpName] as (args: unknown) => unknown;
    if (typeof op !== 'function') throw new Error(`unknown store op ${msg.op}`);
    value = op(msg.args);
  } catch (err) {
    port.postMessage(failure(msg.id, err));
    return;
  }
  // An online backup runs in steps between other calls; everything else answers at once.
  if (value instanceof Promise) {
    value.then(
      (v: unknown) => port.postMessage({ id: msg.id, ok: true, value: v } satisfies WorkerReply),
      (err: unknown) => port.postMessage(failure(msg.id, err)),
    );
  } else {
    port.postMessage({ id: msg.id, ok: true, value } satisfies WorkerReply);
  }
});

// Opening runs after the listener is in place; messages queue until then.
try {
  state.open();
} catch (err) {
  state.status = { state: 'damaged', path: state.status.state === 'opening' ? '' : state.status.path, reason: 'unreadable', detail: (err as Error).message };
}
port.postMessage({ id: -1, ok: true, value: state.status } satisfies WorkerReply);
