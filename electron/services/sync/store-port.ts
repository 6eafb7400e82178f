import type { Store } from '../store/store';
import type { SyncPort } from './engine';

/** The engine's port in Vigil: every call runs in the store's worker thread, one transaction each. */
export function storePort(store: Store): SyncPort {
  return {
    cursor: (stream) => store.call('syncCursor', { stream }),
    applySnapshotPage: (stream, page) => store.call('syncApplySnapshotPage', { stream, page }),
    applyChanges: (stream, changes) => store.call('syncApplyChanges', { stream, changes }),
    startResync: (stream) => store.call('syncStartResync', { stream }),
    outboxBatch: (limit) => store.call('syncOutboxBatch', { limit }),
    recordResults: (results) => store.call('syncRecordResults', { results }),
  };
}
