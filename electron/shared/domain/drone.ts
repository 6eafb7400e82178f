import { z } from 'zod';

/**
 * A drone as windows see it: an id usable wherever a camera id is (its video plays through the
 * same media channel), a callsign and where its position comes from. Its stream address stays in
 * main, as a camera's does.
 */
export const Drone = z.object({
  id: z.string().regex(/^drone-[A-Za-z0-9_-]{1,56}$/),
  callsign: z.string().min(1).max(40),
  /** 'klv': ST 0601 in the stream; 'hub': position messages from the hub (not built); 'none': video only. */
  telemetry: z.enum(['klv', 'hub', 'none']),
  codec: z.enum(['h264', 'h265', 'unknown']),
});
export type Drone = z.infer<typeof Drone>;

const Deg = z.number().finite();
const LatLon = z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) });

/** The latest decoded ST 0601 values of one drone; null where the stream has not sent the tag. */
export const DroneTelemetry = z.object({
  id: Drone.shape.id,
  callsign: z.string(),
  /** When main decoded the packet (ms since 1970, main's clock). */
  receivedAt: z.number().int().nonnegative(),
  /** The packet's PTS in seconds (the picture it belongs to), null without one. */
  streamTimeS: z.number().nullable(),
  /** Tag 2, µs since 1970. */
  timestampUs: z.number().nullable(),
  position: LatLon.nullable(),
  altitudeM: z.number().nullable(),
  headingDeg: Deg.nullable(),
  pitchDeg: Deg.nullable(),
  rollDeg: Deg.nullable(),
  hfovDeg: Deg.nullable(),
  vfovDeg: Deg.nullable(),
  sensorAzimuthDeg: Deg.nullable(),
  sensorElevationDeg: Deg.nullable(),
  frameCenter: LatLon.nullable(),
  frameCenterElevationM: z.number().nullable(),
  slantRangeM: z.number().nonnegative().nullable(),
  /** KLV packets decoded and skipped (refused or unframeable) since the drone's stream started. */
  decoded: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
});
export type DroneTelemetry = z.infer<typeof DroneTelemetry>;
