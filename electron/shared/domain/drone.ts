import { z } from 'zod';

/**
 * A drone as windows see it: an id usable wherever a camera id is (its video plays through the
 * same media channel), a callsign and where its position comes from. Its stream address stays in
 * main, as a camera's does.
 */
export const Drone = z.object({
  id: z.string().regex(/^drone-[A-Za-z0-9_-]{1,56}$/),
  callsign: z.string().min(1).max(40),
  /** 'klv': ST 0601 in the stream; 'hub': position messages from the hub; 'none': video only. */
  telemetry: z.enum(['klv', 'hub', 'none']),
  codec: z.enum(['h264', 'h265', 'unknown']),
  /** Where the record comes from: the hub's synced catalogue (editable) or this workstation's drone file / demo. */
  origin: z.enum(['hub', 'file']).optional(),
  model: z.string().max(60).optional(),
  /** Whether main has a stream address for it (the address itself never leaves main). */
  hasStream: z.boolean().optional(),
});
export type Drone = z.infer<typeof Drone>;
export const DRONE_TELEMETRY_SOURCES = ['klv', 'hub', 'none'] as const;

/**
 * A drone stream address a hub record may name: network sources only, so a synced record can
 * never make main read a local file. Without credentials: those travel and are stored apart.
 */
export const DroneStreamUrl = z
  .string()
  .max(500)
  .regex(/^(udp|srt|rtmps?):\/\/[^\s@]+$/i, 'a udp://, srt://, rtmp:// or rtmps:// address without user or password');

/** What an operator may change on a hub drone record (`drones.save`). `streamUrl` undefined: unchanged. */
export const DroneEdit = z.object({
  id: Drone.shape.id,
  callsign: z.string().trim().min(1).max(40),
  telemetry: Drone.shape.telemetry,
  streamUrl: DroneStreamUrl.nullable().optional(),
}).strict();
export type DroneEdit = z.infer<typeof DroneEdit>;

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
