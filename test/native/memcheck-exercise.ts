// Drives the native decoder through its normal and hostile paths in one plain Node process, for
// build/native-memcheck.sh to run under AddressSanitizer, UndefinedBehaviorSanitizer and
// LeakSanitizer (which vitest's worker processes would drown in reports of their own).
// Usage (bundled by the script): node memcheck-exercise.mjs REPO_ROOT CLIP_DIR
import { accessUnits, encodeClip } from '../support/ffmpeg-clips';
import { SoftwareDecoder } from '../../electron/services/native/decoder';
import type { VideoCodec } from '../../electron/shared/video/sdp';

const [root, dir] = process.argv.slice(2) as [string, string];
// ffmpeg children must not inherit the sanitizer runtime preloaded into this process.
delete process.env.LD_PRELOAD;

let seed = 1;
const random = (): number => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed;
};

async function tolerant(d: SoftwareDecoder, units: Uint8Array[]): Promise<[number, number]> {
  let frames = 0;
  let errors = 0;
  for (const [i, u] of units.entries()) {
    await d.decode(u, i).then((f) => (frames += f.length), () => errors++);
  }
  await d.flush().then((f) => (frames += f.length), () => errors++);
  return [frames, errors];
}

async function exercise(codec: VideoCodec): Promise<void> {
  const units = accessUnits(codec, encodeClip(dir, { codec, width: 320, height: 180, frames: 24 }));
  const tenBit = accessUnits(codec, encodeClip(dir, { codec, width: 64, height: 64, frames: 2, pixFmt: 'yuv420p10le' }));
  for (const threads of [1, 3]) {
    const d = new SoftwareDecoder(root, { codec, threads });
    console.log(codec, threads, 'clean', await tolerant(d, units));
    const garbage = Array.from({ length: 40 }, () => Uint8Array.from({ length: 1 + (random() % 3000) }, () => random() & 0xff));
    console.log(codec, threads, 'garbage', await tolerant(d, [...garbage, ...garbage.map((g) => Uint8Array.from([0, 0, 1, ...g]))]));
    for (let round = 0; round < 20; round++) {
      const damaged = units.map((u) => {
        const c = u.slice();
        if (random() % 3 === 0) return c.subarray(0, 1 + (random() % c.length));
        for (let k = 0; k < 4; k++) c[random() % c.length]! ^= 1 << (random() % 8);
        return c;
      });
      await tolerant(d, damaged);
    }
    console.log(codec, threads, 'after damage', await tolerant(d, units));
    console.log(codec, threads, '10-bit', await tolerant(d, tenBit));
    // Close with one job running and several queued, then use the closed decoder.
    const running = units.slice(0, 6).map((u, i) => d.decode(u, i).catch(() => []));
    d.close();
    d.close();
    await Promise.all(running);
    await d.decode(units[0]!, 0).catch(() => []);
  }
  // Decoders dropped without close(): freed by garbage collection.
  for (let i = 0; i < 20; i++) await new SoftwareDecoder(root, { codec }).decode(units[0]!, 0);
}

await exercise('h264');
await exercise('h265');
(globalThis as { gc?: () => void }).gc?.();
console.log('memcheck exercise done');
