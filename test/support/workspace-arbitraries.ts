// fast-check generators for the workspace's property tests: displays anywhere on the desktop
// (left of and above the primary one, overlapping as mirrored ones do), assignments with
// displays that are gone, and windows wherever an operator or a crash may have left them.
import fc from 'fast-check';
import { WINDOW_ROLES, type WindowRole } from '../../electron/shared/domain/identity';
import type { DisplayRoles } from '../../electron/shared/workspace/assignment';
import type { Display } from '../../electron/shared/workspace/display';
import type { WindowNow } from '../../electron/shared/workspace/placement';
import type { Rect } from '../../electron/shared/workspace/rect';
import { windowKey, type RoleWindow } from '../../electron/shared/workspace/role-window';

export const LABELS = ['', 'DELL U2723QE', 'HP E24 G5', '海信 55 寸', 'LG 27UL850'] as const;
export const MONITORS = ['all', 'r1c1', 'r1c2'] as const;

/** A display's shape before it gets an id: bounds and a work area inside them. */
const displayShape = (origin: fc.Arbitrary<{ x: number; y: number }>) =>
  fc
    .record({
      origin,
      width: fc.integer({ min: 1, max: 7680 }),
      height: fc.integer({ min: 1, max: 4320 }),
      insets: fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat()),
      label: fc.constantFrom(...LABELS),
      scaleFactor: fc.constantFrom(1, 1.25, 1.5, 2),
    })
    .map(({ origin, width, height, insets: [l, t, r, b], label, scaleFactor }) => {
      const left = l % width;
      const right = r % (width - left);
      const top = t % height;
      const bottom = b % (height - top);
      const bounds: Rect = { x: origin.x, y: origin.y, width, height };
      const workArea: Rect = { x: origin.x + left, y: origin.y + top, width: width - left - right, height: height - top - bottom };
      return { label, bounds, workArea, scaleFactor };
    });

const anywhere = fc.record({ x: fc.integer({ min: -20_000, max: 20_000 }), y: fc.integer({ min: -20_000, max: 20_000 }) });

function named(shapes: Omit<Display, 'id' | 'primary'>[], primary: number): Display[] {
  return shapes.map((s, i) => ({ ...s, id: `d${i}`, primary: i === primary % shapes.length }));
}

/** Displays scattered anywhere, overlapping or not, one of them primary. */
const scattered = (min: number) =>
  fc.tuple(fc.array(displayShape(anywhere), { minLength: min, maxLength: 6 }), fc.nat()).map(([shapes, p]) => named(shapes, p));

/** A row and a column of monitors as people arrange them: the primary anywhere among them. */
const arranged = (min: number) =>
  fc.tuple(fc.array(displayShape(fc.constant({ x: 0, y: 0 })), { minLength: min, maxLength: 6 }), fc.nat(), fc.boolean()).map(([shapes, p, vertical]) => {
    const primary = p % shapes.length;
    // Lay them side by side (or stacked), then shift so the primary's corner is the origin.
    let at = 0;
    const placed = shapes.map((s) => {
      const dx = vertical ? 0 : at;
      const dy = vertical ? at : 0;
      at += vertical ? s.bounds.height : s.bounds.width;
      return { ...s, bounds: { ...s.bounds, x: dx, y: dy }, workArea: { ...s.workArea, x: s.workArea.x + dx, y: s.workArea.y + dy } };
    });
    const { x: ox, y: oy } = placed[primary]!.bounds;
    return named(
      placed.map((s) => ({ ...s, bounds: { ...s.bounds, x: s.bounds.x - ox, y: s.bounds.y - oy }, workArea: { ...s.workArea, x: s.workArea.x - ox, y: s.workArea.y - oy } })),
      primary,
    );
  });

export const displays = (min = 1) => fc.oneof(scattered(min), arranged(min));

/** Roles for the given display ids and some that are gone; each role (and wall monitor) once. */
export function assignmentFor(ids: readonly string[]): fc.Arbitrary<DisplayRoles[]> {
  const all = [...ids, 'gone-a', 'gone-b'];
  return fc
    .tuple(...all.map(() => fc.record({ roles: fc.subarray([...WINDOW_ROLES]), monitor: fc.constantFrom(...MONITORS) })))
    .chain((rows) => fc.shuffledSubarray(rows.map((r, i) => ({ ...r, displayId: all[i]! }))))
    .map((rows) => {
      const taken = new Set<string>();
      return rows.map(({ displayId, roles, monitor }) => {
        const kept = roles.filter((role: WindowRole) => {
          const key = windowKey({ role, monitor });
          if (taken.has(key)) return false;
          taken.add(key);
          return true;
        });
        return { displayId, roles: kept, ...(kept.includes('wall-output') ? { wallMonitor: monitor } : {}) };
      });
    });
}

export const ALL_WINDOWS: RoleWindow[] = [
  { role: 'console' },
  { role: 'map' },
  { role: 'video' },
  { role: 'wall' },
  ...MONITORS.map((monitor) => ({ role: 'wall-output' as const, monitor })),
];

const rectAnywhere = fc.record({
  x: fc.integer({ min: -40_000, max: 40_000 }),
  y: fc.integer({ min: -40_000, max: 40_000 }),
  width: fc.integer({ min: 1, max: 12_000 }),
  height: fc.integer({ min: 1, max: 12_000 }),
});

/** Some of the windows, each not open or somewhere (on a display, off every display, huge). */
export const windows: fc.Arbitrary<WindowNow[]> = fc
  .subarray(ALL_WINDOWS, { minLength: 1 })
  .chain((ws) => fc.tuple(...ws.map((w) => fc.option(rectAnywhere, { nil: null }).map((bounds): WindowNow => ({ ...w, bounds })))));
