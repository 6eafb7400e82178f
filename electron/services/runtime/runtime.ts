// Assembles the services both hosts share: logger, store worker, event bus, request handlers.
import path from 'node:path';
import type { HubStatus } from '../../shared/contract/status';
import type { WindowRole } from '../../shared/domain/identity';
import { EventBus } from '../api/event-bus';
import { createHandlers, type Handlers } from '../api/handlers';
import { createLogger, type Logger } from '../log/logger';
import { Store } from '../store/store';
import { actorOf, DATABASE_FILE, type RuntimeOptions } from './options';
import { VERSION } from './version';

export interface Runtime {
  handlers: Handlers;
  bus: EventBus;
  store: Store;
  log: Logger;
  close(): Promise<void>;
}

export interface RuntimeHost {
  host: 'electron' | 'browser';
  /** Path of the bundled store worker (dist/electron/store-worker.cjs). */
  workerPath: string;
  openWindow(role: WindowRole): Promise<void>;
  stderrLogs?: boolean;
}

export async function startRuntime(options: RuntimeOptions, host: RuntimeHost): Promise<Runtime> {
  const log = createLogger({ dir: path.join(options.dataDir, 'logs'), stderr: host.stderrLogs ?? true });
  const actor = actorOf(options);
  const store = await Store.start(host.workerPath, path.join(options.dataDir, DATABASE_FILE));
  const opened = store.opened;
  if (opened.state === 'ready') {
    await store.call('registerOperator', { actor });
    const seeded = await store.call('seedDemoIfNew', { actor });
    log.info({ store: opened, seeded, host: host.host, version: VERSION }, 'services started');
  } else {
    // The operator decides what happens to a damaged database (store.recover); until then
    // every data request answers store-unavailable and the console shows why.
    log.error({ store: opened }, 'database cannot be used');
  }
  const hub: HubStatus = options.hubUrl
    ? { configured: true, url: options.hubUrl, state: 'offline' }
    : { configured: false, url: null, state: 'not-configured' };
  const bus = new EventBus();
  const handlers = createHandlers({ store, bus, log, actor, host: host.host, version: VERSION, hub: () => hub, openWindow: host.openWindow });
  return {
    handlers,
    bus,
    store,
    log,
    async close() {
      await store.close();
      log.info('services stopped');
      log.flush();
    },
  };
}
