import path from 'node:path';
import { afterEach, inject } from 'vitest';
import { Store } from '../../electron/services/store/store';

/** The store worker exactly as it ships (bundled by the global setup). */
export function workerPath(): string {
  return path.join(inject('distDir'), 'store-worker.cjs');
}

export function startStore(file: string): Promise<Store> {
  return Store.start(workerPath(), file);
}

/**
 * Stores a test file starts, each closed after its test; `close` ends one earlier (to reopen
 * its file, or to read the file directly).
 */
export function useStores(): { start(file: string): Promise<Store>; close(store: Store): Promise<void> } {
  const open = new Set<Store>();
  afterEach(async () => {
    for (const s of open) await s.close();
    open.clear();
  });
  return {
    async start(file) {
      const s = await startStore(file);
      open.add(s);
      return s;
    },
    async close(s) {
      open.delete(s);
      await s.close();
    },
  };
}
