import { describe, expect, it } from 'vitest';
import type { Display } from '../../../electron/shared/workspace/display';
import type { WorkspaceState } from '../../../electron/shared/workspace/state';
import { draftChanged, draftOf, draftProblem, setWallMonitor, toAssignment, toggleRole } from './role-draft';
import { roleWindowUrl } from './role-windows';
import { toScale } from './to-scale';

const display = (id: string, x: number, y: number, width = 1920, height = 1080): Display => ({
  id,
  label: id,
  bounds: { x, y, width, height },
  workArea: { x, y, width, height },
  scaleFactor: 1,
  primary: x === 0 && y === 0,
});

const state: WorkspaceState = {
  source: 'configured',
  displays: [display('a', -1920, 0), display('b', 0, 0), display('c', 0, -2160, 3840, 2160)],
  roles: [{ displayId: 'a', roles: ['console', 'map'] }],
  absent: [],
  windows: [],
};

describe('role draft', () => {
  it('gives a role to one display at a time, the wall output excepted', () => {
    let d = toggleRole(draftOf(state), 'b', 'map');
    expect(toAssignment(d)).toEqual([
      { displayId: 'a', roles: ['console'] },
      { displayId: 'b', roles: ['map'] },
      { displayId: 'c', roles: [] },
    ]);
    d = toggleRole(toggleRole(d, 'b', 'wall-output'), 'c', 'wall-output');
    expect(draftProblem(d)).toEqual({ kind: 'monitor-twice', monitor: 'all' });
    d = setWallMonitor(d, 'c', ' r1c2 ');
    expect(draftProblem(d)).toBeNull();
    expect(toAssignment(d).slice(1)).toEqual([
      { displayId: 'b', roles: ['map', 'wall-output'], wallMonitor: 'all' },
      { displayId: 'c', roles: ['wall-output'], wallMonitor: 'r1c2' },
    ]);
    expect(draftProblem(setWallMonitor(d, 'c', 'monitor 3'))).toEqual({ kind: 'monitor-invalid', displayId: 'c' });
    // A monitor typed for a display without the wall output does not matter.
    expect(draftProblem(setWallMonitor(d, 'a', 'nonsense'))).toBeNull();
  });

  it('knows when it differs from what main has', () => {
    const d = draftOf(state);
    expect(draftChanged(d, state)).toBe(false);
    expect(draftChanged(toggleRole(d, 'a', 'map'), state)).toBe(true);
    expect(draftChanged(toggleRole(toggleRole(d, 'a', 'map'), 'a', 'map'), state)).toBe(false);
  });

  it('draws the displays to scale in their arrangement, fitted into the box', () => {
    // 5760 × 3240 DIP in all: the height decides (300 / 3240).
    expect(toScale(state.displays, { width: 600, height: 300 })).toEqual({
      width: 533.3,
      height: 300,
      items: [
        { id: 'a', left: 0, top: 200, width: 177.8, height: 100 },
        { id: 'b', left: 177.8, top: 200, width: 177.8, height: 100 },
        { id: 'c', left: 177.8, top: 0, width: 355.6, height: 200 },
      ],
    });
  });

  it('addresses a role window by role and wall monitor', () => {
    expect(roleWindowUrl('http://127.0.0.1:7410/', { role: 'map' })).toBe('http://127.0.0.1:7410/?role=map');
    expect(roleWindowUrl('http://127.0.0.1:7410/', { role: 'wall-output', monitor: 'r1c2' })).toBe('http://127.0.0.1:7410/?role=wall-output&monitor=r1c2');
  });
});
