// Typed access to the native wall layout engine (native/src/wall/). Input is checked against the
// shared zod schemas first, so a malformed file or message is refused here with zod's account of
// it and the native code only ever sees well-shaped values.
import {
  MonitorRefSchema,
  WallLayoutSchema,
  WallSchema,
  type LayoutResult,
  type MonitorRef,
  type PointResult,
  type Wall,
  type WallLayout,
} from '../../shared/wall';

/** The engine's functions on the native module's exports. */
export interface NativeWallApi {
  computeLayout(wall: Wall, layout: WallLayout): LayoutResult;
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

export function wallLayoutEngine(native: NativeWallApi): WallLayoutEngine {
  const map = (wall: unknown, monitor: MonitorRef, point: { x: number; y: number }, direction: 'toPanel' | 'toWall') =>
    native.mapPoint(WallSchema.parse(wall), MonitorRefSchema.parse(monitor), { x: Number(point.x), y: Number(point.y) }, direction);
  return {
    compute: (wall, layout) => native.computeLayout(WallSchema.parse(wall), WallLayoutSchema.parse(layout)),
    toPanel: (wall, monitor, point) => map(wall, monitor, point, 'toPanel'),
    toWall: (wall, monitor, point) => map(wall, monitor, point, 'toWall'),
  };
}
