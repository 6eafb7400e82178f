import { Worker } from 'node:worker_threads';
import type { StoreStatus } from '../../shared/contract/status';
import type { OpName, StoreOps } from './ops';
import { OPENED_REPLY_ID, type StoreKeys, type WorkerReply, type WorkerRequest } from './worker-protocol';

type Args<K extends OpName> = Parameters<StoreOps[K]> extends [infer A] ? A : undefined;
type Value<K extends OpName> = Awaited<ReturnType<StoreOps[K]>>;

export class StoreCallError extends Error {
  constructor(readonly code: string | null, message: string, name: string) {
    super(message);
    this.name = name;
  }
}

/**
 * Main's handle on the database: every call crosses to the worker thread and resolves when the
 * worker's transaction has committed (synchronous=FULL), so "resolved" means "on disk".
 */
export class Store {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private exited: Error | null = null;

  private constructor(private readonly worker: Worker, readonly opened: StoreStatus) {
    worker.on('message', (reply: WorkerReply) => this.settle(reply));
    worker.on('error', (err) => this.fail(err));
    worker.on('exit', (code) => this.fail(new Error(`store worker exited with code ${code}`)));
  }

  /** Starts the worker on `file` and waits until the database is open (or found damaged); `keys` give it the secret box. */
  static start(workerPath: string, file: string, keys?: StoreKeys): Promise<Store> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(workerPath, { workerData: { file, ...(keys ? { keys } : {}) } });
      const onFirst = (reply: WorkerReply) => {
        if (reply.id !== OPENED_REPLY_ID) return;
        worker.off('message', onFirst);
        worker.off('error', reject);
        if (reply.ok) resolve(new Store(worker, reply.value as StoreStatus));
        else reject(new Error(reply.error.message));
      };
      worker.on('message', onFirst);
      worker.once('error', reject);
    });
  }

  call<K extends OpName>(op: K, ...args: Args<K> extends undefined ? [] : [Args<K>]): Promise<Value<K>> {
    if (this.exited) return Promise.reject(this.exited);
    const id = this.nextId++;
    const request: WorkerRequest = { id, op, args: args[0] };
    return new Promise<Value<K>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage(request);
    });
  }

  /** Closes the database cleanly (checkpointing the WAL), then stops the worker. */
  async close(): Promise<void> {
    if (this.exited) return;
    await this.call('close').catch(() => undefined);
    await this.worker.terminate();
  }

  private settle(reply: WorkerReply): void {
    const waiter = this.pending.get(reply.id);
    if (!waiter) return;
    this.pending.delete(reply.id);
    if (reply.ok) waiter.resolve(reply.value);
    else waiter.reject(new StoreCallError(reply.error.code, reply.error.message, reply.error.name));
  }

  private fail(err: Error): void {
    this.exited ??= err;
    for (const w of this.pending.values()) w.reject(err);
    this.pending.clear();
  }
}
