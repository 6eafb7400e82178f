// Plots WGS-84 points on a flat drawing until the Leaflet map arrives: an equirectangular
// projection about the data's centre, which at city scale distorts less than a pixel.
import type { GeoPoint } from '../../../electron/shared/domain/incident';

export interface Projection {
  width: number;
  height: number;
  toXY(p: GeoPoint): { x: number; y: number };
  /** Drawing units per metre at the centre. */
  perMetre: number;
}

const METRES_PER_DEGREE = 111_320;

export function fitProjection(points: readonly GeoPoint[], width: number, height: number, margin = 0.08): Projection | null {
  if (points.length === 0) return null;
  let minLat = Infinity, maxLat = -Infinity, minLon = Infinity, maxLon = -Infinity;
  for (const p of points) {
    minLat = Math.min(minLat, p.lat);
    maxLat = Math.max(maxLat, p.lat);
    minLon = Math.min(minLon, p.lon);
    maxLon = Math.max(maxLon, p.lon);
  }
  const midLat = (minLat + maxLat) / 2;
  const midLon = (minLon + maxLon) / 2;
  const cos = Math.cos((midLat * Math.PI) / 180);
  // Metres across the data, never less than 1 km so a single point is not infinitely zoomed.
  const spanX = Math.max((maxLon - minLon) * METRES_PER_DEGREE * cos, 1000);
  const spanY = Math.max((maxLat - minLat) * METRES_PER_DEGREE, 1000);
  const perMetre = Math.min((width * (1 - 2 * margin)) / spanX, (height * (1 - 2 * margin)) / spanY);
  return {
    width,
    height,
    perMetre,
    toXY: (p) => ({
      x: width / 2 + (p.lon - midLon) * METRES_PER_DEGREE * cos * perMetre,
      y: height / 2 - (p.lat - midLat) * METRES_PER_DEGREE * perMetre,
    }),
  };
}

/** SVG path of a camera's field of view: a wedge from its heading (degrees clockwise from north). */
export function viewCone(x: number, y: number, headingDeg: number | null, fovDeg: number | null, radius: number): string {
  if (headingDeg === null || fovDeg === null || fovDeg >= 360) {
    return `M ${x - radius} ${y} a ${radius} ${radius} 0 1 0 ${2 * radius} 0 a ${radius} ${radius} 0 1 0 ${-2 * radius} 0`;
  }
  const toRad = (d: number) => ((d - 90) * Math.PI) / 180; // 0° = north = up on screen
  const a0 = toRad(headingDeg - fovDeg / 2);
  const a1 = toRad(headingDeg + fovDeg / 2);
  const large = fovDeg > 180 ? 1 : 0;
  return `M ${x} ${y} L ${x + radius * Math.cos(a0)} ${y + radius * Math.sin(a0)} A ${radius} ${radius} 0 ${large} 1 ${x + radius * Math.cos(a1)} ${y + radius * Math.sin(a1)} Z`;
}
