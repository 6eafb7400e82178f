// A network source (MPEG-TS over UDP, SRT, RTMP) as one MPEG-TS byte stream with its video and
// data streams copied: `ffmpeg -c copy -f mpegts`. The video path (ffmpeg-source.ts) keeps only
// the pictures; tools that read a drone's KLV telemetry need the data streams too.
import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { classifyFfmpegError, REMUX_SCHEMES } from './ffmpeg-source';
import { RtspError } from './rtsp-error';

export interface TsRemux {
  /** MPEG-TS bytes as ffmpeg writes them. */
  readonly output: Readable;
  /** Settles when ffmpeg ends: null after close() or a clean end of the source, else why it failed. */
  readonly closed: Promise<RtspError | null>;
  close(): void;
}

export function isRemuxUrl(url: string): boolean {
  const scheme = /^[a-z]+:/i.exec(url)?.[0]?.toLowerCase();
  return !!scheme && (REMUX_SCHEMES as readonly string[]).includes(scheme);
}

export function remuxToTs(url: string, o: { ffmpeg?: string } = {}): TsRemux {
  if (!isRemuxUrl(url)) throw new RtspError('bad_url', `not an ${REMUX_SCHEMES.join(' / ')} address`);
  const args = [
    '-hide_banner', '-loglevel', 'error', '-nostdin',
    '-fflags', 'nobuffer', '-probesize', '500000', '-analyzeduration', '1000000',
    '-i', url,
    // Every video and data (KLV) stream, if there are any; never a decode.
    '-map', '0:v?', '-map', '0:d?', '-c', 'copy', '-f', 'mpegts', 'pipe:1',
  ];
  const child = spawn(o.ffmpeg ?? 'ffmpeg', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let closedByUs = false;
  child.stderr.on('data', (d) => (stderr = (stderr + String(d)).slice(-4000)));
  const closed = new Promise<RtspError | null>((resolve) => {
    child.on('error', (e) => resolve(new RtspError('server_error', `ffmpeg: ${e.message}`)));
    child.on('exit', (code) => resolve(closedByUs || code === 0 ? null : classifyFfmpegError(stderr)));
  });
  return {
    output: child.stdout,
    closed,
    close: () => {
      closedByUs = true;
      child.kill('SIGKILL');
    },
  };
}
