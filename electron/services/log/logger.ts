import fs from 'node:fs';
import path from 'node:path';
import pino, { type Logger } from 'pino';
import { createStream } from 'rotating-file-stream';
import { scrubSecrets } from './scrub';

export type { Logger };

export interface LogOptions {
  /** Folder for vigil.log and its rotated predecessors (vigil.log.1 …). */
  dir: string;
  level?: pino.Level;
  /** Also write warnings and errors to stderr, for a terminal or a service manager. */
  stderr?: boolean;
  rotation?: LogRotation;
}

export interface LogRotation {
  /** rotating-file-stream's size: a number with B, K, M or G ("10M"). */
  maxSize: string;
  /** Rotated files kept beside vigil.log (vigil.log.1 … vigil.log.N); older ones are deleted. */
  maxFiles: number;
}

/** 10 MB × 10 files: about 110 MB at most for months of logs. */
export const DEFAULT_LOG_ROTATION: LogRotation = { maxSize: '10M', maxFiles: 10 };

/**
 * Structured JSON lines, rotated by size (10 MB × 10 files unless told) so a workstation that runs for months
 * never fills its disk with logs. Secrets never reach a log line: the redact paths and the
 * scrubbing of every finished line (scrub.ts) are second guards behind not logging them at all.
 */
export function createLogger(opts: LogOptions): Logger {
  fs.mkdirSync(opts.dir, { recursive: true });
  const rotation = opts.rotation ?? DEFAULT_LOG_ROTATION;
  const file = createStream((time, index) => (time ? `vigil.log.${index}` : 'vigil.log'), {
    path: opts.dir,
    size: rotation.maxSize,
    maxFiles: rotation.maxFiles,
  });
  const streams: pino.StreamEntry[] = [{ level: opts.level ?? 'info', stream: file }];
  if (opts.stderr) streams.push({ level: 'warn', stream: process.stderr });
  return pino(
    {
      level: opts.level ?? 'info',
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: ['*.password', '*.token', '*.secret', '*.credentials', 'token', 'password', 'secret', 'credentials', 'authorization', '*.authorization', '*.headers.authorization', '*.headers.Authorization'],
        censor: '[redacted]',
      },
      // Passwords inside addresses and Authorization values, wherever in the line they are.
      hooks: { streamWrite: scrubSecrets },
    },
    pino.multistream(streams),
  );
}

export function logFile(dir: string): string {
  return path.join(dir, 'vigil.log');
}
