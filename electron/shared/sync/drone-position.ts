// Hub position messages: where a drone without KLV in its stream is (a DJI dock's OSD, a
// MAVLink ground station relayed by the platform), pushed by the hub as socket.io event
// `drone.position`. Not part of the change log: a position is worth something only now.
// docs/sync-protocol.md (Drone positions). Pure: zod only.
import { z } from 'zod';
import { Drone } from '../domain/drone';

export const DRONE_POSITION_EVENT = 'drone.position';

const finite = z.number().finite();

export const DronePosition = z.object({
  droneId: Drone.shape.id,
  /** When the aircraft was there, ms since 1970 on the hub's (platform's) clock. */
  at: z.number().int().nonnegative().max(8_640_000_000_000_000),
  lat: finite.min(-90).max(90),
  lon: finite.min(-180).max(180),
  /** Metres above mean sea level. */
  altitudeM: finite.min(-900).max(19_000).nullable(),
  /** Degrees clockwise from true north. */
  headingDeg: finite.min(0).lt(360).nullable(),
  pitchDeg: finite.min(-90).max(90).nullable().optional(),
  rollDeg: finite.min(-180).max(180).nullable().optional(),
  /** Ground speed, m/s. */
  speedMps: finite.min(0).max(1000).nullable().optional(),
}).strict();
export type DronePosition = z.infer<typeof DronePosition>;

export type ParsedPosition = { ok: true; position: DronePosition } | { ok: false; reason: string };

/** Never throws: a message that is not a valid position comes back with a one-line reason (no values, which may be long). */
export function parseDronePosition(raw: unknown): ParsedPosition {
  let r: ReturnType<typeof DronePosition.safeParse>;
  try {
    r = DronePosition.safeParse(raw);
  } catch (err) {
    return { ok: false, reason: `unreadable: ${(err as Error).message}`.slice(0, 200) };
  }
  if (r.success) return { ok: true, position: r.data };
  const first = r.error.issues[0];
  const where = first && first.path.length ? first.path.join('.') : '(root)';
  return { ok: false, reason: `${where}: ${first?.message ?? 'invalid'}`.slice(0, 200) };
}
