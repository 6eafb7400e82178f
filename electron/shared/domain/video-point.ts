import { z } from 'zod';
import { GeoPoint } from './incident';

/**
 * A camera as the renderer sees it. Stream URLs and credentials are deliberately absent:
 * main opens streams and hands windows only media channels, never addresses or passwords.
 */
export const VideoPoint = z.object({
  id: z.string(),
  name: z.string(),
  location: GeoPoint,
  headingDeg: z.number().min(0).lt(360).nullable(),
  fovDeg: z.number().gt(0).max(360).nullable(),
  rangeM: z.number().positive().nullable(),
  codec: z.enum(['h264', 'h265', 'unknown']),
  ptz: z.boolean(),
  department: z.string(),
  district: z.string(),
  online: z.boolean(),
});
export type VideoPoint = z.infer<typeof VideoPoint>;
