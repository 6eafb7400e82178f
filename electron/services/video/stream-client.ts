import type { AccessUnit } from '../../shared/video/access-unit';
import type { Credentials } from '../../shared/video/rtsp-auth';
import type { VideoCodec } from '../../shared/video/sdp';
import { FfmpegSource, REMUX_SCHEMES } from './ffmpeg-source';
import { RtspClient } from './rtsp-client';
import type { RtspError } from './rtsp-error';

/** One connection to one source of pictures, whatever its protocol. */
export interface StreamClient {
  play(): Promise<unknown>;
  /** Settles once: null after close(), the failure otherwise. */
  readonly closed: Promise<RtspError | null>;
  close(): void;
  readonly stats: { lostPackets: number; droppedUnits: number } | null;
}

export interface SourceOptions {
  url: string;
  credentials?: Credentials;
  codec?: VideoCodec | 'unknown';
  stallTimeoutMs?: number;
  onUnit(unit: AccessUnit): void;
}

/** RTSP cameras with Vigil's own client; RTMP, SRT and MPEG-TS/UDP through ffmpeg remuxing. Throws RtspError('bad_url'). */
export function openSource(o: SourceOptions): StreamClient {
  const scheme = /^[a-z]+:/i.exec(o.url)?.[0]?.toLowerCase() ?? '';
  if ((REMUX_SCHEMES as readonly string[]).includes(scheme)) {
    return new FfmpegSource({ url: o.url, onUnit: o.onUnit, ...(o.codec ? { codec: o.codec } : {}), ...(o.stallTimeoutMs ? { stallTimeoutMs: o.stallTimeoutMs } : {}) });
  }
  return new RtspClient({ url: o.url, onUnit: o.onUnit, ...(o.credentials ? { credentials: o.credentials } : {}), ...(o.stallTimeoutMs ? { stallTimeoutMs: o.stallTimeoutMs } : {}) });
}
