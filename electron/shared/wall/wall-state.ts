// The wall as main tells every console and wall output about it, and the wall's saved things:
// presets, tours, alarm routing. Schemas, because main validates what it sends (events) and what
// it reads back from disk.
import { z } from 'zod';
import { Priority } from '../domain/incident';
import { EditorSchema } from './wall-edits';
import { MonitorRefSchema, WallLayoutSchema, WallSchema } from './wall-schema';
import { SlotRefSchema, SlotSourceSchema } from './wall-sources';

const id = z.string().min(1).max(64);
const Rect = z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() });
const Rotation = z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]);

export const ViewportSchema = z.object({
  window: z.string(),
  cell: z.object({ row: z.number().int(), column: z.number().int() }).nullable(),
  z: z.number().nullable(),
  monitor: MonitorRefSchema,
  wall: Rect,
  crop: Rect,
  destination: Rect,
  rotation: Rotation,
});

export const WallGeometrySchema = z.object({
  width: z.number(),
  height: z.number(),
  monitors: z.array(MonitorRefSchema.extend({ present: z.boolean(), rotation: Rotation, outer: Rect, active: Rect })),
});

/** "HH:MM" local time of the workstation, on the given weekdays (0 = Sunday; none listed: every day). */
export const ScheduleSchema = z.object({
  times: z.array(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/)).min(1).max(24),
  days: z.array(z.number().int().min(0).max(6)).max(7),
});
export type Schedule = z.infer<typeof ScheduleSchema>;

export const PresetSchema = z.object({
  id,
  name: z.string().trim().min(1).max(80),
  layout: WallLayoutSchema,
  sources: z.array(SlotSourceSchema).max(4096),
  schedule: ScheduleSchema.nullable(),
  savedBy: EditorSchema,
  savedAt: z.number().int().nonnegative(),
});
export type Preset = z.infer<typeof PresetSchema>;

export const TourStepSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('camera'), cameraId: id }),
  z.object({ kind: z.literal('preset'), presetId: id }),
]);
export type TourStep = z.infer<typeof TourStepSchema>;

export const TourSchema = z.object({
  id,
  name: z.string().trim().min(1).max(80),
  /** Where camera steps show; preset steps replace the whole wall. */
  slot: SlotRefSchema.nullable(),
  steps: z.array(TourStepSchema).min(1).max(200),
  dwellSeconds: z.number().int().min(5).max(3600),
});
export type Tour = z.infer<typeof TourSchema>;

export const RunningTourSchema = z.object({ tourId: id, step: z.number().int().nonnegative(), nextAt: z.number(), startedBy: EditorSchema });
export type RunningTour = z.infer<typeof RunningTourSchema>;

/** Incidents of this priority or more urgent (1 is the most urgent) put their cameras on these slots. */
export const AlarmRouteSchema = z.object({
  enabled: z.boolean(),
  minPriority: Priority,
  slots: z.array(SlotRefSchema).max(64),
});
export type AlarmRoute = z.infer<typeof AlarmRouteSchema>;

export const ActiveAlarmSchema = z.object({
  incidentId: id,
  since: z.number(),
  /** What the alarm put where, and what was there before (restored when acknowledged, unless changed since). */
  shown: z.array(z.object({ slot: SlotRefSchema, cameraId: id, previous: SlotSourceSchema.shape.source.nullable() })),
});
export type ActiveAlarm = z.infer<typeof ActiveAlarmSchema>;

export const HistoryItemSchema = z.object({
  revision: z.number().int(),
  baseRevision: z.number().int(),
  editId: z.string(),
  kind: z.enum(['place', 'remove', 'raise', 'split', 'unsplit', 'show', 'load']),
  by: EditorSchema,
  at: z.number(),
  overriddenBy: z.object({ revision: z.number().int(), by: EditorSchema }).nullable(),
});
export type HistoryItem = z.infer<typeof HistoryItemSchema>;

export const LayoutRefusalSchema = z.object({
  code: z.string(),
  message: z.string(),
  window: z.string().nullable(),
  monitor: MonitorRefSchema.nullable(),
});

export const WallStateSchema = z.object({
  /** False when the native layout engine could not load: the wall cannot be driven, and why. */
  available: z.boolean(),
  problem: z.string().nullable(),
  revision: z.number().int().nonnegative(),
  model: WallSchema,
  layout: WallLayoutSchema,
  sources: z.array(SlotSourceSchema),
  geometry: WallGeometrySchema.nullable(),
  viewports: z.array(ViewportSchema),
  unseen: z.array(z.object({ window: z.string(), monitors: z.array(MonitorRefSchema) })),
  presets: z.array(PresetSchema),
  tours: z.array(TourSchema),
  running: z.array(RunningTourSchema),
  alarm: AlarmRouteSchema,
  alarms: z.array(ActiveAlarmSchema),
  /** The latest edits, newest last (enough for a console to show who changed what, and overrides). */
  recent: z.array(HistoryItemSchema).max(50),
});
export type WallState = z.infer<typeof WallStateSchema>;

export const PresenceSchema = z.object({
  consoleId: id,
  label: z.string().max(40),
  operator: z.string(),
  since: z.number(),
  /** The window the console has selected for editing, if any. */
  focus: z.string().max(128).nullable(),
  lastEditAt: z.number().nullable(),
});
export type Presence = z.infer<typeof PresenceSchema>;

/** What main answers to an edit, a push or a preset recall. */
export const EditAnswerSchema = z.object({
  status: z.enum(['applied', 'duplicate', 'refused']),
  revision: z.number().int(),
  /** Concurrent changes of other consoles this one replaced (they are kept in the history). */
  overrode: z.array(z.object({ revision: z.number().int(), editId: z.string(), by: EditorSchema })),
  /** Why it was refused: the edit rule's reason or the layout engine's refusal. */
  refusal: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type EditAnswer = z.infer<typeof EditAnswerSchema>;
