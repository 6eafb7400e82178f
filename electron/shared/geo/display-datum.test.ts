import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distanceM } from './distance';
import { fromDisplay, toDisplay } from './display-datum';
import { wgs84ToGcj02 } from './gcj02';

/** Eastern and central China, where the cities are: clear of the GCJ-02 rectangle's edges (where the transform is not one-to-one). */
const inChina = fc.record({ lat: fc.double({ min: 18, max: 50, noNaN: true }), lon: fc.double({ min: 102, max: 125, noNaN: true }) });
const anywhere = fc.record({ lat: fc.double({ min: -85, max: 85, noNaN: true }), lon: fc.double({ min: -180, max: 180, noNaN: true }) });

describe('display datum', () => {
  it('leaves positions alone on a WGS-84 map', () => {
    fc.assert(
      fc.property(anywhere, (p) => {
        expect(toDisplay('wgs84', p)).toEqual(p);
        expect(fromDisplay('wgs84', p)).toEqual(p);
      }),
    );
  });

  it('on a GCJ-02 map draws every point where that map shows the place: shifted by the published offset, a few hundred metres', () => {
    fc.assert(
      fc.property(inChina, (p) => {
        const shown = toDisplay('gcj02', p);
        expect(shown).toEqual(wgs84ToGcj02(p));
        const shift = distanceM(p, shown);
        expect(shift).toBeGreaterThan(100);
        expect(shift).toBeLessThan(1000);
      }),
    );
    // Dezhou: the offset there is about 0.006° east and 0.001° north.
    const at = toDisplay('gcj02', { lat: 37.4355, lon: 116.3594 });
    expect(at.lon - 116.3594).toBeGreaterThan(0.004);
    expect(at.lat - 37.4355).toBeGreaterThan(0);
  });

  it('reads a click on a GCJ-02 map back to the stored position it shows, to a millimetre', () => {
    fc.assert(
      fc.property(inChina, (p) => {
        expect(distanceM(fromDisplay('gcj02', toDisplay('gcj02', p)), p)).toBeLessThan(0.001);
      }),
    );
  });

  it('does not touch points outside China on either map', () => {
    const paris = { lat: 48.8566, lon: 2.3522 };
    expect(toDisplay('gcj02', paris)).toEqual(paris);
    expect(fromDisplay('gcj02', paris)).toEqual(paris);
  });
});
