// The requests of "running for months": window state kept by main, diagnostics, backups.
import fs from 'node:fs';
import type { Method } from '../../shared/contract/requests';
import type { Diagnostics } from '../../shared/contract/maintenance';
import { ServiceError } from '../../shared/contract/errors';
import type { MaintenanceSchedule, MaintenancePolicy } from '../store/maintenance';
import type { WindowStates } from '../workspace/window-states';
import type { MediaService } from '../video/media-service';
import type { Handlers, ServiceDeps } from './handlers';

export interface RunningDeps {
  dataDir: string;
  startedAt: number;
  log: { file: string; maxSize: string; maxFiles: number };
  windowStates: WindowStates;
  maintenance: MaintenanceSchedule;
  policy: MaintenancePolicy;
  /** Streams and their meters; null until the media service has started. */
  media: () => Pick<MediaService, 'health'> | null;
  /** Runs `work` with sync stopped, then starts sync again on whatever database is open then (its cursors and outbox). */
  withSyncStopped<T>(work: () => Promise<T>): Promise<T>;
}

type Running = Extract<Method, 'workspace.windowState' | 'workspace.saveWindowState' | 'diagnostics.get' | `backups.${string}`>;

const sizeOf = (file: string): number | null => {
  try {
    return fs.statSync(file).size;
  } catch {
    return null;
  }
};

export function runningHandlers(d: ServiceDeps, r: RunningDeps): Pick<Handlers, Running> {
  return {
    'workspace.windowState': async (p) => {
      if ((await d.store.call('status')).state !== 'ready') return null;
      return r.windowStates.get(p.role);
    },
    'workspace.saveWindowState': async (p) => {
      r.windowStates.save(p.role, p.state);
      return {};
    },
    'diagnostics.get': async () => {
      const store = await d.store.call('status');
      const facts = store.state === 'ready' ? await d.store.call('maintenanceFacts') : null;
      const { backups } = await d.store.call('listBackups');
      const path = store.state === 'opening' ? null : store.path;
      const now = Date.now();
      const result: Diagnostics = {
        version: d.version,
        host: d.host,
        dataDir: r.dataDir,
        startedAt: r.startedAt,
        uptimeMs: Math.max(0, now - r.startedAt),
        hub: d.hub(),
        sync: {
          clientId: facts?.clientId ?? null,
          cursors: (facts?.cursors ?? []).map((c) => ({ stream: c.stream, phase: c.cursor.phase, seq: c.cursor.phase === 'live' ? c.cursor.seq : null })),
          outboxDepth: facts?.outboxDepth ?? 0,
          oldestPendingAt: facts?.oldestPendingAt ?? null,
        },
        database: {
          state: store.state,
          path,
          size: path ? sizeOf(path) : null,
          walSize: path ? sizeOf(`${path}-wal`) : null,
          lastBackup: backups.find((b) => b.kind === 'backup') ?? null,
          lastCheck: facts?.lastCheck ?? null,
        },
        log: { file: r.log.file, size: sizeOf(r.log.file), maxSize: r.log.maxSize, maxFiles: r.log.maxFiles },
        streams: (r.media()?.health() ?? []).map((s) => ({
          id: s.id,
          quality: s.quality,
          state: s.state,
          viewers: s.viewers,
          kbps: s.stats?.bitrateKbps ?? null,
          fps: s.stats?.frameRate ?? null,
          lostPackets: s.stats?.lostPackets ?? null,
          droppedPictures: s.stats?.droppedPictures ?? null,
        })),
      };
      return result;
    },
    'backups.list': async () => ({ ...(await d.store.call('listBackups')), keep: r.policy.keep, intervalMs: r.policy.intervalMs }),
    'backups.run': async () => {
      const made = await r.maintenance.run('manual');
      if (!made) throw new ServiceError('unavailable', 'the backup could not be made; see the log');
      return made;
    },
    'backups.restore': async (p) => {
      await r.maintenance.settled();
      await r.windowStates.flush();
      const result = await r.withSyncStopped(() => d.store.call('restoreBackup', { actor: d.actor, name: p.name }));
      if (!result.ok) {
        d.log.warn({ action: 'backups.restore', name: p.name, reason: result.reason, message: result.message }, 'backup restore refused');
        return result;
      }
      d.log.warn({ action: 'backups.restore', name: p.name, setAside: result.setAside, unsentSetAside: result.unsentSetAside }, 'database restored from a backup');
      const status = await d.store.call('status');
      d.bus.emit('store.status', status);
      return result;
    },
  };
}
