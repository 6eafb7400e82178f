// Spherical geometry on WGS-84 coordinates. A sphere is accurate to about 0.5 % against the
// ellipsoid, far inside what ranking cameras and units by proximity needs.
import type { GeoPoint } from '../domain/incident';

/** IUGG mean Earth radius (2a + b) / 3: minimises the sphere's average error against WGS-84. */
export const EARTH_RADIUS_M = 6_371_008.8;

const RAD = Math.PI / 180;

/** Folds any angle in degrees into [0, 360); a result that rounds up to 360 becomes 0. */
export function normalizeDeg(deg: number): number {
  const r = ((deg % 360) + 360) % 360;
  // `+ 0` turns -0 into 0 so callers comparing with Object.is or toEqual see a plain zero.
  return r >= 360 ? 0 : r + 0;
}

/**
 * Great-circle distance in metres. Haversine with the argument clamped, so antipodal points and
 * rounding just above 1 cannot produce NaN.
 */
export function distanceM(a: GeoPoint, b: GeoPoint): number {
  const lat1 = a.lat * RAD;
  const lat2 = b.lat * RAD;
  const sinHalfDLat = Math.sin((lat2 - lat1) / 2);
  const sinHalfDLon = Math.sin(((b.lon - a.lon) * RAD) / 2);
  const h = sinHalfDLat * sinHalfDLat + Math.cos(lat1) * Math.cos(lat2) * sinHalfDLon * sinHalfDLon;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Initial bearing (forward azimuth) from `from` towards `to`, degrees clockwise from true north in
 * [0, 360). Coincident points, and starts at a pole, have no defined bearing; they yield 0.
 */
export function initialBearingDeg(from: GeoPoint, to: GeoPoint): number {
  const lat1 = from.lat * RAD;
  const lat2 = to.lat * RAD;
  const dLon = (to.lon - from.lon) * RAD;
  const y = Math.sin(dLon) * Math.cos(lat2);
  const x = Math.cos(lat1) * Math.sin(lat2) - Math.sin(lat1) * Math.cos(lat2) * Math.cos(dLon);
  return normalizeDeg(Math.atan2(y, x) / RAD);
}

/**
 * The smallest signed turn from heading `from` to heading `to`, in [-180, 180): positive is
 * clockwise. Working on the difference rather than the raw headings is what makes 350° → 5°
 * a 15° turn instead of -345°.
 */
export function headingDifferenceDeg(from: number, to: number): number {
  return normalizeDeg(to - from + 180) - 180;
}

/**
 * The point reached by travelling `metres` from `from` along the great circle that
 * starts at `bearingDeg`. Lets the map draw a camera's field of view as a sector of true size.
 * Longitude is folded into [-180, 180).
 */
export function destinationPoint(from: GeoPoint, bearingDeg: number, metres: number): GeoPoint {
  const angular = metres / EARTH_RADIUS_M;
  const bearing = bearingDeg * RAD;
  const lat1 = from.lat * RAD;
  const sinLat2 = Math.sin(lat1) * Math.cos(angular) + Math.cos(lat1) * Math.sin(angular) * Math.cos(bearing);
  const lat2 = Math.asin(Math.max(-1, Math.min(1, sinLat2)));
  const lon2 = from.lon * RAD + Math.atan2(Math.sin(bearing) * Math.sin(angular) * Math.cos(lat1), Math.cos(angular) - Math.sin(lat1) * sinLat2);
  const lon = normalizeDeg(lon2 / RAD + 180) - 180;
  return { lat: lat2 / RAD, lon };
}
