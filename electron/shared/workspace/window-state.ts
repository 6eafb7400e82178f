// What a window was showing (its view, the selected incident, its video grid), kept by main per
// window role so a restart, a crash or another browser profile finds it as the operator left it.
import { z } from 'zod';

export const SAVED_VIEWS = ['incidents', 'map', 'video', 'wall', 'diagnostics'] as const;
export const GRID_SIZES = [1, 4, 9, 16, 25, 36] as const;

const CameraId = z.string().min(1).max(100);
const GridSize = z.literal(GRID_SIZES);

export const VideoGrid = z
  .object({
    grid: GridSize,
    /** Per grid size ("1", "4", … "36"): the camera in each tile, null for an empty tile. */
    tiles: z.partialRecord(z.enum(['1', '4', '9', '16', '25', '36']), z.array(CameraId.nullable()).max(36)),
  })
  .strict();

export const WindowState = z
  .object({
    view: z.enum(SAVED_VIEWS),
    selectedIncidentId: z.string().min(1).max(64).nullable(),
    video: VideoGrid,
  })
  .strict();
export type WindowState = z.infer<typeof WindowState>;
