import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRing, encodeRing, worldResolutionFor } from './world-codec';

const point = fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true }));

describe('bundled world map format', () => {
  it('gives back every point to the 1e-4° it is stored at, dropping only repeats', () => {
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 50 }), (ring) => {
        const back = decodeRing(encodeRing(ring));
        const kept: number[][] = [];
        for (const [x, y] of ring) {
          const q = [Math.round(x * 1e4), Math.round(y * 1e4)];
          const last = kept.at(-1);
          if (!last || last[0] !== q[0] || last[1] !== q[1]) kept.push(q);
        }
        expect(back.length).toBe(kept.length * 2);
        kept.forEach(([x, y], i) => {
          expect(back[2 * i]).toBeCloseTo(x! / 1e4, 9);
          expect(back[2 * i + 1]).toBeCloseTo(y! / 1e4, 9);
        });
      }),
    );
  });

  it('stores steps, so neighbouring points cost a few digits', () => {
    expect(encodeRing([[116.3594, 37.4355], [116.3604, 37.4350], [116.3604, 37.4350]])).toEqual([1163594, 374355, 10, -5]);
  });

  it('draws the coarse world when zoomed out and the finest shapes from a country’s scale in', () => {
    expect([0, 2, 3, 5, 6, 18].map(worldResolutionFor)).toEqual(['110m', '110m', '50m', '50m', '10m', '10m']);
  });
});
