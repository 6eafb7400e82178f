// What the native layout engine answers (native/src/wall/wall_napi.cc): per-monitor viewports
// for a layout, or the reason it was refused.
import type { MonitorRef } from './wall-schema';

export type WallRect = { x: number; y: number; width: number; height: number };

export type PlacedMonitor = MonitorRef & {
  present: boolean;
  rotation: 0 | 90 | 180 | 270;
  /** Millimetres on the wall, bezels included. */
  outer: WallRect;
  /** The picture area, millimetres on the wall. */
  active: WallRect;
};

/** One piece of a window (or a split's cell) on one monitor. */
export type Viewport = {
  /** The free window's id, or the split's id for a cell. */
  window: string;
  cell: { row: number; column: number } | null;
  /** Null for cells, which lie under every free window. */
  z: number | null;
  monitor: MonitorRef;
  /** The visible piece in millimetres on the wall. */
  wall: WallRect;
  /** The same piece as fractions (0..1) of the window's picture. */
  crop: WallRect;
  /** Where to draw it: the monitor's framebuffer pixels (the panel's own orientation). */
  destination: WallRect;
  /** Draw the crop turned this many degrees anticlockwise, so it stands upright on the turned panel. */
  rotation: 0 | 90 | 180 | 270;
};

export type RefusalCode =
  | 'bad-wall'
  | 'bad-monitor'
  | 'bad-id'
  | 'duplicate-id'
  | 'bad-number'
  | 'zero-size'
  | 'outside-wall'
  | 'duplicate-z'
  | 'bad-split'
  | 'split-conflict'
  | 'too-many-windows'
  | 'too-many-viewports';

export type LayoutRefusal = {
  code: RefusalCode;
  /** English, for engineers and logs; names the window or monitor at fault. */
  message: string;
  window: string | null;
  monitor: MonitorRef | null;
};

export type WallGeometry = { width: number; height: number; monitors: PlacedMonitor[] };

export type LayoutResult =
  | {
      ok: true;
      wall: WallGeometry;
      /** Per monitor in row-major order, each monitor's pieces in drawing order (cells, then windows by z). */
      viewports: Viewport[];
      /** Windows and splits that fall partly or wholly on monitors whose output is missing. */
      unseen: { window: string; monitors: MonitorRef[] }[];
    }
  | { ok: false; refusal: LayoutRefusal };

export type PointResult = { ok: true; point: { x: number; y: number } } | { ok: false; refusal: LayoutRefusal };
