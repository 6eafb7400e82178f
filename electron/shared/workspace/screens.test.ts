import { describe, expect, it } from 'vitest';
import { DisplayList } from './display';
import { displaysFromScreens, type ScreenLike } from './screens';

const screen = (over: Partial<ScreenLike>): ScreenLike => ({
  left: 0,
  top: 0,
  width: 1920,
  height: 1080,
  availLeft: 0,
  availTop: 0,
  availWidth: 1920,
  availHeight: 1040,
  devicePixelRatio: 1,
  isPrimary: false,
  label: '',
  ...over,
});

describe('displays from the Window Management API', () => {
  it('describes each screen with an id from its label and place, and a work area cut to the screen', () => {
    const got = displaysFromScreens([
      screen({ label: 'DELL U2723QE', isPrimary: true, devicePixelRatio: 1.5 }),
      screen({ label: 'HP E24 G5', left: -1920, top: -300, availLeft: -1980, availTop: -300, availWidth: 2000 }),
      // A work area nowhere on its screen: the whole screen is used.
      screen({ label: 'HP E24 G5', left: -1920, top: -300 }),
      screen({ width: 0 }),
    ]);
    expect(got).toEqual([
      { id: 'DELL U2723QE@0,0', label: 'DELL U2723QE', bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 }, scaleFactor: 1.5, primary: true },
      { id: 'HP E24 G5@-1920,-300', label: 'HP E24 G5', bounds: { x: -1920, y: -300, width: 1920, height: 1080 }, workArea: { x: -1920, y: -300, width: 1920, height: 1040 }, scaleFactor: 1, primary: false },
      { id: 'HP E24 G5@-1920,-300#2', label: 'HP E24 G5', bounds: { x: -1920, y: -300, width: 1920, height: 1080 }, workArea: { x: -1920, y: -300, width: 1920, height: 1080 }, scaleFactor: 1, primary: false },
    ]);
    expect(DisplayList.safeParse(got).success).toBe(true);
  });

  it('makes the first screen primary when the browser names none, and never two', () => {
    expect(displaysFromScreens([screen({ left: 0 }), screen({ left: 1920 })]).map((d) => d.primary)).toEqual([true, false]);
    expect(displaysFromScreens([screen({ isPrimary: true }), screen({ left: 1920, isPrimary: true })]).map((d) => d.primary)).toEqual([true, false]);
  });
});
