import { describe, expect, it } from 'vitest';
import { MonitorSchema, uniformWall, WallLayoutSchema, WallSchema } from './wall-schema';
import { WallSourceSchema } from './wall-sources';
import { PANEL_55 } from '../../../test/support/wall-panel';

describe('wall schemas', () => {
  it('accepts a well-formed wall and layout', () => {
    expect(WallSchema.safeParse(uniformWall(6, 8, PANEL_55)).success).toBe(true);
    const layout = { splits: [{ id: 's', monitor: { row: 0, column: 0 }, rows: 3, columns: 3 }], windows: [{ id: 'w', x: 0, y: 0, width: 10, height: 10, z: 0 }] };
    expect(WallLayoutSchema.safeParse(layout).success).toBe(true);
  });

  it.each([
    ['a rotation of 45°', { ...PANEL_55, rotation: 45 }],
    ['fractional pixels', { ...PANEL_55, resolution: { width: 1920.5, height: 1080 } }],
    ['a zero active size', { ...PANEL_55, activeSize: { width: 0, height: 681 } }],
    ['a negative bezel', { ...PANEL_55, bezel: { ...PANEL_55.bezel, left: -1 } }],
    ['no present flag', { ...PANEL_55, present: undefined }],
  ])('refuses a monitor with %s', (_what, monitor) => {
    expect(MonitorSchema.safeParse(monitor).success).toBe(false);
  });

  it('refuses splits beyond 8 × 8, ids that are empty, and numbers that are not finite', () => {
    expect(WallLayoutSchema.safeParse({ splits: [{ id: 's', monitor: { row: 0, column: 0 }, rows: 9, columns: 1 }], windows: [] }).success).toBe(false);
    expect(WallLayoutSchema.safeParse({ splits: [], windows: [{ id: '', x: 0, y: 0, width: 1, height: 1, z: 0 }] }).success).toBe(false);
    expect(WallLayoutSchema.safeParse({ splits: [], windows: [{ id: 'w', x: Infinity, y: 0, width: 1, height: 1, z: 0 }] }).success).toBe(false);
  });

  it('makes a uniform wall row-major with independent monitor objects', () => {
    const wall = uniformWall(2, 3, PANEL_55);
    expect(wall.monitors).toHaveLength(6);
    expect(wall.monitors[0]).not.toBe(wall.monitors[1]);
  });
});

describe('wall sources', () => {
  it('takes a drone only by a drone id, and refuses anything else in its place', () => {
    expect(WallSourceSchema.parse({ kind: 'drone', droneId: 'drone-7' })).toEqual({ kind: 'drone', droneId: 'drone-7' });
    for (const droneId of ['cam-1', 'drone-', 'drone-../x', '']) expect(WallSourceSchema.safeParse({ kind: 'drone', droneId }).success).toBe(false);
    expect(WallSourceSchema.parse({ kind: 'camera', cameraId: 'c' })).toEqual({ kind: 'camera', cameraId: 'c', quality: 'main' });
  });
});
