// The wall as stored in the workstation's database (one settings row, written whole on each
// change). Read back through this schema: a value that does not parse, or that the layout engine
// refuses, is set aside — never overwritten unread — and the wall starts from the defaults.
import { z } from 'zod';
import {
  ActiveAlarmSchema,
  AlarmRouteSchema,
  EditorSchema,
  PresetSchema,
  RunningTourSchema,
  SlotSourceSchema,
  TourSchema,
  WallEditSchema,
  WallLayoutSchema,
  WallSchema,
} from '../../shared/wall';

const HistoryEntrySchema = z.object({
  revision: z.number().int().positive(),
  baseRevision: z.number().int().nonnegative(),
  editId: z.string(),
  edit: WallEditSchema,
  by: EditorSchema,
  at: z.number(),
  touches: z.array(z.string()),
  overriddenBy: z.object({ revision: z.number().int(), by: EditorSchema }).nullable(),
});

export const SavedWallSchema = z.object({
  version: z.literal(1),
  model: WallSchema,
  revision: z.number().int().nonnegative(),
  layout: WallLayoutSchema,
  sources: z.array(SlotSourceSchema),
  history: z.array(HistoryEntrySchema),
  presets: z.array(PresetSchema),
  tours: z.array(TourSchema),
  running: z.array(RunningTourSchema),
  alarm: AlarmRouteSchema,
  alarms: z.array(ActiveAlarmSchema),
});
export type SavedWall = z.infer<typeof SavedWallSchema>;
