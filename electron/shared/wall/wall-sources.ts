// What a wall window shows, and where. A slot is a free window or one cell of a monitor's even
// split; each holds at most one source. Slots are keyed by a string so the doc can hold them in a
// plain record and two edits can be compared by what they touched.
import { z } from 'zod';
import { GeoPoint } from '../domain/incident';
import type { MonitorRef, WallLayout } from './wall-schema';

const id = z.string().min(1).max(128);

export const SlotRefSchema = z.object({
  /** A free window's id, or a split's id for one of its cells. */
  window: id,
  cell: z.object({ row: z.number().int().min(0).max(7), column: z.number().int().min(0).max(7) }).nullable(),
});
export type SlotRef = z.infer<typeof SlotRefSchema>;

export const WallSourceSchema = z.discriminatedUnion('kind', [
  /** Sub-stream for small cells is the output's choice; this is the operator's (main by default). */
  z.object({ kind: z.literal('camera'), cameraId: z.string().min(1).max(64), quality: z.enum(['main', 'sub']).default('main') }),
  z.object({ kind: z.literal('map'), center: GeoPoint, zoom: z.number().min(3).max(19) }),
  z.object({ kind: z.literal('incident'), incidentId: z.string().min(1).max(64) }),
  /** A drone: its video with a map that follows it (docs/drones.md). */
  z.object({ kind: z.literal('drone'), droneId: z.string().regex(/^drone-[A-Za-z0-9_-]{1,58}$/) }),
]);
export type WallSource = z.infer<typeof WallSourceSchema>;
export type WallSourceIn = z.input<typeof WallSourceSchema>;

export const SlotSourceSchema = z.object({ slot: SlotRefSchema, source: WallSourceSchema });
export type SlotSource = z.infer<typeof SlotSourceSchema>;

/** `w1` for a free window, `s1#2.0` for row 2, column 0 of split s1. */
export function slotKey(slot: SlotRef): string {
  return slot.cell ? `${slot.window}#${slot.cell.row}.${slot.cell.column}` : slot.window;
}

export function slotOfKey(key: string): SlotRef {
  const m = /^(.*)#(\d+)\.(\d+)$/.exec(key);
  return m ? { window: m[1]!, cell: { row: Number(m[2]), column: Number(m[3]) } } : { window: key, cell: null };
}

/** The id a monitor's own split goes by: m-r1c1 is the top-left monitor (1-based, as installers label them). */
export function monitorSplitId(monitor: MonitorRef): string {
  return `m-r${monitor.row + 1}c${monitor.column + 1}`;
}

/** Whether the layout has this slot: a free window by id, or a cell inside a split's grid. */
export function hasSlot(layout: WallLayout, slot: SlotRef): boolean {
  if (!slot.cell) return layout.windows.some((w) => w.id === slot.window);
  const { row, column } = slot.cell;
  return layout.splits.some((s) => s.id === slot.window && row < s.rows && column < s.columns);
}

/** Every slot of a layout, cells first (the base picture), then windows. */
export function slotsOf(layout: WallLayout): SlotRef[] {
  const cells = layout.splits.flatMap((s) =>
    Array.from({ length: s.rows * s.columns }, (_, i) => ({ window: s.id, cell: { row: Math.floor(i / s.columns), column: i % s.columns } })),
  );
  return [...cells, ...layout.windows.map((w) => ({ window: w.id, cell: null }))];
}

/** Drops the sources of slots the layout no longer has. */
export function pruneSources(layout: WallLayout, sources: Readonly<Record<string, WallSource>>): Record<string, WallSource> {
  const out: Record<string, WallSource> = {};
  for (const [key, source] of Object.entries(sources)) if (hasSlot(layout, slotOfKey(key))) out[key] = source;
  return out;
}

export function sameSource(a: WallSource | undefined, b: WallSource | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
