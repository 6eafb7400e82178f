// The engine's port straight onto a database handle, for tests that run many workstations in
// one process. Same functions as the store worker runs (electron/services/store/ops.ts).
import type { Database } from 'better-sqlite3';
import type { SyncPort } from '../../electron/services/sync/engine';
import { outboxBatch, recordResults } from '../../electron/services/store/outbox';
import { applyChanges, applySnapshotPage, readCursor, startResync, type ClientSabotage } from '../../electron/services/store/sync-apply';

export function directSyncPort(db: Database, now: () => number, sabotage: ClientSabotage = {}): SyncPort {
  return {
    cursor: async (stream) => readCursor(db, stream),
    applySnapshotPage: async (stream, page) => applySnapshotPage(db, stream, page, now()),
    applyChanges: async (stream, changes) => applyChanges(db, stream, changes, now(), sabotage),
    startResync: async (stream) => startResync(db, stream, now()),
    outboxBatch: async (limit) => outboxBatch(db, limit),
    recordResults: async (results) => recordResults(db, results, now()),
  };
}
