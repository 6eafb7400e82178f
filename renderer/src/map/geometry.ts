// Pure geometry for the map: camera view cones on the ground, the data's extent, the graticule
// drawn when no base map is imported, and finding what lies under a click. No Leaflet, no DOM.
import type { GeoPoint } from '../../../electron/shared/domain/incident';
import type { VideoPoint } from '../../../electron/shared/domain/video-point';
import { DEFAULT_CAMERA_RANGE_M, isAllRound } from '../../../electron/shared/geo/camera-coverage';
import { destinationPoint } from '../../../electron/shared/geo/distance';

/** At most this many degrees between two points of a cone's arc: smooth at any zoom where cones are drawn. */
const ARC_STEP_DEG = 10;

/**
 * A camera's field of view as a ring of WGS-84 points of true size on the ground: for a
 * directional camera the wedge apex → arc (heading ± fov/2, at its range) → apex; for an
 * all-round camera (no heading, no fov, or 360°) the circle of its range, not closed (the
 * drawer closes rings). Cameras without a range use the coverage model's default, so the map
 * shows exactly what `camerasSeeing` counts as seen.
 */
export function conePolygon(camera: Pick<VideoPoint, 'location' | 'headingDeg' | 'fovDeg' | 'rangeM'>, defaultRangeM = DEFAULT_CAMERA_RANGE_M): GeoPoint[] {
  const range = camera.rangeM ?? defaultRangeM;
  if (isAllRound(camera)) {
    const steps = 360 / ARC_STEP_DEG;
    return Array.from({ length: steps }, (_, i) => destinationPoint(camera.location, i * ARC_STEP_DEG, range));
  }
  const fov = camera.fovDeg!;
  const start = camera.headingDeg! - fov / 2;
  const steps = Math.max(2, Math.ceil(fov / ARC_STEP_DEG));
  const ring: GeoPoint[] = [camera.location];
  for (let i = 0; i <= steps; i++) ring.push(destinationPoint(camera.location, start + (fov * i) / steps, range));
  ring.push(camera.location);
  return ring;
}

export type GeoBounds = { south: number; west: number; north: number; east: number };

/**
 * The box holding every point, grown to at least `minSpanDeg` each way (a single incident is
 * shown with its surroundings, not at infinite zoom); null when there are no points.
 */
export function dataBounds(points: Iterable<GeoPoint>, minSpanDeg = 0.01): GeoBounds | null {
  let south = Infinity, west = Infinity, north = -Infinity, east = -Infinity;
  for (const p of points) {
    if (!Number.isFinite(p.lat) || !Number.isFinite(p.lon)) continue;
    south = Math.min(south, p.lat);
    north = Math.max(north, p.lat);
    west = Math.min(west, p.lon);
    east = Math.max(east, p.lon);
  }
  if (south > north) return null;
  const grow = (lo: number, hi: number): [number, number] => {
    const pad = Math.max(0, minSpanDeg - (hi - lo)) / 2;
    return [lo - pad, hi + pad];
  };
  [south, north] = grow(south, north);
  [west, east] = grow(west, east);
  return { south: Math.max(-90, south), west: Math.max(-180, west), north: Math.min(90, north), east: Math.min(180, east) };
}

/** Graticule spacings in degrees, coarse to fine: 1-2-5 steps, as on printed maps. */
const STEPS_DEG = [30, 10, 5, 2, 1, 0.5, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001, 0.0005, 0.0002, 0.0001];

/** The coarsest spacing that puts at least `minLines` lines across `spanDeg` degrees. */
export function graticuleStep(spanDeg: number, minLines = 4): number {
  if (!(spanDeg > 0)) return STEPS_DEG.at(-1)!;
  for (const step of STEPS_DEG) if (spanDeg / step >= minLines) return step;
  return STEPS_DEG.at(-1)!;
}

/** Multiples of `step` within [from, to], computed so that rounding never drifts (116.3, not 116.30000000000001). */
export function graticuleLines(from: number, to: number, step: number): number[] {
  const decimals = Math.max(0, Math.ceil(-Math.log10(step)) + 1);
  const first = Math.ceil(from / step - 1e-9);
  const last = Math.floor(to / step + 1e-9);
  const lines: number[] = [];
  for (let i = first; i <= last && lines.length < 1000; i++) lines.push(Number((i * step).toFixed(decimals)));
  return lines;
}

/** A graticule label: 116.3°E, 37.45°N, 0°. */
export function formatDegrees(value: number, axis: 'lat' | 'lon', step: number): string {
  const decimals = Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
  const text = Math.abs(value).toFixed(decimals);
  if (Number(text) === 0) return `${text}°`;
  const hemisphere = axis === 'lat' ? (value > 0 ? 'N' : 'S') : value > 0 ? 'E' : 'W';
  return `${text}°${hemisphere}`;
}

/** A drawn mark in screen pixels: its centre and its radius. */
export type ScreenMark = { x: number; y: number; r: number };

/**
 * Which of `count` marks a click at (x, y) hits: the nearest whose disc (radius + tolerance)
 * holds the point, or -1. `markAt` gives each mark, or null for one not drawn. Later marks are
 * drawn on top, so on a tie the later one wins.
 */
export function hitTest(count: number, x: number, y: number, tolerance: number, markAt: (i: number) => ScreenMark | null): number {
  let best = -1;
  let bestD = Infinity;
  for (let i = 0; i < count; i++) {
    const m = markAt(i);
    if (!m) continue;
    const d = Math.hypot(m.x - x, m.y - y);
    if (d <= m.r + tolerance && d <= bestD) {
      best = i;
      bestD = d;
    }
  }
  return best;
}
