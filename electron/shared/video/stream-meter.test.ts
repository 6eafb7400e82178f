import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccessUnit } from './access-unit';
import { StreamMeter } from './stream-meter';

function unit(timestamp: number, keyframe: boolean, bytes: number): AccessUnit {
  return { codec: 'h264', timestamp, keyframe, nalus: [new Uint8Array(bytes - 4)] };
}

describe('stream meter', () => {
  it('measures 25 fps, 1 s keyframes and the bitrate of a regular stream', () => {
    const m = new StreamMeter();
    for (let i = 0; i < 101; i++) m.add(unit(1000 + i * 3600, i % 25 === 0, 5000));
    const r = m.result();
    expect(r.pictures).toBe(101);
    expect(r.frameRate).toBe(25);
    expect(r.streamSeconds).toBe(4);
    expect(r.keyframes).toBe(5);
    expect(r.keyframeIntervalS).toBe(1);
    expect(r.keyframeIntervalPictures).toBe(25);
    // 5 000 bytes × 25 pictures a second = 1 000 kbit/s.
    expect(r.bitrateKbps).toBe(1000);
  });

  it('says nothing it cannot know', () => {
    const m = new StreamMeter();
    expect(m.result()).toMatchObject({ pictures: 0, frameRate: null, bitrateKbps: null, keyframeIntervalS: null });
    m.add(unit(0, true, 100));
    expect(m.result()).toMatchObject({ pictures: 1, frameRate: null, keyframeIntervalS: null });
  });

  it('recovers any constant frame rate and GOP length', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 2, max: 5 }), (fps, gop, gops) => {
        const m = new StreamMeter();
        const n = gop * gops + 1;
        for (let i = 0; i < n; i++) m.add(unit(Math.round((i * 90_000) / fps), i % gop === 0, 1000));
        const r = m.result();
        expect(r.frameRate).toBeCloseTo(fps, 1);
        expect(r.keyframeIntervalPictures).toBe(gop);
        expect(r.keyframeIntervalS).toBeCloseTo(gop / fps, 2);
      }),
    );
  });
});
