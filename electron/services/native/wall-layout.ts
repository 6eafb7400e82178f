// Typed access to the native wall layout engine (native/src/wall/). Input is checked against the
// shared zod schemas first, so a malformed file or message is refused here with zod's account of
// it and the native code only ever sees well-shaped values. The engine answers with flat
// Float64Arrays (one object per viewport through Node-API costs microseconds each); they are
// unpacked here into the shared result types.
import {
  MonitorRefSchema,
  WallLayoutSchema,
  WallSchema,
  type LayoutRefusal,
  type LayoutResult,
  type MonitorRef,
  type PlacedMonitor,
  type PointResult,
  type Viewport,
  type Wall,
  type WallLayout,
  type WallRect,
} from '../../shared/wall';

/** What native computeLayout answers; record layouts as written in native/src/wall/wall_napi.cc. */
export type PackedLayout =
  | { ok: true; width: number; height: number; monitors: Float64Array; viewports: Float64Array; unseen: Float64Array }
  | { ok: false; refusal: LayoutRefusal };

const MONITOR_STRIDE = 12;
const VIEWPORT_STRIDE = 19;
const UNSEEN_STRIDE = 3;

/** The engine's functions on the native module's exports. */
export interface NativeWallApi {
  computeLayout(wall: Wall, layout: WallLayout): PackedLayout;
  mapPoint(wall: Wall, monitor: MonitorRef, point: { x: number; y: number }, direction: 'toPanel' | 'toWall'): PointResult;
}

export interface WallLayoutEngine {
  /** Viewports for every window and split cell, or why the layout cannot be shown. Throws only on a malformed wall or layout. */
  compute(wall: unknown, layout: unknown): LayoutResult;
  /** Millimetres on the wall to one monitor's framebuffer pixels. */
  toPanel(wall: unknown, monitor: MonitorRef, point: { x: number; y: number }): PointResult;
  /** One monitor's framebuffer pixels to millimetres on the wall. */
  toWall(wall: unknown, monitor: MonitorRef, point: { x: number; y: number }): PointResult;
}

const rectAt = (a: Float64Array, i: number): WallRect => ({ x: a[i]!, y: a[i + 1]!, width: a[i + 2]!, height: a[i + 3]! });
const rotationAt = (a: Float64Array, i: number) => a[i] as 0 | 90 | 180 | 270;

export function unpackLayout(packed: PackedLayout, wall: Wall, layout: WallLayout): LayoutResult {
  if (!packed.ok) return packed;
  const ref = (index: number): MonitorRef => ({ row: Math.floor(index / wall.columns), column: index % wall.columns });
  const sourceId = (isSplit: boolean, index: number) => (isSplit ? layout.splits[index]! : layout.windows[index]!).id;
  const monitors: PlacedMonitor[] = [];
  for (let i = 0; i < packed.monitors.length; i += MONITOR_STRIDE) {
    const m = packed.monitors;
    monitors.push({ row: m[i]!, column: m[i + 1]!, present: m[i + 2] === 1, rotation: rotationAt(m, i + 3), outer: rectAt(m, i + 4), active: rectAt(m, i + 8) });
  }
  const viewports: Viewport[] = [];
  for (let i = 0; i < packed.viewports.length; i += VIEWPORT_STRIDE) {
    const v = packed.viewports;
    const isCell = v[i + 1] === 1;
    viewports.push({
      window: sourceId(isCell, v[i]!),
      cell: isCell ? { row: v[i + 2]!, column: v[i + 3]! } : null,
      z: isCell ? null : v[i + 5]!,
      monitor: ref(v[i + 4]!),
      wall: rectAt(v, i + 6),
      crop: rectAt(v, i + 10),
      destination: rectAt(v, i + 14),
      rotation: rotationAt(v, i + 18),
    });
  }
  // One record per (window, monitor); consecutive records of one window become one entry.
  const unseen: { window: string; monitors: MonitorRef[] }[] = [];
  let last = '';
  for (let i = 0; i < packed.unseen.length; i += UNSEEN_STRIDE) {
    const u = packed.unseen;
    const key = `${u[i]}:${u[i + 1]}`;
    if (key !== last) unseen.push({ window: sourceId(u[i] === 1, u[i + 1]!), monitors: [] });
    unseen.at(-1)!.monitors.push(ref(u[i + 2]!));
    last = key;
  }
  return { ok: true, wall: { width: packed.width, height: packed.height, monitors }, viewports, unseen };
}

export function wallLayoutEngine(native: NativeWallApi): WallLayoutEngine {
  const map = (wall: unknown, monitor: MonitorRef, point: { x: number; y: number }, direction: 'toPanel' | 'toWall') =>
    native.mapPoint(WallSchema.parse(wall), MonitorRefSchema.parse(monitor), { x: Number(point.x), y: Number(point.y) }, direction);
  return {
    compute: (wall, layout) => {
      const w = WallSchema.parse(wall), l = WallLayoutSchema.parse(layout);
      return unpackLayout(native.computeLayout(w, l), w, l);
    },
    toPanel: (wall, monitor, point) => map(wall, monitor, point, 'toPanel'),
    toWall: (wall, monitor, point) => map(wall, monitor, point, 'toWall'),
  };
}
