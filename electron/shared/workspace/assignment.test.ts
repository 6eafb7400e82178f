import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignmentFor, displays } from '../../../test/support/workspace-arbitraries';
import { mergeAssignment, resolveAssignment, RoleAssignment, SavedAssignment, type SavedDisplay } from './assignment';
import type { Display } from './display';

const display = (id: string, label: string, x: number, width = 1920, height = 1080): Display => ({
  id,
  label,
  bounds: { x, y: 0, width, height },
  workArea: { x, y: 0, width, height: height - 40 },
  scaleFactor: 1,
  primary: x === 0,
});

const a = display('101', 'HP E24 G5', -1920);
const b = display('102', 'DELL U2723QE', 0, 2560, 1440);
const c = display('103', '海信 55 寸', 2560, 3840, 2160);

describe('role assignment', () => {
  it('refuses a role on two displays, a wall monitor shown twice, a role listed twice, and a wall monitor without the role', () => {
    const problems = (v: unknown) => {
      const r = RoleAssignment.safeParse(v);
      return r.success ? [] : r.error.issues.map((i) => i.message);
    };
    expect(problems([{ displayId: '101', roles: ['console'] }, { displayId: '102', roles: ['map', 'console'] }])).toEqual(['role console is given to two displays ("101" and "102")']);
    expect(problems([{ displayId: '101', roles: ['wall-output'], wallMonitor: 'r1c2' }, { displayId: '102', roles: ['wall-output'], wallMonitor: 'r1c2' }])).toEqual([
      'wall monitor r1c2 is given to two displays ("101" and "102")',
    ]);
    expect(problems([{ displayId: '101', roles: ['wall-output'], wallMonitor: 'r1c1' }, { displayId: '102', roles: ['wall-output'], wallMonitor: 'r1c2' }])).toEqual([]);
    expect(problems([{ displayId: '101', roles: ['map', 'map'] }])).toContain('a role is listed twice for display "101"');
    expect(problems([{ displayId: '101', roles: ['map'], wallMonitor: 'all' }])).toEqual(['display "101" has a wall monitor but not the wall-output role']);
    expect(problems([{ displayId: '101', roles: [] }, { displayId: '101', roles: ['map'] }])).toEqual(['display "101" is listed twice']);
    expect(problems([{ displayId: '101', roles: ['wall-output'], wallMonitor: 'r0c1' }])).toHaveLength(1);
    expect(problems([{ displayId: '101', roles: ['printer'] }])).toHaveLength(1);
  });

  it('finds saved displays by id, and by label and size when the ids changed after a reboot', () => {
    const saved: SavedDisplay[] = [
      { id: '101', label: a.label, width: 1920, height: 1080, roles: ['console'] },
      { id: '7', label: c.label, width: 3840, height: 2160, roles: ['wall-output'], wallMonitor: 'all' },
      { id: '8', label: 'Gone', width: 1280, height: 1024, roles: ['video'] },
    ];
    expect(resolveAssignment(saved, [a, b, c])).toEqual({
      present: [
        { displayId: '101', roles: ['console'] },
        { displayId: '103', roles: ['wall-output'], wallMonitor: 'all' },
      ],
      absent: [saved[2]],
    });
    // Same label, other size: not the same monitor.
    expect(resolveAssignment(saved, [a, display('200', c.label, 2560)]).absent.map((s) => s.id)).toEqual(['7', '8']);
  });

  it('recognises every display after all ids change, when labels and sizes tell them apart', () => {
    fc.assert(
      fc.property(
        displays().chain((ds) => fc.record({ ds: fc.constant(ds), given: assignmentFor(ds.map((d) => d.id)) })),
        ({ ds, given }) => {
          const distinct = new Set(ds.map((d) => `${d.label}|${d.bounds.width}x${d.bounds.height}`)).size === ds.length;
          fc.pre(distinct);
          const present = given.filter((g) => ds.some((d) => d.id === g.displayId));
          const saved = mergeAssignment([], ds, present);
          expect(SavedAssignment.safeParse(saved).success).toBe(true);
          const renumbered = ds.map((d, i) => ({ ...d, id: `after-reboot-${i}` }));
          const rolesByIndex = (ids: readonly string[], roles: { displayId: string; roles: string[] }[]) => ids.map((id) => roles.find((r) => r.displayId === id)?.roles ?? []);
          const expected = rolesByIndex(ds.map((d) => d.id), present).map((r) => [...r].sort());
          const resolved = resolveAssignment(saved, renumbered);
          expect(rolesByIndex(renumbered.map((d) => d.id), resolved.present).map((r) => [...r].sort())).toEqual(expected);
          expect(resolved.absent).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('saves the present displays’ roles, remembers absent ones, and takes a role from an absent display when a present one is given it', () => {
    const saved: SavedDisplay[] = [
      { id: '9', label: 'Gone', width: 1280, height: 1024, roles: ['map', 'video'] },
      { id: '10', label: 'Also gone', width: 1280, height: 1024, roles: ['wall-output'], wallMonitor: 'r1c1' },
    ];
    const merged = mergeAssignment(saved, [a, b], [
      { displayId: '101', roles: ['map', 'console'] },
      { displayId: '102', roles: [] },
    ]);
    expect(merged).toEqual([
      { id: '101', label: a.label, width: 1920, height: 1080, roles: ['console', 'map'] },
      { id: '9', label: 'Gone', width: 1280, height: 1024, roles: ['video'] },
      { id: '10', label: 'Also gone', width: 1280, height: 1024, roles: ['wall-output'], wallMonitor: 'r1c1' },
    ]);
    expect(mergeAssignment(merged, [a, b], [{ displayId: '102', roles: ['wall-output', 'video'], wallMonitor: 'r1c1' }])).toEqual([
      { id: '102', label: b.label, width: 2560, height: 1440, roles: ['video', 'wall-output'], wallMonitor: 'r1c1' },
    ]);
  });

  it('never saves what the schema would refuse to read back', () => {
    fc.assert(
      fc.property(
        displays().chain((ds) => fc.record({ ds: fc.constant(ds), first: assignmentFor(ds.map((d) => d.id)), second: assignmentFor(ds.map((d) => d.id)), keep: fc.nat() })),
        ({ ds, first, second, keep }) => {
          const only = (g: typeof first, in_: readonly Display[]) => g.filter((x) => in_.some((d) => d.id === x.displayId));
          const some = ds.filter((_, i) => i !== keep % ds.length || ds.length === 1);
          const saved = mergeAssignment(mergeAssignment([], ds, only(first, ds)), some, only(second, some));
          expect(SavedAssignment.safeParse(saved).error?.issues ?? []).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
