// What a drone's camera sees on the ground, from its ST 0601 telemetry — an approximation, as the
// map needs it, not a photogrammetric solution:
// - the ground is flat, at the frame centre's elevation (0 m when the stream does not send it);
// - the camera looks from the sensor's position towards the frame centre (tags 23/24), so the
//   bearing comes from those two points and the depression from the height above that ground and
//   the ground distance between them; the sensor's roll is ignored;
// - each corner of the picture is the centre ray turned by ±HFOV/2 in bearing and ±VFOV/2 in
//   depression, followed to the ground; a ray at or above the horizon stops at `MAX_REACH` times
//   the centre's distance (the far edge of an oblique view is drawn cut off, not infinite).
// Without the sensor's height the footprint is a rectangle about the frame centre, 2·R·tan(FOV/2)
// on each side for slant range R, turned to the bearing (sensor → centre, or the heading).
import type { GeoPoint } from '../domain/incident';
import { destinationPoint, distanceM, initialBearingDeg } from './distance';

export interface FootprintInput {
  sensor: GeoPoint | null;
  altitudeM: number | null;
  frameCenter: GeoPoint | null;
  frameCenterElevationM?: number | null;
  hfovDeg: number | null;
  vfovDeg: number | null;
  slantRangeM: number | null;
  headingDeg: number | null;
}

const MAX_REACH = 4;
/** Rays flatter than this (degrees below the horizon) are cut off at the maximum reach. */
const MIN_DEPRESSION_DEG = 1;
const rad = (d: number) => (d * Math.PI) / 180;

/** The footprint's four corners (near left, near right, far right, far left), or null without frame centre and both FOVs. */
export function droneFootprint(t: FootprintInput): GeoPoint[] | null {
  const { frameCenter: centre, hfovDeg: h, vfovDeg: v } = t;
  if (!centre || h === null || v === null || h <= 0 || v <= 0 || h >= 180 || v >= 180) return null;
  const height = t.sensor && t.altitudeM !== null ? t.altitudeM - (t.frameCenterElevationM ?? 0) : null;
  const ground = t.sensor ? distanceM(t.sensor, centre) : null;
  if (t.sensor && height !== null && height > 0 && ground !== null && ground > 0.5) {
    const bearing = initialBearingDeg(t.sensor, centre);
    const depression = Math.atan2(height, ground) * (180 / Math.PI);
    const reach = (dep: number) => (dep <= MIN_DEPRESSION_DEG ? ground * MAX_REACH : Math.min(ground * MAX_REACH, height / Math.tan(rad(dep))));
    const corner = (side: number, far: boolean) => {
      const dep = depression + (far ? -v / 2 : v / 2);
      // Near rays past the nadir (more than 90° down) land behind the sensor: cap at straight down.
      const dist = dep >= 90 ? 0 : reach(dep);
      return destinationPoint(t.sensor!, bearing + (side * h) / 2, dist);
    };
    return [corner(-1, false), corner(1, false), corner(1, true), corner(-1, true)];
  }
  const range = t.slantRangeM;
  if (range === null || range <= 0) return null;
  const bearing = t.sensor && ground !== null && ground > 0.5 ? initialBearingDeg(t.sensor, centre) : (t.headingDeg ?? 0);
  const halfW = range * Math.tan(rad(h / 2));
  const halfD = range * Math.tan(rad(v / 2));
  const at = (along: number, across: number) => destinationPoint(destinationPoint(centre, bearing, along), bearing + 90, across);
  return [at(-halfD, -halfW), at(-halfD, halfW), at(halfD, halfW), at(halfD, -halfW)];
}
