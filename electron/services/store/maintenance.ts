// When the integrity check and backup run: at start when the last backup is older than the
// interval (or there is none), then every interval. The decision is pure (a clock passed in);
// the driver only sets one timer at a time and asks the store worker to do the work.
import type { BackupInfo, IntegrityResult } from '../../shared/contract/maintenance';
import type { Actor } from '../../shared/domain/identity';
import type { Logger } from '../log/logger';
import type { Store } from './store';

export interface MaintenancePolicy {
  /** Between two scheduled backups (and integrity checks). */
  intervalMs: number;
  /** Scheduled and manual backups kept; older ones are deleted after each new one. */
  keep: number;
}

export const DEFAULT_MAINTENANCE: MaintenancePolicy = { intervalMs: 6 * 60 * 60 * 1000, keep: 14 };

/**
 * When the next scheduled run is due. A last backup stamped in the future (the clock was set
 * back) counts as due now, or the schedule would wait for the clock to catch up.
 */
export function nextRunAt(lastBackupAt: number | null, now: number, intervalMs: number): number {
  if (lastBackupAt === null || lastBackupAt > now) return now;
  return Math.max(now, lastBackupAt + intervalMs);
}

export interface MaintenanceDeps {
  store: Store;
  actor: Actor;
  policy: MaintenancePolicy;
  log: Logger;
  now?: () => number;
  /** Told after each run (the store status with its check, for every window). */
  onRun(result: { check: IntegrityResult | null; backup: BackupInfo | null }): void;
}

export class MaintenanceSchedule {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<BackupInfo | null> | null = null;
  private stopped = false;
  private started = false;
  private readonly now: () => number;

  constructor(private readonly d: MaintenanceDeps) {
    this.now = d.now ?? Date.now;
  }

  /** Arms the schedule (once; a database recovered or restored later starts it then). */
  async start(): Promise<void> {
    if (this.started || this.stopped) return;
    this.started = true;
    const { backups } = await this.d.store.call('listBackups');
    const last = backups.find((b) => b.kind === 'backup')?.at ?? null;
    this.arm(nextRunAt(last, this.now(), this.d.policy.intervalMs));
  }

  /** Checks and backs up now (the schedule's run, or "back up now"); one run at a time. */
  run(why: 'scheduled' | 'manual'): Promise<BackupInfo | null> {
    this.running ??= this.work(why).finally(() => {
      this.running = null;
      if (!this.stopped) this.arm(this.now() + this.d.policy.intervalMs);
    });
    return this.running;
  }

  /** Resolves once no run is in progress (a restore must not close the database under a backup). */
  async settled(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private arm(at: number): void {
    if (this.timer) clearTimeout(this.timer);
    // setTimeout holds at most ~24.8 days; the interval is hours.
    this.timer = setTimeout(() => void this.run('scheduled'), Math.max(0, at - this.now()));
    this.timer.unref();
  }

  private async work(why: 'scheduled' | 'manual'): Promise<BackupInfo | null> {
    let check: IntegrityResult | null = null;
    let backup: BackupInfo | null = null;
    try {
      check = await this.d.store.call('checkIntegrity', { actor: this.d.actor });
      if (!check.ok) this.d.log.error({ check }, 'database integrity check failed');
      backup = await this.d.store.call('backup', { actor: this.d.actor, keep: this.d.policy.keep, why });
      const level = backup.check?.ok ? 'info' : 'error';
      this.d.log[level]({ backup: backup.name, size: backup.size, check: backup.check }, backup.check?.ok ? 'database backed up and verified' : 'database backup failed its check');
    } catch (err) {
      this.d.log.error({ err: err instanceof Error ? err.message : String(err), why }, 'database maintenance could not run');
      if (why === 'manual') throw err;
    } finally {
      this.d.onRun({ check, backup });
    }
    return backup;
  }
}
