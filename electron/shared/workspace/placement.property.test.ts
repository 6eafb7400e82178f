import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignmentFor, displays, windows } from '../../../test/support/workspace-arbitraries';
import type { DisplayRoles } from './assignment';
import { DisplayList, primaryOf, type Display } from './display';
import { placeWindows, type Placement, type WindowNow } from './placement';
import { contains, Rect } from './rect';
import { windowKey, windowsOfRoles } from './role-window';

/** Displays, an assignment for them (with some displays that are gone), and windows. */
const scene = (minDisplays = 1) =>
  displays(minDisplays).chain((ds) => fc.record({ ds: fc.constant(ds), assignment: assignmentFor(ds.map((d) => d.id)), ws: windows }));

const asWindows = (ps: readonly Placement[]): WindowNow[] => ps.map((p) => ({ role: p.role, ...(p.monitor ? { monitor: p.monitor } : {}), bounds: p.bounds }));

/** Present display each window was assigned to (the first display listing it). */
function homeOf(assignment: readonly DisplayRoles[], ds: readonly Display[], key: string): Display | undefined {
  for (const a of assignment) {
    const d = ds.find((x) => x.id === a.displayId);
    if (d && windowsOfRoles(a.roles, a.wallMonitor).some((w) => windowKey(w) === key)) return d;
  }
  return undefined;
}

function expectAllOnScreen(ds: readonly Display[], ps: readonly Placement[]): void {
  for (const p of ps) {
    const d = ds.find((x) => x.id === p.displayId);
    expect(d, `${p.key} placed on a display that is not present`).toBeDefined();
    expect(contains(d!.workArea, p.bounds), `${p.key} ${JSON.stringify(p.bounds)} outside ${JSON.stringify(d!.workArea)}`).toBe(true);
    expect(Rect.safeParse(p.bounds).success).toBe(true);
  }
}

describe('placeWindows (property)', () => {
  it('the generated displays are ones the schema accepts', () => {
    fc.assert(
      fc.property(displays(), (ds) => {
        expect(DisplayList.safeParse(ds).success).toBe(true);
      }),
    );
  });

  it('puts every window wholly on a present display’s work area, and each assigned one on its own display', () => {
    fc.assert(
      fc.property(scene(), ({ ds, assignment, ws }) => {
        const ps = placeWindows(ds, assignment, ws);
        expect(ps.map((p) => p.key)).toEqual(ws.map(windowKey));
        expectAllOnScreen(ds, ps);
        for (const p of ps) {
          const home = homeOf(assignment, ds, p.key);
          expect(p.onAssignedDisplay).toBe(home !== undefined);
          if (home) expect(p.displayId).toBe(home.id);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('moves nothing when placed again on the same displays', () => {
    fc.assert(
      fc.property(scene(), ({ ds, assignment, ws }) => {
        const once = placeWindows(ds, assignment, ws);
        expect(placeWindows(ds, assignment, asWindows(once)).map((p) => p.bounds)).toEqual(once.map((p) => p.bounds));
      }),
      { numRuns: 300 },
    );
  });

  it('when a display is removed moves only the windows that were on it, to the console’s display or else the primary (a wall output to another one); restoring it puts its windows back', () => {
    fc.assert(
      fc.property(scene(2), fc.nat(), ({ ds, assignment, ws }, pick) => {
        const gone = ds[pick % ds.length]!;
        const rest = ds.filter((d) => d !== gone);
        const before = placeWindows(ds, assignment, ws);
        const after = placeWindows(rest, assignment, asWindows(before));
        expectAllOnScreen(rest, after);
        const fallback = homeOf(assignment, rest, 'console') ?? primaryOf(rest)!;
        const outputFallback = rest.find((d) => d !== fallback) ?? fallback;
        before.forEach((b, i) => {
          const a = after[i]!;
          if (!contains(gone.workArea, b.bounds)) expect(a.bounds, `${b.key} was not on the removed display`).toEqual(b.bounds);
          else if (!homeOf(assignment, rest, b.key) && !rest.some((d) => contains(d.workArea, b.bounds))) expect(a.displayId).toBe((b.role === 'wall-output' ? outputFallback : fallback).id);
        });

        const restored = placeWindows(ds, assignment, asWindows(after));
        expectAllOnScreen(ds, restored);
        restored.forEach((r, i) => {
          const b = before[i]!;
          if (homeOf(assignment, ds, r.key)?.id === gone.id) expect(r.displayId, `${r.key} back on its display`).toBe(gone.id);
          else if (!contains(gone.workArea, b.bounds)) expect(r.bounds).toEqual(b.bounds);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('with no display at all places nothing rather than guess', () => {
    expect(placeWindows([], [{ displayId: 'd0', roles: ['console'] }], [{ role: 'console', bounds: null }])).toEqual([]);
  });
});

describe('placeWindows (cases)', () => {
  const left: Display = { id: 'left', label: 'HP E24 G5', bounds: { x: -1920, y: 0, width: 1920, height: 1080 }, workArea: { x: -1920, y: 0, width: 1920, height: 1040 }, scaleFactor: 1, primary: false };
  const main: Display = { id: 'main', label: 'DELL U2723QE', bounds: { x: 0, y: 0, width: 2560, height: 1440 }, workArea: { x: 0, y: 28, width: 2560, height: 1412 }, scaleFactor: 1.5, primary: true };
  const above: Display = { id: 'above', label: '海信 55 寸', bounds: { x: 0, y: -2160, width: 3840, height: 2160 }, workArea: { x: 0, y: -2160, width: 3840, height: 2160 }, scaleFactor: 2, primary: false };
  const roles: DisplayRoles[] = [
    { displayId: 'left', roles: ['console'] },
    { displayId: 'main', roles: ['map', 'video'] },
    { displayId: 'above', roles: ['wall-output'], wallMonitor: 'all' },
  ];

  it('fills each assigned display’s work area for windows not yet open', () => {
    const ps = placeWindows([left, main, above], roles, [
      { role: 'console', bounds: null },
      { role: 'map', bounds: null },
      { role: 'wall-output', monitor: 'all', bounds: null },
    ]);
    expect(ps).toEqual([
      { key: 'console', role: 'console', displayId: 'left', bounds: left.workArea, onAssignedDisplay: true },
      { key: 'map', role: 'map', displayId: 'main', bounds: main.workArea, onAssignedDisplay: true },
      { key: 'wall-output:all', role: 'wall-output', monitor: 'all', displayId: 'above', bounds: above.workArea, onAssignedDisplay: true },
    ]);
  });

  it('keeps a window the operator sized within its display', () => {
    const half = { x: 0, y: 28, width: 1280, height: 1412 };
    expect(placeWindows([left, main], roles, [{ role: 'map', bounds: half }])[0]!.bounds).toEqual(half);
  });

  it('moves the windows of an unplugged display to the console’s display at their size, stepped, and to the primary when the console’s is gone too', () => {
    const ws: WindowNow[] = [
      { role: 'map', bounds: { x: 100, y: 100, width: 1600, height: 900 } },
      { role: 'video', bounds: main.workArea },
    ];
    const ps = placeWindows([left, above], roles, ws);
    expect(ps.map((p) => [p.displayId, p.bounds])).toEqual([
      ['left', { x: -1920 + 160, y: 70, width: 1600, height: 900 }],
      ['left', { x: -1920, y: 0, width: 1920, height: 1040 }],
    ]);
    const noConsole = placeWindows([above, main], [{ displayId: 'left', roles: ['console'] }], [{ role: 'console', bounds: { x: -1800, y: 10, width: 800, height: 600 } }]);
    // A wall output fills its display: without one of its own it never goes over the console.
    expect(placeWindows([left, main], roles, [{ role: 'wall-output', monitor: 'all', bounds: null }])[0]).toMatchObject({ displayId: 'main', onAssignedDisplay: false });
    expect(placeWindows([left], roles, [{ role: 'wall-output', monitor: 'all', bounds: null }])[0]).toMatchObject({ displayId: 'left' });
    expect(noConsole[0]).toMatchObject({ displayId: 'main', onAssignedDisplay: false, bounds: { x: 880, y: 434, width: 800, height: 600 } });
  });
});
