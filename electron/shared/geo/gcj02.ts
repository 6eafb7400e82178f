// GCJ-02 ("Mars coordinates"): the obfuscated datum Chinese basemaps such as AMap/Gaode and
// Tencent draw in. Vigil stores WGS-84 only (see GeoPoint); these conversions exist solely to
// place markers on such a basemap and to read a clicked basemap position back into WGS-84.
import type { GeoPoint } from '../domain/incident';

// The obfuscation is defined on the Krasovsky 1940 ellipsoid, not on WGS-84.
const KRASOVSKY_A = 6_378_245.0;
const KRASOVSKY_E2 = 0.006_693_421_622_965_943;
const RAD = Math.PI / 180;

/** Stop the inverse once a forward pass lands this close (degrees); 1e-9° is about 0.1 mm. */
const INVERSE_TOLERANCE_DEG = 1e-9;
/** Each pass gains two to three digits, so a handful suffice; the cap only guards pathological input. */
const INVERSE_MAX_PASSES = 30;

/**
 * The rough rectangle conventionally used as "inside China" for GCJ-02: longitude 72.004–137.8347,
 * latitude 0.8293–55.8271. It is a box, not a border: it also takes in neighbouring countries and
 * sea (Seoul, Delhi, Singapore, Ulaanbaatar, Kyushu all get shifted), plus Hong Kong, Macau and
 * Taiwan, where basemaps differ on whether they offset. Good enough for a city inside mainland
 * China, which is all Vigil serves; outside the box the offset is zero. Within a few hundred
 * metres of the box's edge the transform is not one-to-one, so the inverse there may return the
 * input unchanged rather than the shifted preimage.
 */
export const GCJ02_BOUNDS = { minLat: 0.8293, maxLat: 55.8271, minLon: 72.004, maxLon: 137.8347 } as const;

export function isInGcj02Area(p: GeoPoint): boolean {
  return p.lat >= GCJ02_BOUNDS.minLat && p.lat <= GCJ02_BOUNDS.maxLat && p.lon >= GCJ02_BOUNDS.minLon && p.lon <= GCJ02_BOUNDS.maxLon;
}

/** WGS-84 → GCJ-02. Identity outside GCJ02_BOUNDS. */
export function wgs84ToGcj02(p: GeoPoint): GeoPoint {
  if (!isInGcj02Area(p)) return { lat: p.lat, lon: p.lon };
  const { dLat, dLon } = offsetDeg(p.lat, p.lon);
  return { lat: p.lat + dLat, lon: p.lon + dLon };
}

/**
 * GCJ-02 → WGS-84. The forward transform has no closed-form inverse; the common one-step shortcut
 * (subtract the offset computed at the GCJ-02 point) is off by up to about five metres, enough
 * to misplace a marker at a junction. Instead: fixed-point iteration w ← w + (g − forward(w)),
 * which converges because the offset varies slowly with position. Returns the point whose
 * forward transform matches `p` to well under 1e-7°. Identity outside GCJ02_BOUNDS.
 */
export function gcj02ToWgs84(p: GeoPoint): GeoPoint {
  if (!isInGcj02Area(p)) return { lat: p.lat, lon: p.lon };
  let lat = p.lat;
  let lon = p.lon;
  for (let pass = 0; pass < INVERSE_MAX_PASSES; pass++) {
    const g = wgs84ToGcj02({ lat, lon });
    const errLat = p.lat - g.lat;
    const errLon = p.lon - g.lon;
    if (Math.abs(errLat) < INVERSE_TOLERANCE_DEG && Math.abs(errLon) < INVERSE_TOLERANCE_DEG) break;
    lat += errLat;
    lon += errLon;
  }
  return { lat, lon };
}

/** The published GCJ-02 offset in degrees at a WGS-84 position. */
function offsetDeg(lat: number, lon: number): { dLat: number; dLon: number } {
  // The polynomials and sines are defined around an origin of 105°E, 35°N.
  const x = lon - 105;
  const y = lat - 35;
  const rawLat = offsetNorth(x, y);
  const rawLon = offsetEast(x, y);
  // The raw values are metre-like distances on the Krasovsky ellipsoid; turn them into degrees
  // with its meridian and parallel radii of curvature at this latitude.
  const sinLat = Math.sin(lat * RAD);
  const w = 1 - KRASOVSKY_E2 * sinLat * sinLat;
  const meridianRadius = (KRASOVSKY_A * (1 - KRASOVSKY_E2)) / (w * Math.sqrt(w));
  const parallelRadius = (KRASOVSKY_A / Math.sqrt(w)) * Math.cos(lat * RAD);
  return { dLat: rawLat / (meridianRadius * RAD), dLon: rawLon / (parallelRadius * RAD) };
}

/** Terms shared by both components: short-wave ripples along longitude. */
function ripple(x: number): number {
  return ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
}

function offsetNorth(x: number, y: number): number {
  let v = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  v += ripple(x);
  v += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  v += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y / 30) * Math.PI)) * 2) / 3;
  return v;
}

function offsetEast(x: number, y: number): number {
  let v = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  v += ripple(x);
  v += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  v += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return v;
}
