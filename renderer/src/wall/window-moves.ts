// Moving and resizing free windows on the wall, in millimetres: by keyboard steps, by dragging
// the body or a corner, with edges snapping to the monitors' picture areas. Windows are kept
// inside the wall here, so a drag never produces an edit main would refuse. Pure.
import type { MonitorRef, WallGeometry, WallRect } from '../../../electron/shared/wall';
import type { Point } from './wall-drawing';

export const KEY_STEP_MM = 10;
/** Smaller than any split cell worth showing; stops a corner drag from folding a window up. */
export const MIN_WINDOW_MM = 100;

export type Corner = 'nw' | 'ne' | 'sw' | 'se';
type Size = { width: number; height: number };

const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), Math.max(lo, hi));
/** Tenths of a millimetre: finer than any panel's pixel, and no float noise in the wall document. */
export const roundMm = (v: number) => Math.round(v * 10) / 10;
const rounded = (r: WallRect): WallRect => ({ x: roundMm(r.x), y: roundMm(r.y), width: roundMm(r.width), height: roundMm(r.height) });

/** The rectangle moved (not shrunk, unless larger than the wall) to lie inside the wall. */
export function clampInto(r: WallRect, wall: Size): WallRect {
  const width = Math.min(r.width, wall.width), height = Math.min(r.height, wall.height);
  return rounded({ x: clamp(r.x, 0, wall.width - width), y: clamp(r.y, 0, wall.height - height), width, height });
}

export function moved(r: WallRect, dx: number, dy: number, wall: Size): WallRect {
  return clampInto({ ...r, x: r.x + dx, y: r.y + dy }, wall);
}

/** Wider/taller by dw/dh from the top-left corner, no smaller than the minimum, not past the wall. */
export function resized(r: WallRect, dw: number, dh: number, wall: Size): WallRect {
  return rounded({ ...r, width: clamp(r.width + dw, MIN_WINDOW_MM, wall.width - r.x), height: clamp(r.height + dh, MIN_WINDOW_MM, wall.height - r.y) });
}

/** The rectangle with one corner dragged to a point; the opposite corner stays. */
export function draggedCorner(r: WallRect, corner: Corner, p: Point, wall: Size): WallRect {
  const right = r.x + r.width, bottom = r.y + r.height;
  const west = corner === 'nw' || corner === 'sw', north = corner === 'nw' || corner === 'ne';
  const x0 = west ? clamp(p.x, 0, right - MIN_WINDOW_MM) : r.x;
  const x1 = west ? right : clamp(p.x, r.x + MIN_WINDOW_MM, wall.width);
  const y0 = north ? clamp(p.y, 0, bottom - MIN_WINDOW_MM) : r.y;
  const y1 = north ? bottom : clamp(p.y, r.y + MIN_WINDOW_MM, wall.height);
  return rounded({ x: x0, y: y0, width: x1 - x0, height: y1 - y0 });
}

/** Lines windows snap to: the wall's edges and every monitor's picture edges. */
export type Edges = { xs: number[]; ys: number[] };

export function snapEdges(geometry: WallGeometry): Edges {
  const xs = new Set([0, geometry.width]), ys = new Set([0, geometry.height]);
  for (const m of geometry.monitors) {
    xs.add(m.active.x).add(m.active.x + m.active.width);
    ys.add(m.active.y).add(m.active.y + m.active.height);
  }
  return { xs: [...xs], ys: [...ys] };
}

/** The smallest shift (within tolerance) that puts one of these positions on a line; 0 if none. */
function nearestShift(positions: number[], lines: number[], tolerance: number): number {
  let best = 0, bestAbs = Infinity;
  for (const p of positions)
    for (const l of lines) {
      const d = l - p;
      if (Math.abs(d) <= tolerance && Math.abs(d) < bestAbs) {
        best = d;
        bestAbs = Math.abs(d);
      }
    }
  return best;
}

/** A moved window shifted so its nearest edge lies on a monitor edge, when one is within tolerance. */
export function snapMove(r: WallRect, edges: Edges, tolerance: number): WallRect {
  const dx = nearestShift([r.x, r.x + r.width], edges.xs, tolerance);
  const dy = nearestShift([r.y, r.y + r.height], edges.ys, tolerance);
  return rounded({ ...r, x: r.x + dx, y: r.y + dy });
}

/** A corner-dragged window with the dragged edges on monitor edges, when within tolerance. */
export function snapCorner(r: WallRect, corner: Corner, edges: Edges, tolerance: number): WallRect {
  const west = corner === 'nw' || corner === 'sw', north = corner === 'nw' || corner === 'ne';
  const right = r.x + r.width, bottom = r.y + r.height;
  const x = west ? r.x + nearestShift([r.x], edges.xs, tolerance) : r.x;
  const x1 = west ? right : right + nearestShift([right], edges.xs, tolerance);
  const y = north ? r.y + nearestShift([r.y], edges.ys, tolerance) : r.y;
  const y1 = north ? bottom : bottom + nearestShift([bottom], edges.ys, tolerance);
  if (x1 - x < MIN_WINDOW_MM || y1 - y < MIN_WINDOW_MM) return r;
  return rounded({ x, y, width: x1 - x, height: y1 - y });
}

/** What an arrow key does to a free window: moves it a step, or with Shift makes it a step wider/taller (right/down) or narrower/shorter (left/up). */
export function arrowChange(key: string, shift: boolean, step = KEY_STEP_MM): { dx: number; dy: number; dw: number; dh: number } | null {
  const d = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[key];
  if (!d) return null;
  const [h, v] = d as [number, number];
  return shift ? { dx: 0, dy: 0, dw: h, dh: v } : { dx: h, dy: v, dw: 0, dh: 0 };
}

/** Where a new window opens: over the picture of the chosen monitor, else the first monitor with output, else the whole wall. */
export function newWindowRect(geometry: WallGeometry, near: MonitorRef | null): WallRect {
  const at = (near && geometry.monitors.find((m) => m.row === near.row && m.column === near.column)) ?? geometry.monitors.find((m) => m.present);
  return rounded(at ? at.active : { x: 0, y: 0, width: geometry.width, height: geometry.height });
}

/**
 * A window id no other console will choose at the same moment (two consoles adding "w3" at once
 * would otherwise be one window edited twice, and one of the two would be lost).
 */
export function newWindowId(random: () => number = Math.random): string {
  return `w-${Math.floor(random() * 36 ** 6).toString(36).padStart(6, '0')}`;
}
