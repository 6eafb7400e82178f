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

port.on('message', (msg: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    const op = ops[msg.op as OpName] as (args: unknown) => unknown;
    if (typeof op !== 'function') throw new Error(`unknown store op ${msg.op}`);
    reply = { id: msg.id, ok: true, value: op(msg.args) };
  } catch (err) {
    const e = err as Error & { code?: string };
    reply = { id: msg.id, ok: false, error: { name: e.name, code: e.code ?? null, message: e.message } };
  }
  port.postMessage(reply);
});

// Opening runs after the listener is in place; messages queue until then.
try {
  state.open();
} catch (err) {
  state.status = { state: 'damaged', path: state.status.state === 'opening' ? '' : state.status.path, reason: 'unreadable', detail: (err as Error).message };
}
port.postMessage({ id: -1, ok: true, value: state.status } satisfies WorkerReply);
