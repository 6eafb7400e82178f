import { createHash } from 'node:crypto';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { accessUnits, encodeClip, ffmpegFrameMd5s, type ClipSpec } from '../../../test/support/ffmpeg-clips';
import { useTempDirs } from '../../../test/support/temp';
import type { VideoCodec } from '../../shared/video/sdp';
import { MAX_ACCESS_UNIT_BYTES, SoftwareDecoder, type DecodedFrame, type DecoderOptions } from './decoder';

const root = path.resolve(import.meta.dirname, '../../..');
const tempDir = useTempDirs('all');
let dir = '';
beforeAll(() => {
  dir = tempDir();
});

const open: SoftwareDecoder[] = [];
afterEach(() => {
  for (const d of open.splice(0)) d.close();
});
function decoder(options: DecoderOptions): SoftwareDecoder {
  const d = new SoftwareDecoder(root, options);
  open.push(d);
  return d;
}

const md5 = (b: Uint8Array): string => createHash('md5').update(b).digest('hex');
const FRAME_US = 40_000;

/** Every unit in order, then a flush: what a stream's lifetime looks like to the decoder. */
async function decodeAll(d: SoftwareDecoder, units: Uint8Array[]): Promise<DecodedFrame[]> {
  const frames: DecodedFrame[] = [];
  for (const [i, u] of units.entries()) frames.push(...(await d.decode(u, i * FRAME_US)));
  frames.push(...(await d.flush()));
  return frames;
}

/** Decodes, swallowing refusals: what a caller does with a damaged stream. */
async function decodeTolerant(d: SoftwareDecoder, units: Uint8Array[]): Promise<{ frames: number; errors: number }> {
  let frames = 0;
  let errors = 0;
  for (const [i, u] of units.entries()) {
    try {
      frames += (await d.decode(u, i)).length;
    } catch (e) {
      expect(e).toBeInstanceOf(Error);
      errors++;
    }
  }
  try {
    frames += (await d.flush()).length;
  } catch (e) {
    // With frame threads a damaged picture's error can surface only when draining.
    expect(e).toBeInstanceOf(Error);
    errors++;
  }
  return { frames, errors };
}

function clip(spec: ClipSpec): { file: string; units: Uint8Array[] } {
  const file = encodeClip(dir, spec);
  return { file, units: accessUnits(spec.codec, file) };
}

describe.each<VideoCodec>(['h264', 'h265'])('software decoder, %s', (codec) => {
  // 180 rows is not a multiple of the 16/64-pixel coding blocks: cropping is exercised too.
  const spec: ClipSpec = { codec, width: 320, height: 180, frames: 36 };

  it.each([1, 2])('decodes exactly the pictures ffmpeg decodes (%i thread(s), frame MD5s equal)', async (threads) => {
    const { file, units } = clip(spec);
    const frames = await decodeAll(decoder({ codec, threads }), units);
    const expected = ffmpegFrameMd5s(file);
    expect(expected).toHaveLength(spec.frames);
    expect(frames.map((f) => md5(f.data))).toEqual(expected);
    for (const f of frames) {
      expect(f).toMatchObject({ width: 320, height: 180, format: 'I420', fullRange: false });
      expect(f.data.length).toBe(320 * 180 * 1.5);
    }
    // Every unit gave one picture, carrying the timestamp it went in with (display order).
    expect(frames.map((f) => f.timestampUs).sort((a, b) => a - b)).toEqual(units.map((_, i) => i * FRAME_US));
    expect(frames[0]!.keyframe).toBe(true);
  });

  it('matches ffmpeg on odd sizes and full-range (yuvj420p) video', async () => {
    const { file, units } = clip({ codec, width: 98, height: 54, frames: 6, pixFmt: 'yuvj420p' });
    const frames = await decodeAll(decoder({ codec }), units);
    expect(frames.map((f) => md5(f.data))).toEqual(ffmpegFrameMd5s(file));
    expect(frames[0]).toMatchObject({ width: 98, height: 54, fullRange: true });
    expect(frames[0]!.data.length).toBe(98 * 54 + 2 * 49 * 27);
  });

  it('refuses 10-bit video with a clear error', async () => {
    const { units } = clip({ codec, width: 64, height: 64, frames: 2, pixFmt: 'yuv420p10le' });
    await expect(decodeAll(decoder({ codec }), units)).rejects.toThrow(/unsupported pixel format yuv420p10le/);
  });

  it('decodes streams in parallel, each in order', async () => {
    const { file, units } = clip(spec);
    const expected = ffmpegFrameMd5s(file);
    const results = await Promise.all([0, 1, 2].map(() => decodeAll(decoder({ codec }), units)));
    for (const frames of results) expect(frames.map((f) => md5(f.data))).toEqual(expected);
  });

  it('serialises calls made without waiting', async () => {
    const { file, units } = clip(spec);
    const d = decoder({ codec, threads: 2 });
    const pending = units.map((u, i) => d.decode(u, i * FRAME_US));
    expect(d.pending).toBe(units.length);
    const frames = [...(await Promise.all(pending)).flat(), ...(await d.flush())];
    expect(d.pending).toBe(0);
    expect(frames.map((f) => md5(f.data))).toEqual(ffmpegFrameMd5s(file));
  });

  it('never crashes or hangs on garbage, and recovers at the next keyframe', async () => {
    const { units } = clip(spec);
    const d = decoder({ codec });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.uint8Array({ minLength: 1, maxLength: 4096 }), { minLength: 1, maxLength: 8 }),
        async (garbage) => {
          // Random bytes, and random bytes behind a start code and a plausible NAL header.
          const prefixed = garbage.map((g) => Uint8Array.from([0, 0, 0, 1, ...g]));
          await decodeTolerant(d, [...garbage, ...prefixed]);
          const after = await decodeTolerant(d, units);
          expect(after.frames).toBeGreaterThan(0);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('survives truncated and bit-flipped access units', async () => {
    const { units } = clip(spec);
    const d = decoder({ codec, threads: 2 });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { minLength: 1, maxLength: 12 }), async (damage) => {
        const damaged = units.map((u) => u.slice());
        for (const [which, where, truncate] of damage) {
          const i = which % damaged.length;
          const u = damaged[i]!;
          if (truncate) damaged[i] = u.subarray(0, 1 + (where % u.length));
          else u[where % u.length]! ^= 1 << (where % 8);
        }
        const { frames } = await decodeTolerant(d, damaged);
        expect(frames).toBeLessThanOrEqual(units.length);
      }),
      { numRuns: 25 },
    );
  });
});

describe('software decoder API', () => {
  it('refuses bad options at construction', () => {
    expect(() => decoder({ codec: 'mpeg2' as VideoCodec })).toThrow(/unknown codec 'mpeg2'/);
    expect(() => decoder({ codec: 'h264', threads: 99 })).toThrow(/threads/);
    expect(() => decoder({ codec: 'h264', threads: 1.5 })).toThrow(/threads/);
  });

  it('rejects empty, oversized and non-byte input', async () => {
    const d = decoder({ codec: 'h264' });
    await expect(d.decode(new Uint8Array(0), 0)).rejects.toThrow(/0 bytes/);
    await expect(d.decode(new Uint8Array(MAX_ACCESS_UNIT_BYTES + 1), 0)).rejects.toThrow(/16 MiB/);
    await expect(d.decode('abc' as unknown as Uint8Array, 0)).rejects.toThrow(TypeError);
    await expect(d.decode(new Uint16Array(4) as unknown as Uint8Array, 0)).rejects.toThrow(TypeError);
  });

  it('closes idempotently; queued and later calls reject', async () => {
    const { units } = clip({ codec: 'h264', width: 320, height: 180, frames: 36 });
    const d = decoder({ codec: 'h264' });
    const running = d.decode(units[0]!, 0);
    const queued = d.decode(units[1]!, 1);
    const refused = expect(queued).rejects.toThrow(/decoder closed/);
    d.close();
    d.close();
    // The job already on a worker finishes; the one still waiting is refused.
    expect(await running).toHaveLength(0);
    await refused;
    await expect(d.decode(units[0]!, 0)).rejects.toThrow(/decoder closed/);
    await expect(d.flush()).rejects.toThrow(/decoder closed/);
  });

  // Under AddressSanitizer freed memory waits in quarantine, so RSS says nothing there; the
  // memcheck's LeakSanitizer pass checks leaks instead.
  it.skipIf(process.env.VIGIL_SANITIZER === '1')('keeps memory flat over 2000 decodes and 200 decoders (sanity check, not a measurement)', async () => {
    const { units } = clip({ codec: 'h265', width: 320, height: 180, frames: 36 });
    const d = decoder({ codec: 'h265' });
    const round = async (): Promise<void> => {
      await decodeAll(d, units);
    };
    for (let i = 0; i < 5; i++) await round(); // warm up pools and the heap
    global.gc?.();
    const before = process.memoryUsage().rss;
    for (let i = 0; i < Math.ceil(2000 / units.length); i++) await round();
    for (let i = 0; i < 200; i++) {
      const other = new SoftwareDecoder(root, { codec: i % 2 ? 'h264' : 'h265' });
      await other.decode(units[0]!, 0).catch(() => []);
      other.close();
    }
    global.gc?.();
    const grownMb = (process.memoryUsage().rss - before) / 2 ** 20;
    // A leaked frame per decode would be 2000 × 84 KiB ≈ 165 MiB.
    expect(grownMb).toBeLessThan(60);
  });
});
