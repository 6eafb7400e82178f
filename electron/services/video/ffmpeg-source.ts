// RTMP, SRT and MPEG-TS over UDP (drones, recorders, encoders) into the same access-unit path as
// RTSP cameras: ffmpeg only remuxes (`-c copy`) to an Annex B stream on a pipe — never a decode,
// never a re-encode — and the framer here cuts it into pictures.
import { spawn, type ChildProcess } from 'node:child_process';
import { AnnexBFramer } from '../../shared/video/annexb-framer';
import type { AccessUnit } from '../../shared/video/access-unit';
import type { VideoCodec } from '../../shared/video/sdp';
import { RtspError } from './rtsp-error';
import type { StreamClient } from './stream-client';

export const REMUX_SCHEMES = ['rtmp:', 'rtmps:', 'srt:', 'udp:'] as const;

export interface FfmpegSourceOptions {
  url: string;
  /** From the camera catalogue; 'unknown' asks ffprobe first. */
  codec?: VideoCodec | 'unknown';
  onUnit(unit: AccessUnit): void;
  startTimeoutMs?: number;
  stallTimeoutMs?: number;
  ffmpeg?: string;
  ffprobe?: string;
}

/** ffmpeg's last words, turned into what the tile says. */
export function classifyFfmpegError(stderr: string): RtspError {
  const last = stderr.trim().split('\n').filter(Boolean).slice(-3).join(' ').slice(0, 280);
  if (/connection refused|no route to host|network is unreachable|connection timed out|Host is unreachable|Name or service not known/i.test(stderr)) return new RtspError('unreachable', last);
  if (/401|403|unauthori[sz]ed|authentication|passphrase/i.test(stderr)) return new RtspError('auth', last);
  if (/404|not found|No such file/i.test(stderr)) return new RtspError('not_found', last);
  if (/Invalid data found|could not find codec|Unsupported codec|does not contain any stream|Output file #0 does not contain/i.test(stderr)) return new RtspError('protocol', last);
  if (/muxer does not support|codec .* not supported in container|Could not write header/i.test(stderr)) return new RtspError('unsupported_codec', last);
  return new RtspError('closed', last || 'the source ended');
}

export class FfmpegSource implements StreamClient {
  readonly closed: Promise<RtspError | null>;
  private settle!: (e: RtspError | null) => void;
  private child: ChildProcess | null = null;
  private ended = false;
  private stderr = '';
  private lastData = 0;
  private stall: NodeJS.Timeout | null = null;
  private framer: AnnexBFramer | null = null;
  private started = false;
  private dropped = 0;

  constructor(private readonly o: FfmpegSourceOptions) {
    this.closed = new Promise((resolve) => (this.settle = resolve));
    const scheme = /^[a-z]+:/i.exec(o.url)?.[0]?.toLowerCase();
    if (!scheme || !(REMUX_SCHEMES as readonly string[]).includes(scheme)) throw new RtspError('bad_url', `not an ${REMUX_SCHEMES.join(' / ')} address`);
  }

  get stats(): { lostPackets: number; droppedUnits: number } {
    return { lostPackets: 0, droppedUnits: this.dropped + (this.framer?.malformed ?? 0) };
  }

  async play(): Promise<{ codec: VideoCodec }> {
    try {
      const codec = this.o.codec && this.o.codec !== 'unknown' ? this.o.codec : await this.probeCodec();
      if (this.ended) throw new RtspError('closed', 'closed');
      this.framer = new AnnexBFramer(codec);
      await this.start(codec);
      return { codec };
    } catch (err) {
      const e = err instanceof RtspError ? err : new RtspError('protocol', String(err));
      this.finish(e);
      throw e;
    }
  }

  close(): void {
    this.finish(null);
  }

  private probeCodec(): Promise<VideoCodec> {
    return new Promise((resolve, reject) => {
      const args = ['-v', 'error', '-probesize', '500000', '-analyzeduration', '2000000', '-select_streams', 'v:0', '-show_entries', 'stream=codec_name', '-of', 'csv=p=0', this.o.url];
      const probe = spawn(this.o.ffprobe ?? 'ffprobe', args, { stdio: ['ignore', 'pipe', 'pipe'] });
      this.child = probe;
      let out = '';
      let err = '';
      const timer = setTimeout(() => probe.kill('SIGKILL'), this.o.startTimeoutMs ?? 10_000);
      probe.stdout!.on('data', (d) => (out += String(d)));
      probe.stderr!.on('data', (d) => (err += String(d)));
      probe.on('error', (e) => reject(new RtspError('server_error', `ffprobe: ${e.message}`)));
      probe.on('exit', (code, signal) => {
        clearTimeout(timer);
        const name = out.trim().split('\n')[0] ?? '';
        if (name === 'h264') resolve('h264');
        else if (name === 'hevc') resolve('h265');
        else if (name) reject(new RtspError('unsupported_codec', `video is ${name}`));
        else if (signal === 'SIGKILL') reject(new RtspError('no_data', `no video within ${Math.round((this.o.startTimeoutMs ?? 10_000) / 1000)} s`));
        else reject(code === 0 ? new RtspError('unsupported_codec', 'the source has no video') : classifyFfmpegError(err));
      });
    });
  }

  private start(codec: VideoCodec): Promise<void> {
    const args = [
      '-hide_banner', '-loglevel', 'error', '-nostdin',
      // Latency before completeness: no input buffering, no reordering delay.
      '-fflags', 'nobuffer', '-flags', 'low_delay', '-probesize', '500000', '-analyzeduration', '1000000',
      '-i', this.o.url,
      '-map', '0:v:0', '-c', 'copy', '-flush_packets', '1',
      '-f', codec === 'h264' ? 'h264' : 'hevc', 'pipe:1',
    ];
    const child = spawn(this.o.ffmpeg ?? 'ffmpeg', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new RtspError('no_data', `no picture within ${Math.round((this.o.startTimeoutMs ?? 10_000) / 1000)} s`));
      }, this.o.startTimeoutMs ?? 10_000);
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(new RtspError('server_error', `ffmpeg: ${e.message}`));
      });
      child.stderr!.on('data', (d) => (this.stderr = (this.stderr + String(d)).slice(-4000)));
      child.stdout!.on('data', (chunk: Buffer) => {
        this.lastData = Date.now();
        const units = this.framer!.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length), Math.round(Date.now() * 90));
        for (const u of units) {
          if (!this.started && !u.keyframe) {
            this.dropped++;
            continue;
          }
          if (!this.started) {
            this.started = true;
            clearTimeout(timer);
            this.armStallWatch();
            resolve();
          }
          this.o.onUnit(u);
        }
      });
      child.on('exit', () => {
        clearTimeout(timer);
        const e = classifyFfmpegError(this.stderr);
        reject(e);
        this.finish(e);
      });
    });
  }

  private armStallWatch(): void {
    const limit = this.o.stallTimeoutMs ?? 5000;
    this.stall = setInterval(() => {
      if (Date.now() - this.lastData > limit) this.finish(new RtspError('no_data', `no video for ${Math.round(limit / 1000)} s`));
    }, Math.min(1000, limit / 2));
  }

  private finish(e: RtspError | null): void {
    if (this.ended) return;
    this.ended = true;
    if (this.stall) clearInterval(this.stall);
    this.child?.kill('SIGKILL');
    this.child = null;
    this.settle(e);
  }
}
