import { describe, expect, it } from 'vitest';
import { DisplayConfigList, DisplayList } from './display';

const bounds = { x: -1920, y: -200, width: 1920, height: 1080 };
const one = { id: 'left', label: 'HP E24 G5', bounds, workArea: { ...bounds, height: 1040 }, scaleFactor: 1, primary: false };

const issues = (schema: typeof DisplayList | typeof DisplayConfigList, v: unknown) => {
  const r = schema.safeParse(v);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('display schemas', () => {
  it('accept displays left of and above the primary one', () => {
    expect(issues(DisplayList, [one, { ...one, id: 'main', bounds: { x: 0, y: 0, width: 2560, height: 1440 }, workArea: { x: 0, y: 0, width: 2560, height: 1440 }, primary: true }])).toEqual([]);
  });

  it('refuse displays without an area, work areas outside their display, repeated ids, two primaries, fractions and NaN', () => {
    expect(issues(DisplayList, [{ ...one, bounds: { ...bounds, width: 0 } }])).not.toEqual([]);
    expect(issues(DisplayList, [{ ...one, workArea: { ...bounds, height: 0 } }])).not.toEqual([]);
    expect(issues(DisplayList, [{ ...one, workArea: { ...bounds, x: -1919 } }])).toEqual(['0.workArea: workArea must lie within bounds']);
    expect(issues(DisplayList, [one, one])).toEqual(['1.id: display id "left" is used twice']);
    expect(issues(DisplayList, [{ ...one, primary: true }, { ...one, id: 'b', primary: true }])).toEqual([': more than one display is primary']);
    expect(issues(DisplayList, [{ ...one, bounds: { ...bounds, x: 0.5 } }])).not.toEqual([]);
    expect(issues(DisplayList, [{ ...one, scaleFactor: Number.NaN }])).not.toEqual([]);
    expect(issues(DisplayList, [])).not.toEqual([]);
    expect(issues(DisplayList, [{ ...one, extra: 1 }])).not.toEqual([]);
  });

  it('fill in a configured display: work area = bounds, scale 1, the first one primary when none is', () => {
    expect(DisplayConfigList.parse([{ id: 'a', bounds }, { id: 'b', bounds: { x: 0, y: 0, width: 800, height: 600 } }])).toEqual([
      { id: 'a', label: '', bounds, workArea: bounds, scaleFactor: 1, primary: true },
      { id: 'b', label: '', bounds: { x: 0, y: 0, width: 800, height: 600 }, workArea: { x: 0, y: 0, width: 800, height: 600 }, scaleFactor: 1, primary: false },
    ]);
    expect(DisplayConfigList.parse([{ id: 'a', bounds }, { id: 'b', bounds, primary: true }]).map((d) => d.primary)).toEqual([false, true]);
    expect(issues(DisplayConfigList, [{ id: 'a', bounds, workArea: { ...bounds, width: 4000 } }])).toEqual(['0.workArea: workArea must lie within bounds']);
  });
});
