import { describe, expect, it } from 'vitest';
import { MonitorSchema, uniformWall, WallLayoutSchema, WallSchema, type Monitor } from './wall-schema';

const PANEL: Monitor = {
  resolution: { width: 1920, height: 1080 },
  activeSize: { width: 1210, height: 681 },
  bezel: { top: 3.5, right: 3.5, bottom: 3.5, left: 3.5 },
  rotation: 0,
  present: true,
};

describe('wall schemas', () => {
  it('accepts a well-formed wall and layout', () => {
    expect(WallSchema.safeParse(uniformWall(6, 8, PANEL)).success).toBe(true);
    const layout = { splits: [{ id: 's', monitor: { row: 0, column: 0 }, rows: 3, columns: 3 }], windows: [{ id: 'w', x: 0, y: 0, width: 10, height: 10, z: 0 }] };
    expect(WallLayoutSchema.safeParse(layout).success).toBe(true);
  });

  it.each([
    ['a rotation of 45°', { ...PANEL, rotation: 45 }],
    ['fractional pixels', { ...PANEL, resolution: { width: 1920.5, height: 1080 } }],
    ['a zero active size', { ...PANEL, activeSize: { width: 0, height: 681 } }],
    ['a negative bezel', { ...PANEL, bezel: { ...PANEL.bezel, left: -1 } }],
    ['no present flag', { ...PANEL, present: undefined }],
  ])('refuses a monitor with %s', (_what, monitor) => {
    expect(MonitorSchema.safeParse(monitor).success).toBe(false);
  });

  it('refuses splits beyond 8 × 8, ids that are empty, and numbers that are not finite', () => {
    expect(WallLayoutSchema.safeParse({ splits: [{ id: 's', monitor: { row: 0, column: 0 }, rows: 9, columns: 1 }], windows: [] }).success).toBe(false);
    expect(WallLayoutSchema.safeParse({ splits: [], windows: [{ id: '', x: 0, y: 0, width: 1, height: 1, z: 0 }] }).success).toBe(false);
    expect(WallLayoutSchema.safeParse({ splits: [], windows: [{ id: 'w', x: Infinity, y: 0, width: 1, height: 1, z: 0 }] }).success).toBe(false);
  });

  it('makes a uniform wall row-major with independent monitor objects', () => {
    const wall = uniformWall(2, 3, PANEL);
    expect(wall.monitors).toHaveLength(6);
    expect(wall.monitors[0]).not.toBe(wall.monitors[1]);
  });
});
