// Running for months: database backups and the diagnostics view's figures, as they cross to a window.
import { z } from 'zod';
import { HubStatus } from './status';

/** A backup's file name inside <data>/backups: nothing else may be named to restore (no paths). */
export const BackupName = z.string().regex(/^vigil-[0-9A-Za-z-]{1,60}\.db$/);

export const IntegrityResult = z.object({ at: z.number().int(), ok: z.boolean(), detail: z.string() });
export type IntegrityResult = z.infer<typeof IntegrityResult>;

export const BackupInfo = z.object({
  name: BackupName,
  /** scheduled / manual: made by the schedule or "back up now"; set-aside: the database a restore replaced. */
  kind: z.enum(['backup', 'set-aside']),
  at: z.number().int(),
  size: z.number().int().nonnegative(),
  /** Opened read-only and integrity-checked after it was written; null when never checked. */
  check: IntegrityResult.nullable(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

export const BackupList = z.object({
  folder: z.string(),
  backups: z.array(BackupInfo),
  /** How many scheduled backups are kept, and how often one is made. */
  keep: z.number().int().positive(),
  intervalMs: z.number().int().positive(),
});
export type BackupList = z.infer<typeof BackupList>;

export const RestoreRefusal = z.enum(['not-found', 'corrupt', 'newer-schema', 'unreadable']);
export type RestoreRefusal = z.infer<typeof RestoreRefusal>;

export const RestoreResult = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    /** The database the restore replaced, kept whole in the backups folder. */
    setAside: z.string(),
    /** Actions in the replaced database the hub had not answered: they stay in the set-aside copy, unsent. */
    unsentSetAside: z.number().int().nonnegative(),
  }),
  z.object({ ok: z.literal(false), reason: RestoreRefusal, message: z.string() }),
]);
export type RestoreResult = z.infer<typeof RestoreResult>;

export const StreamHealth = z.object({
  /** Camera or drone id (never its address: addresses may carry credentials). */
  id: z.string(),
  quality: z.string(),
  state: z.string(),
  viewers: z.number().int().nonnegative(),
  kbps: z.number().nonnegative().nullable(),
  fps: z.number().nonnegative().nullable(),
  /** Since the stream started: packets lost on the way, pictures dropped before a window got them. */
  lostPackets: z.number().int().nonnegative().nullable(),
  droppedPictures: z.number().int().nonnegative().nullable(),
});
export type StreamHealth = z.infer<typeof StreamHealth>;

export const Diagnostics = z.object({
  version: z.string(),
  host: z.enum(['electron', 'browser']),
  dataDir: z.string(),
  startedAt: z.number().int(),
  uptimeMs: z.number().int().nonnegative(),
  hub: HubStatus,
  sync: z.object({
    clientId: z.string().nullable(),
    cursors: z.array(z.object({ stream: z.string(), phase: z.string(), seq: z.number().int().nullable() })),
    outboxDepth: z.number().int().nonnegative(),
    /** When the oldest action still waiting for the hub was made; null when none waits. */
    oldestPendingAt: z.number().int().nullable(),
  }),
  database: z.object({
    state: z.enum(['opening', 'ready', 'damaged']),
    path: z.string().nullable(),
    size: z.number().int().nonnegative().nullable(),
    walSize: z.number().int().nonnegative().nullable(),
    lastBackup: BackupInfo.nullable(),
    lastCheck: IntegrityResult.nullable(),
  }),
  log: z.object({ file: z.string(), size: z.number().int().nonnegative().nullable(), maxSize: z.string(), maxFiles: z.number().int() }),
  streams: z.array(StreamHealth),
});
export type Diagnostics = z.infer<typeof Diagnostics>;
