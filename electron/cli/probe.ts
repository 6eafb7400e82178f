// `vigil probe URL`: a field engineer checks a camera with the same RTSP client the workstation
// uses, and sees what the stream really does over a few seconds. Exit 0 when it plays; 1 with the
// reason when it cannot.
import { parseSps, spsOf } from '../shared/video/access-unit-format';
import { StreamMeter, type StreamMeasurement } from '../shared/video/stream-meter';
import type { StreamFormat } from '../shared/video/stream-format';
import type { VideoFailure } from '../shared/contract/media';
import { RtspClient } from '../services/video/rtsp-client';
import { RtspError } from '../services/video/rtsp-error';

export interface ProbeOptions {
  url: string;
  seconds: number;
  json: boolean;
  username?: string;
  password?: string;
}

export type ProbeReport =
  | { ok: true; url: string; codec: string; format: StreamFormat | null; measured: StreamMeasurement; firstPictureMs: number | null; lostPackets: number; droppedPictures: number }
  | { ok: false; url: string; reason: VideoFailure; message: string };

/** The URL as printed: never its password. */
function redact(url: string): string {
  return url.replace(/^(rtsps?:\/\/[^:@/]*):[^@/]*@/, '$1:***@');
}

export async function probe(o: ProbeOptions): Promise<ProbeReport> {
  const meter = new StreamMeter();
  const started = Date.now();
  let firstPictureMs: number | null = null;
  let client: RtspClient;
  try {
    client = new RtspClient({
      url: o.url,
      ...(o.username !== undefined ? { credentials: { username: o.username, password: o.password ?? '' } } : {}),
      onUnit: (unit) => {
        firstPictureMs ??= Date.now() - started;
        if (unit.keyframe && !meter.format) {
          const sps = spsOf(unit);
          if (sps) {
            try {
              meter.format = parseSps(unit.codec, sps);
            } catch {
              // Reported as an unknown format; the measurement still stands.
            }
          }
        }
        meter.add(unit);
      },
    });
  } catch (err) {
    const e = err instanceof RtspError ? err : new RtspError('bad_url', String(err));
    return { ok: false, url: redact(o.url), reason: e.reason, message: e.message };
  }
  try {
    const playing = await client.play();
    const ended = await Promise.race([client.closed, new Promise<null>((r) => setTimeout(() => r(null), o.seconds * 1000))]);
    if (ended) return { ok: false, url: redact(o.url), reason: ended.reason, message: ended.message };
    const measured = meter.result();
    if (measured.pictures === 0) return { ok: false, url: redact(o.url), reason: 'no_data', message: `no picture in ${o.seconds} s` };
    return { ok: true, url: redact(playing.url), codec: playing.codec, format: meter.format, measured, firstPictureMs, lostPackets: client.stats?.lostPackets ?? 0, droppedPictures: client.stats?.droppedUnits ?? 0 };
  } catch (err) {
    const e = err instanceof RtspError ? err : new RtspError('protocol', String(err));
    return { ok: false, url: redact(o.url), reason: e.reason, message: e.message };
  } finally {
    client.close();
  }
}

export function printReport(r: ProbeReport): string {
  if (!r.ok) return `${r.url}\n  cannot play: ${r.reason} — ${r.message}\n`;
  const f = r.format;
  const m = r.measured;
  const rows: [string, string][] = [
    ['codec', f ? `${f.codec.toUpperCase()} ${f.profile}, level ${f.level} (${f.codecString})` : r.codec.toUpperCase()],
    ['resolution', f ? `${f.width}×${f.height}` : 'unknown'],
    ['frame rate', m.frameRate !== null ? `${m.frameRate} fps measured${f?.frameRate ? `, ${f.frameRate} declared` : ''}` : 'unknown'],
    ['bitrate', m.bitrateKbps !== null ? `${m.bitrateKbps} kbit/s` : 'unknown'],
    ['keyframe interval', m.keyframeIntervalS !== null ? `${m.keyframeIntervalS} s (${m.keyframeIntervalPictures} pictures)` : `${m.keyframes < 2 ? 'fewer than two keyframes seen' : 'unknown'}`],
    ['first picture', r.firstPictureMs !== null ? `${r.firstPictureMs} ms after connecting` : '—'],
    ['pictures', `${m.pictures} over ${m.streamSeconds.toFixed(2)} s of stream time, largest ${m.largestPictureBytes} bytes`],
    ['losses', `${r.lostPackets} RTP packets lost, ${r.droppedPictures} pictures dropped`],
  ];
  return `${r.url}\n${rows.map(([k, v]) => `  ${k.padEnd(18)} ${v}`).join('\n')}\n`;
}
