import path from 'node:path';
import { inject } from 'vitest';
import { Store } from '../../electron/services/store/store';

/** The store worker exactly as it ships (bundled by the global setup). */
export function workerPath(): string {
  return path.join(inject('distDir'), 'store-worker.cjs');
}

export function startStore(file: string): Promise<Store> {
  return Store.start(workerPath(), file);
}
