import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { toAnnexB } from '../../electron/shared/video/access-unit';
import { AnnexBFramer } from '../../electron/shared/video/annexb-framer';
import type { VideoCodec } from '../../electron/shared/video/sdp';

/**
 * Short H.264/H.265 clips made with the ffmpeg CLI, and ffmpeg's own decode of them: the
 * reference the native decoder is compared with (tests) and measured against (benchmark).
 */

export interface ClipSpec {
  codec: VideoCodec;
  width: number;
  height: number;
  frames: number;
  /** Encoder pixel format: yuv420p unless a test wants full range or 10 bits. */
  pixFmt?: 'yuv420p' | 'yuvj420p' | 'yuv420p10le';
  /** lavfi source; testsrc2 has motion everywhere, so every picture costs real decoding. */
  source?: 'testsrc' | 'testsrc2';
}

/** Writes a raw Annex B elementary stream (`-f h264` / `-f hevc`) with B-frames and two GOPs. */
export function encodeClip(dir: string, spec: ClipSpec): string {
  const file = path.join(dir, `${spec.codec}-${spec.width}x${spec.height}-${spec.frames}-${spec.pixFmt ?? 'yuv420p'}.${spec.codec}`);
  if (fs.existsSync(file)) return file;
  const encoder =
    spec.codec === 'h264'
      ? ['-c:v', 'libx264', '-preset', 'veryfast']
      : ['-c:v', 'libx265', '-preset', 'ultrafast', '-x265-params', 'log-level=error'];
  execFileSync('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', `${spec.source ?? 'testsrc'}=size=${spec.width}x${spec.height}:rate=25`,
    '-frames:v', String(spec.frames), ...encoder, '-bf', '2', '-g', String(Math.max(2, Math.ceil(spec.frames / 2))),
    '-pix_fmt', spec.pixFmt ?? 'yuv420p', '-f', spec.codec === 'h264' ? 'h264' : 'hevc', file,
  ]);
  return file;
}

/** The clip cut into access units, each as Annex B bytes, as Vigil's streams deliver them. */
export function accessUnits(codec: VideoCodec, file: string): Uint8Array[] {
  const framer = new AnnexBFramer(codec);
  const units = [...framer.push(new Uint8Array(fs.readFileSync(file)), 0), ...framer.flush()];
  return units.map((u) => toAnnexB(u.nalus));
}

/** MD5 of every picture ffmpeg decodes from the file, in output order (`-f framemd5`). */
export function ffmpegFrameMd5s(file: string): string[] {
  const out = execFileSync(
    'ffmpeg',
    ['-hide_banner', '-loglevel', 'error', '-i', file, '-fps_mode', 'passthrough', '-f', 'framemd5', '-'],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  return out
    .split('\n')
    .filter((l) => l.length > 0 && !l.startsWith('#'))
    .map((l) => l.split(',').at(-1)!.trim());
}
