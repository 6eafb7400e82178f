// `vigil klv FILE|URL|-`: a field engineer checks a drone's STANAG 4609 stream (H.264/H.265 with
// MISB ST 0601 KLV in MPEG-TS) with the workstation's own demuxer and KLV decoder. One JSON line
// per KLV packet — its PTS, its timestamp, every decoded tag in SI units, the tags set aside —
// one line per packet skipped with the reason, and a summary line at the end.
//
// Exit codes: 0 at least one telemetry packet decoded; 1 the source could not be read (no such
// file, ffmpeg could not open the address) and nothing was decoded; 2 the source was read but
// carried no telemetry that could be decoded (no KLV stream, or every packet refused).
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { decodeUasLocalSet, type SkippedTag } from '../shared/video/klv/uas-local-set';
import type { UasTags } from '../shared/video/klv/uas-tags';
import type { KlvCarriage } from '../shared/video/mpegts/klv-descriptors';
import { TsDemuxer, type TsEvent, type TsStats } from '../shared/video/mpegts/demuxer';
import { PES_CLOCK_HZ } from '../shared/video/mpegts/pes';
import { isRemuxUrl, remuxToTs } from '../services/video/ffmpeg-ts';
import { RtspError } from '../services/video/rtsp-error';

export const KLV_EXIT = { decoded: 0, unreadable: 1, noTelemetry: 2 } as const;

type Where = { pid: number; carriage: KlvCarriage; ptsSeconds: number | null };
export type KlvPacketLine = { type: 'packet' } & Where & { timestampUs: number | null; tags: UasTags; skipped: readonly SkippedTag[] };
export type KlvSkippedLine = { type: 'skipped' } & Where & { reason: string; bytes: number };
export type KlvSummaryLine = {
  type: 'summary';
  source: string;
  klvStreams: { pid: number; carriage: KlvCarriage }[];
  videoStreams: { pid: number; codec: string }[];
  pictures: number;
  keyframes: number;
  /** KLV packets framed; decoded and refused ones both count. */
  klvPackets: number;
  decoded: number;
  /** Packets (and unframeable KLV bytes) skipped, by reason. */
  skipped: Record<string, number>;
  /** Single tags set aside inside decoded packets, by reason. */
  skippedTags: Record<string, number>;
  firstTimestampUs: number | null;
  lastTimestampUs: number | null;
  transport: TsStats;
  error: { reason: string; message: string } | null;
};

export interface KlvOptions {
  source: string;
  /** Stop after this long (live sources never end by themselves). */
  seconds?: number;
  ffmpeg?: string;
  stdin?: Readable;
  signal?: AbortSignal;
}

/** The source as printed: never a password or an SRT passphrase. */
export function redactSource(source: string): string {
  return source.replace(/^([a-z]+:\/\/[^:@/]*):[^@/]*@/i, '$1:***@').replace(/(passphrase=)[^&]*/i, '$1***');
}

const seconds = (pts: number | null): number | null => (pts === null ? null : pts / PES_CLOCK_HZ);
const bump = (tally: Record<string, number>, key: string): void => void (tally[key] = (tally[key] ?? 0) + 1);

/** Reads the source to its end (or the time limit, or the signal), writing lines as it goes; returns the exit code. */
export async function klv(o: KlvOptions, write: (line: string) => void): Promise<number> {
  const demuxer = new TsDemuxer();
  const summary: KlvSummaryLine = {
    type: 'summary', source: redactSource(o.source), klvStreams: [], videoStreams: [], pictures: 0, keyframes: 0, klvPackets: 0, decoded: 0,
    skipped: {}, skippedTags: {}, firstTimestampUs: null, lastTimestampUs: null, transport: demuxer.stats, error: null,
  };
  const emit = (line: KlvPacketLine | KlvSkippedLine | KlvSummaryLine): void => write(`${JSON.stringify(line)}\n`);
  const handle = (e: TsEvent): void => {
    if (e.kind === 'video') {
      summary.pictures++;
      if (e.keyframe) summary.keyframes++;
      return;
    }
    const where: Where = { pid: e.pid, carriage: e.carriage, ptsSeconds: seconds(e.pts) };
    if (e.kind === 'klv-skip') {
      bump(summary.skipped, e.reason);
      emit({ type: 'skipped', ...where, reason: e.reason, bytes: e.bytes });
      return;
    }
    summary.klvPackets++;
    const r = decodeUasLocalSet(e.bytes);
    if (!r.ok) {
      bump(summary.skipped, r.reason);
      emit({ type: 'skipped', ...where, reason: r.reason, bytes: e.bytes.length });
      return;
    }
    summary.decoded++;
    for (const s of r.skippedTags) bump(summary.skippedTags, s.reason);
    if (r.timestampUs !== null) {
      summary.firstTimestampUs ??= r.timestampUs;
      summary.lastTimestampUs = r.timestampUs;
    }
    emit({ type: 'packet', ...where, timestampUs: r.timestampUs, tags: r.tags, skipped: r.skippedTags });
  };

  let input: Readable;
  let stop = (): void => {
    input.destroy();
  };
  let remuxClosed: Promise<RtspError | null> | null = null;
  try {
    if (o.source === '-') input = o.stdin ?? process.stdin;
    else if (isRemuxUrl(o.source)) {
      const remux = remuxToTs(o.source, o.ffmpeg ? { ffmpeg: o.ffmpeg } : {});
      input = remux.output;
      stop = remux.close;
      remuxClosed = remux.closed;
    } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(o.source)) throw new RtspError('bad_url', 'a URL is udp://, srt://, rtmp:// or rtmps://; anything else is read as a file');
    else {
      await fs.promises.access(o.source, fs.constants.R_OK);
      input = fs.createReadStream(o.source);
    }
  } catch (err) {
    summary.error = err instanceof RtspError ? { reason: err.reason, message: err.message } : { reason: 'not_found', message: (err as Error).message };
    emit(summary);
    return KLV_EXIT.unreadable;
  }

  const timer = o.seconds !== undefined ? setTimeout(stop, o.seconds * 1000) : null;
  o.signal?.addEventListener('abort', stop, { once: true });
  try {
    for await (const chunk of input) {
      const bytes = chunk as Buffer;
      for (const e of demuxer.push(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length))) handle(e);
    }
  } catch (err) {
    // A destroyed stream (time limit, Ctrl-C) ends the loop this way; anything else is reported.
    if (!input.destroyed || (err as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') summary.error = { reason: 'read', message: (err as Error).message };
  } finally {
    if (timer) clearTimeout(timer);
    o.signal?.removeEventListener('abort', stop);
    stop();
  }
  for (const e of demuxer.flush()) handle(e);
  const failure = remuxClosed ? await remuxClosed : null;
  if (failure) summary.error = { reason: failure.reason, message: failure.message };
  for (const [pid, s] of demuxer.announced) {
    if (s.kind === 'klv') summary.klvStreams.push({ pid, carriage: s.carriage });
    else summary.videoStreams.push({ pid, codec: s.codec });
  }
  emit(summary);
  if (summary.decoded > 0) return KLV_EXIT.decoded;
  return summary.error ? KLV_EXIT.unreadable : KLV_EXIT.noTelemetry;
}
