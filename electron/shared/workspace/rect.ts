// Rectangles in device-independent pixels (DIP), the unit Electron's screen module and the
// browser's screen objects both use. The desktop's origin is the primary display's top-left
// corner, so a display left of or above it has negative coordinates.
import { z } from 'zod';

/** Far beyond any real desktop; keeps sums of coordinates exact and refuses nonsense early. */
export const MAX_COORDINATE = 100_000;

const Coordinate = z.number().int().min(-MAX_COORDINATE).max(MAX_COORDINATE);
const Extent = z.number().int().min(1).max(MAX_COORDINATE);

/** A rectangle with an area: zero or negative sizes are refused. */
export const Rect = z.object({ x: Coordinate, y: Coordinate, width: Extent, height: Extent }).strict();
export type Rect = z.infer<typeof Rect>;

/** `inner` lies wholly inside `outer` (and has an area). */
export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.width >= 1 &&
    inner.height >= 1 &&
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

export const sameRect = (a: Rect, b: Rect): boolean => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

/** The part of `a` inside `b`, or null when they do not overlap. */
export function intersection(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}
