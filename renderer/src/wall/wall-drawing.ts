// The wall as the wall view draws it: every slot (split cell or free window) as a rectangle in
// wall millimetres, which slot lies under a point, and how the drawing (an SVG whose viewBox is
// the wall in mm) sits on screen. Pure, so the maths is tested without a browser.
import type { Monitor, MonitorRef, WallGeometry, Wall, WallLayout, WallRect, WallWindow } from '../../../electron/shared/wall';
import { slotKey, type SlotRef } from '../../../electron/shared/wall';

export type Point = { x: number; y: number };

/** A slot as drawn. */
export type SlotShape = {
  key: string;
  slot: SlotRef;
  /** Millimetres on the wall. */
  rect: WallRect;
  /** The monitor a cell belongs to; null for free windows. */
  monitor: MonitorRef | null;
  /** A cell's split: rows × columns on its monitor; null for free windows. */
  grid: { rows: number; columns: number } | null;
  /** A free window's z; null for cells, which lie beneath every window. */
  z: number | null;
};

export function monitorOf(model: Wall, ref: MonitorRef): Monitor | undefined {
  return model.monitors[ref.row * model.columns + ref.column];
}

/** The monitor's pixels as the operator sees them: width and height swap when turned a quarter. */
export function orientedResolution(m: Monitor): { width: number; height: number } {
  return m.rotation === 90 || m.rotation === 270 ? { width: m.resolution.height, height: m.resolution.width } : m.resolution;
}

/** The cells of an even split in wall mm, cut on whole pixels as the engine cuts them (floor(i·W/n)). */
export function cellRects(active: WallRect, pixels: { width: number; height: number }, rows: number, columns: number): { row: number; column: number; rect: WallRect }[] {
  const xAt = (i: number) => active.x + (Math.floor((i * pixels.width) / columns) * active.width) / pixels.width;
  const yAt = (i: number) => active.y + (Math.floor((i * pixels.height) / rows) * active.height) / pixels.height;
  const out: { row: number; column: number; rect: WallRect }[] = [];
  for (let row = 0; row < rows; row++)
    for (let column = 0; column < columns; column++) {
      const x = xAt(column), y = yAt(row);
      out.push({ row, column, rect: { x, y, width: xAt(column + 1) - x, height: yAt(row + 1) - y } });
    }
  return out;
}

/** Every slot of the layout: cells (monitors row-major) first, then free windows from the bottom up. */
export function slotShapes(model: Wall, geometry: WallGeometry, layout: WallLayout, windows: readonly WallWindow[] = layout.windows): SlotShape[] {
  const placed = new Map(geometry.monitors.map((m) => [`${m.row},${m.column}`, m]));
  const splits = [...layout.splits].sort((a, b) => a.monitor.row - b.monitor.row || a.monitor.column - b.monitor.column);
  const cells = splits.flatMap((s) => {
    const at = placed.get(`${s.monitor.row},${s.monitor.column}`);
    const monitor = monitorOf(model, s.monitor);
    if (!at || !monitor) return [];
    return cellRects(at.active, orientedResolution(monitor), s.rows, s.columns).map((c): SlotShape => {
      const slot = { window: s.id, cell: { row: c.row, column: c.column } };
      return { key: slotKey(slot), slot, rect: c.rect, monitor: s.monitor, grid: { rows: s.rows, columns: s.columns }, z: null };
    });
  });
  const free = [...windows].sort((a, b) => a.z - b.z).map((w): SlotShape => ({ key: w.id, slot: { window: w.id, cell: null }, rect: { x: w.x, y: w.y, width: w.width, height: w.height }, monitor: null, grid: null, z: w.z }));
  return [...cells, ...free];
}

export function contains(r: WallRect, p: Point): boolean {
  return p.x >= r.x && p.x <= r.x + r.width && p.y >= r.y && p.y <= r.y + r.height;
}

export function centre(r: WallRect): Point {
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}

/** The slot an operator sees at a point: the topmost window there, else the cell beneath. */
export function slotAt(shapes: readonly SlotShape[], p: Point): SlotShape | null {
  let best: SlotShape | null = null;
  for (const s of shapes) {
    if (!contains(s.rect, p)) continue;
    if (!best || (s.z ?? -Infinity) >= (best.z ?? -Infinity)) best = s;
  }
  return best;
}

/** The monitor (bezels included) at a point. */
export function monitorAt(geometry: WallGeometry, p: Point): WallGeometry['monitors'][number] | null {
  return geometry.monitors.find((m) => contains(m.outer, p)) ?? null;
}

/** The smallest rectangle holding all of these. */
export function union(rects: readonly WallRect[]): WallRect | null {
  if (rects.length === 0) return null;
  const x = Math.min(...rects.map((r) => r.x)), y = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.width)), bottom = Math.max(...rects.map((r) => r.y + r.height));
  return { x, y, width: right - x, height: bottom - y };
}

/** Where the drawing sits in its box on screen: the wall scaled to fit, centred (SVG's xMidYMid meet). */
export type Fit = { scale: number; left: number; top: number };

export function fitWall(box: { left: number; top: number; width: number; height: number }, wall: { width: number; height: number }): Fit {
  const scale = Math.min(box.width / wall.width, box.height / wall.height);
  return { scale, left: box.left + (box.width - wall.width * scale) / 2, top: box.top + (box.height - wall.height * scale) / 2 };
}

/** A point on screen (client px) as wall mm. */
export function toWall(fit: Fit, client: Point): Point {
  return { x: (client.x - fit.left) / fit.scale, y: (client.y - fit.top) / fit.scale };
}

/** Text that fits a width at a font size, shortened with an ellipsis; CJK glyphs are about 1 em, others about 0.6. */
export function fitLabel(text: string, widthPx: number, fontPx: number): string {
  const em = (ch: string) => (ch.codePointAt(0)! >= 0x2e80 ? 1 : 0.6);
  const room = widthPx / fontPx;
  let used = 0;
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    used += em(chars[i]!);
    if (used > room) {
      if (i === 0) return '';
      // Drop characters until the ellipsis fits too.
      let cut = i;
      let width = used - em(chars[i]!);
      while (cut > 0 && width + 1 > room) width -= em(chars[--cut]!);
      return cut > 0 ? `${chars.slice(0, cut).join('')}…` : '';
    }
  }
  return text;
}

/** A monitor as installers label it: r2c3 is row 2, column 3 (1-based). */
export function monitorName(m: MonitorRef): string {
  return `r${m.row + 1}c${m.column + 1}`;
}
