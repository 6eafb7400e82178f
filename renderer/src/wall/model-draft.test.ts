import { describe, expect, it } from 'vitest';
import { uniformWall, WallSchema } from '../../../electron/shared/wall';
import { draftOfModel, isUniform, modelOfDraft, modelProblems, monitorSettings, nextRotation, withMonitor } from './model-draft';

const panel = { resolution: { width: 1920, height: 1080 }, activeSize: { width: 1209.6, height: 680.4 }, bezel: { top: 1.75, right: 1.75, bottom: 1.75, left: 1.75 }, rotation: 0 as const, present: true };

describe('the installer’s wall form', () => {
  it('gives back the wall it was made from', () => {
    const wall = uniformWall(3, 4, panel);
    wall.monitors[5] = { ...panel, present: false, rotation: 90 };
    expect(modelOfDraft(draftOfModel(wall))).toEqual(wall);
    expect(WallSchema.parse(modelOfDraft(draftOfModel(wall)))).toEqual(wall);
  });

  it('keeps each monitor’s output and turn by its place when rows or columns change', () => {
    let d = draftOfModel(uniformWall(2, 2, panel));
    d = withMonitor(d, 1, 1, { present: false });
    d = withMonitor(d, 0, 1, { rotation: 270 });
    const wider = modelOfDraft({ ...d, columns: 3 });
    expect(wider.monitors).toHaveLength(6);
    expect(wider.monitors[1]).toMatchObject({ rotation: 270, present: true });
    expect(wider.monitors[4]).toMatchObject({ present: false });
    expect(wider.monitors[5]).toMatchObject({ present: true, rotation: 0 });
    expect(monitorSettings(d, 9, 9)).toEqual({ present: true, rotation: 0 });
  });

  it('turns monitors a quarter at a time', () => {
    expect([0, 90, 180, 270].map((r) => nextRotation(r as 0))).toEqual([90, 180, 270, 0]);
  });

  it('names the fields out of range', () => {
    const d = draftOfModel(uniformWall(2, 2, panel));
    expect(modelProblems(d)).toEqual([]);
    expect(modelProblems({ ...d, rows: 0, columns: 33, resolution: { width: 1920.5, height: 1080 }, activeSize: { width: 0, height: 1 }, bezel: { ...d.bezel, left: -1 } })).toEqual(['rows', 'columns', 'resolution', 'activeSize', 'bezel']);
    expect(modelProblems({ ...d, rows: NaN })).toEqual(['rows']);
  });

  it('tells a wall of one monitor type from a mixed one', () => {
    const wall = uniformWall(1, 2, panel);
    expect(isUniform(wall)).toBe(true);
    wall.monitors[1] = { ...panel, present: false, rotation: 180 };
    expect(isUniform(wall)).toBe(true);
    wall.monitors[1] = { ...panel, bezel: { ...panel.bezel, top: 3 } };
    expect(isUniform(wall)).toBe(false);
  });
});
