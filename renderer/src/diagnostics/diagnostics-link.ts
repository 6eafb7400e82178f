// The diagnostics view's part of the link to main (started by main-link.ts): figures and the
// backup list while the view is open, "back up now" and a supervisor's restore.
import { create } from 'zustand';
import type { BackupList, Diagnostics, RestoreResult } from '../../../electron/shared/contract/maintenance';
import type { Transport } from '../transport/transport';
import { attempt, type Outcome } from '../state/outcome';
import type { FailureCode } from '../state/outcome';

export interface DiagnosticsState {
  figures: Diagnostics | null;
  backups: BackupList | null;
  /** Why the last refresh failed; null after one that worked. */
  problem: FailureCode | null;
}

export const useDiagnostics = create<DiagnosticsState>()(() => ({ figures: null, backups: null, problem: null }));

export interface DiagnosticsLink {
  refresh(): Promise<void>;
  backupNow(): Promise<Outcome<unknown>>;
  restore(name: string): Promise<Outcome<RestoreResult>>;
}

export function linkDiagnostics(transport: Transport): DiagnosticsLink {
  async function refresh(): Promise<void> {
    const got = await attempt(() => Promise.all([transport.request('diagnostics.get', {}), transport.request('backups.list', {})]));
    useDiagnostics.setState(got.ok ? { figures: got.value[0], backups: got.value[1], problem: null } : { problem: got.code });
  }
  return {
    refresh,
    async backupNow() {
      const got = await attempt(() => transport.request('backups.run', {}));
      await refresh();
      return got;
    },
    async restore(name) {
      const got = await attempt(() => transport.request('backups.restore', { name, confirm: true }));
      await refresh();
      return got;
    },
  };
}
