// The wall and its layouts as they arrive from disk or a window, with the zod schemas main runs
// before handing them to the native layout engine (native/src/wall/). The schemas check shape
// and per-field ranges; whether the pieces fit together (a window inside the wall, one split per
// monitor, unique ids and z) is the engine's judgement, so there is one source of refusals.
import { z } from 'zod';

/** Limits shared with native/src/wall/model.h. */
export const WALL_LIMITS = {
  gridSide: 32,
  splitSide: 8,
  windows: 4096,
  /** Pieces of windows and cells on monitors in one layout (checked by the engine only). */
  viewports: 65536,
  pixels: 16384,
  millimetres: 100_000,
  idLength: 128,
} as const;

const mm = z.number().finite().min(0).max(WALL_LIMITS.millimetres);
const id = z.string().min(1).max(WALL_LIMITS.idLength);

/** A monitor as its datasheet gives it, in the panel's own (unturned) orientation. */
export const MonitorSchema = z.object({
  /** Framebuffer pixels. */
  resolution: z.object({ width: z.number().int().min(1).max(WALL_LIMITS.pixels), height: z.number().int().min(1).max(WALL_LIMITS.pixels) }),
  /** The picture area in millimetres. */
  activeSize: z.object({ width: mm.positive(), height: mm.positive() }),
  /** Frame widths in millimetres on each side of the picture (the panel's sides, before rotation). */
  bezel: z.object({ top: mm, right: mm, bottom: mm, left: mm }),
  /** Clockwise, as mounted. */
  rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
  /** False while the output is missing: nothing is drawn there and windows over it are reported. */
  present: z.boolean(),
});

export const WallSchema = z.object({
  rows: z.number().int().min(1).max(WALL_LIMITS.gridSide),
  columns: z.number().int().min(1).max(WALL_LIMITS.gridSide),
  /** Row-major, rows × columns of them. */
  monitors: z.array(MonitorSchema).max(WALL_LIMITS.gridSide * WALL_LIMITS.gridSide),
});

/** 0-based; messages name monitors 1-based ("r1c2") as installers label them. */
export const MonitorRefSchema = z.object({ row: z.number().int().min(0), column: z.number().int().min(0) });

/** One monitor divided into rows × columns equal cells (to the pixel); cells never cross monitors. */
export const SplitSchema = z.object({
  id,
  monitor: MonitorRefSchema,
  rows: z.number().int().min(1).max(WALL_LIMITS.splitSide),
  columns: z.number().int().min(1).max(WALL_LIMITS.splitSide),
});

/** A free window in millimetres from the wall's top-left outer corner; higher z draws on top. */
export const WallWindowSchema = z.object({
  id,
  x: z.number().finite(),
  y: z.number().finite(),
  width: z.number().finite(),
  height: z.number().finite(),
  z: z.number().finite(),
});

export const WallLayoutSchema = z.object({
  splits: z.array(SplitSchema).max(WALL_LIMITS.gridSide * WALL_LIMITS.gridSide),
  windows: z.array(WallWindowSchema).max(WALL_LIMITS.windows),
});

export type Monitor = z.infer<typeof MonitorSchema>;
export type Wall = z.infer<typeof WallSchema>;
export type MonitorRef = z.infer<typeof MonitorRefSchema>;
export type Split = z.infer<typeof SplitSchema>;
export type WallWindow = z.infer<typeof WallWindowSchema>;
export type WallLayout = z.infer<typeof WallLayoutSchema>;

/** A wall of identical monitors, the usual splice wall. */
export function uniformWall(rows: number, columns: number, monitor: Monitor): Wall {
  return { rows, columns, monitors: Array.from({ length: rows * columns }, () => ({ ...monitor })) };
}
