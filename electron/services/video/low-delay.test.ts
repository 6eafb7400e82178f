// The low-delay SPS rewrite checked by ffmpeg, an independent decoder: the rewritten stream
// decodes to exactly the same pictures, and ffmpeg reads max_num_reorder_frames = 0 from it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitAnnexB, toAnnexB } from '../../shared/video/access-unit';
import { BitReader, BitWriter, escapeRbsp, unescapeRbsp } from '../../shared/video/bit-reader';
import { lowDelaySps } from '../../shared/video/h264-low-delay';
import { readSpsCore } from '../../shared/video/h264-sps';
import { readVui } from '../../shared/video/h264-vui';

const ffmpeg = spawnSync('ffmpeg', ['-hide_banner', '-version']).status === 0;

function run(args: string[]): string {
  const r = spawnSync('ffmpeg', ['-hide_banner', '-nostdin', ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout + r.stderr;
}

/**
 * x264 always declares the restriction; many cameras do not. This turns an x264 SPS into such a
 * camera's: the same SPS with bitstream_restriction_flag = 0.
 */
function withoutRestriction(sps: Uint8Array): Uint8Array {
  const rbsp = unescapeRbsp(sps.subarray(1));
  const r = new BitReader(rbsp);
  readSpsCore(r);
  expect(r.flag()).toBe(true);
  const { restrictionFlagAt } = readVui(r);
  const w = new BitWriter();
  w.copy(rbsp, restrictionFlagAt);
  w.flag(false);
  return Uint8Array.of(sps[0]!, ...escapeRbsp(w.bytesWithTrailingBits()));
}

const framemd5 = (file: string) => run(['-loglevel', 'error', '-i', file, '-f', 'framemd5', '-']).split('\n').filter((l) => /^\d/.test(l)).map((l) => l.split(',').at(-1)!.trim());

describe.skipIf(!ffmpeg)('low-delay SPS against ffmpeg', () => {
  for (const [profile, extra] of [['main', ['-bf', '0']], ['high', ['-bf', '0', '-x264-params', 'nal-hrd=vbr', '-b:v', '400k', '-maxrate', '400k', '-bufsize', '800k']], ['baseline', []]] as const) {
    it(`${profile}: same pictures, and the decoder is told to output at once`, () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-lowdelay-'));
      try {
        const original = path.join(dir, 'in.h264');
        run(['-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=25', '-frames:v', '50', '-pix_fmt', 'yuv420p', '-c:v', 'libx264', '-profile:v', profile, '-g', '25', ...extra, '-f', 'h264', original]);
        const nalus = splitAnnexB(fs.readFileSync(original)).map((n) => ((n[0]! & 0x1f) === 7 ? withoutRestriction(n) : n));
        const camera = path.join(dir, 'camera.h264');
        fs.writeFileSync(camera, toAnnexB(nalus));
        expect(run(['-loglevel', 'trace', '-i', camera, '-c', 'copy', '-bsf:v', 'trace_headers', '-f', 'null', '-'])).toMatch(/bitstream_restriction_flag\s+\S+\s+= 0/);
        let rewrote = 0;
        const out = nalus.map((n) => {
          const fixed = (n[0]! & 0x1f) === 7 ? lowDelaySps(n) : null;
          if (fixed) rewrote++;
          return fixed ?? n;
        });
        expect(rewrote).toBeGreaterThan(0);
        const rewritten = path.join(dir, 'out.h264');
        fs.writeFileSync(rewritten, toAnnexB(out));
        const a = framemd5(original);
        expect(a).toHaveLength(50);
        expect(framemd5(camera)).toEqual(a);
        expect(framemd5(rewritten)).toEqual(a);
        const trace = run(['-loglevel', 'trace', '-i', rewritten, '-c', 'copy', '-bsf:v', 'trace_headers', '-f', 'null', '-']);
        expect(trace).toMatch(/max_num_reorder_frames\s+\S+\s+= 0/);
        expect(trace).toMatch(/bitstream_restriction_flag\s+\S+\s+= 1/);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
