// Which cameras can show a place: the map's "cameras here" list and the incident card's video
// suggestions both ask this, against the whole city's camera register (tens of thousands).
import type { GeoPoint } from '../domain/incident';
import type { VideoPoint } from '../domain/video-point';
import { EARTH_RADIUS_M, distanceM, headingDifferenceDeg, initialBearingDeg } from './distance';

/** Most registered cameras carry no range; 150 m is what a typical street camera resolves a vehicle at. */
export const DEFAULT_CAMERA_RANGE_M = 150;
/** Enough alternatives for an operator to try when nothing covers the spot, few enough to scan. */
export const DEFAULT_NEAREST_FALLBACK = 3;
/** Closer than this, GPS noise swamps the bearing: a camera standing on the spot counts as seeing it. */
export const CO_LOCATED_M = 1;

/** Weights of the score (see CameraCoverage.score); they sum to 1 so the score stays in [0, 1]. */
const PROXIMITY_WEIGHT = 0.6;
const ALIGNMENT_WEIGHT = 0.4;
/** Absorbs rounding when a point lies exactly on the edge of a field of view or a range. */
const EDGE_SLACK = 1e-9;
const RAD = Math.PI / 180;
const M_PER_DEG_LAT = EARTH_RADIUS_M * RAD;

export type CoverageReason = 'in-view' | 'all-round' | 'nearest';

export interface CameraCoverage {
  camera: VideoPoint;
  /** Great-circle metres from the camera to the point. */
  distanceM: number;
  /** Bearing from the camera towards the point, degrees [0, 360). */
  bearingDeg: number;
  /**
   * How far the point lies off the camera's heading, degrees [0, 180]; null when there is no
   * heading to be off (all-round without a heading) or the camera stands on the point.
   */
  offAxisDeg: number | null;
  sees: boolean;
  /**
   * In [0, 1], higher is better: 0.6 × proximity + 0.4 × alignment, where proximity is
   * 1 − distance / range (how comfortably the point sits inside the camera's reach) and alignment
   * is 1 − offAxis / (fov / 2) (1 dead ahead, 0 at the edge of the picture; all-round and
   * co-located cameras count as 1). Nearest-fallback entries score 0. Ranking puts online
   * cameras before offline ones first and uses the score within each group, because an offline
   * camera cannot show anything however well placed it is.
   */
  score: number;
  /** 'in-view': a directional camera has the point in frame; 'all-round': a dome, fisheye or
   * unknown-heading camera within range; 'nearest': nothing sees the point, this is merely close. */
  reason: CoverageReason;
}

export interface CameraCoverageOptions {
  /** Range for cameras whose rangeM is null. */
  defaultRangeM?: number;
  /** How many nearest cameras to return when none sees the point. */
  nearestFallback?: number;
}

/** No heading or a full circle of view: the camera can be pointed, or already looks, everywhere. */
export function isAllRound(camera: Pick<VideoPoint, 'headingDeg' | 'fovDeg'>): boolean {
  return camera.headingDeg === null || camera.fovDeg === null || camera.fovDeg >= 360;
}

/**
 * Cameras that see `point`, best first (online before offline, then score, then distance, then
 * id for a stable order). When none sees it, the `nearestFallback` nearest cameras by distance,
 * marked 'nearest' with `sees: false`, so the operator still has somewhere to look.
 */
export function camerasSeeing(point: GeoPoint, cameras: readonly VideoPoint[], opts: CameraCoverageOptions = {}): CameraCoverage[] {
  const defaultRangeM = opts.defaultRangeM ?? DEFAULT_CAMERA_RANGE_M;
  const nearestFallback = opts.nearestFallback ?? DEFAULT_NEAREST_FALLBACK;
  if (!(defaultRangeM > 0)) throw new RangeError(`defaultRangeM must be positive, got ${defaultRangeM}`);
  if (!(nearestFallback >= 0)) throw new RangeError(`nearestFallback must be zero or more, got ${nearestFallback}`);

  let maxReachM = CO_LOCATED_M;
  for (const camera of cameras) maxReachM = Math.max(maxReachM, camera.rangeM ?? defaultRangeM);
  const lonBandDeg = longitudeBandDeg(point.lat, maxReachM);

  const seeing: CameraCoverage[] = [];
  for (const camera of cameras) {
    const reachM = Math.max(camera.rangeM ?? defaultRangeM, CO_LOCATED_M);
    // Cheap rejections before any trigonometry. Both are lower bounds on the true distance, so
    // they never drop a camera that could see: the latitude gap alone is at least R·Δφ, and the
    // longitude band is the exact widest Δλ of a circle of the largest reach around the point.
    if (Math.abs(camera.location.lat - point.lat) * M_PER_DEG_LAT > reachM * (1 + EDGE_SLACK)) continue;
    if (longitudeGapDeg(camera.location.lon, point.lon) > lonBandDeg) continue;

    const d = distanceM(camera.location, point);
    if (d > reachM * (1 + EDGE_SLACK)) continue;
    const judged = judge(camera, point, d, reachM);
    if (judged) seeing.push(judged);
  }

  if (seeing.length > 0) return seeing.sort(byRank);
  return nearest(point, cameras, Math.floor(nearestFallback));
}

/** A camera already known to be within its reach of the point: does it have the point in view? */
function judge(camera: VideoPoint, point: GeoPoint, d: number, reachM: number): CameraCoverage | null {
  const bearingDeg = initialBearingDeg(camera.location, point);
  const allRound = isAllRound(camera);
  const reason: CoverageReason = allRound ? 'all-round' : 'in-view';
  if (d < CO_LOCATED_M) {
    return { camera, distanceM: d, bearingDeg, offAxisDeg: null, sees: true, score: 1, reason };
  }
  const offAxisDeg = camera.headingDeg === null ? null : Math.abs(headingDifferenceDeg(camera.headingDeg, bearingDeg));
  const proximity = clamp01(1 - d / reachM);
  if (allRound) {
    return { camera, distanceM: d, bearingDeg, offAxisDeg, sees: true, score: PROXIMITY_WEIGHT * proximity + ALIGNMENT_WEIGHT, reason };
  }
  // Not all-round, so both heading and fov are present and fov < 360.
  const halfFov = camera.fovDeg! / 2;
  if (offAxisDeg! > halfFov + EDGE_SLACK) return null;
  const alignment = clamp01(1 - offAxisDeg! / halfFov);
  return { camera, distanceM: d, bearingDeg, offAxisDeg, sees: true, score: PROXIMITY_WEIGHT * proximity + ALIGNMENT_WEIGHT * alignment, reason };
}

function nearest(point: GeoPoint, cameras: readonly VideoPoint[], count: number): CameraCoverage[] {
  if (count === 0) return [];
  // A bounded sorted buffer: the fallback wants three or so out of tens of thousands, so a full sort is waste.
  const best: { camera: VideoPoint; d: number }[] = [];
  for (const camera of cameras) {
    const d = distanceM(camera.location, point);
    if (best.length === count && !closer(d, camera, best[count - 1]!)) continue;
    let i = best.length;
    while (i > 0 && closer(d, camera, best[i - 1]!)) i--;
    best.splice(i, 0, { camera, d });
    if (best.length > count) best.pop();
  }
  return best.map(({ camera, d }) => {
    const bearingDeg = initialBearingDeg(camera.location, point);
    const offAxisDeg = camera.headingDeg === null || d < CO_LOCATED_M ? null : Math.abs(headingDifferenceDeg(camera.headingDeg, bearingDeg));
    return { camera, distanceM: d, bearingDeg, offAxisDeg, sees: false, score: 0, reason: 'nearest' as const };
  });
}

function closer(d: number, camera: VideoPoint, than: { camera: VideoPoint; d: number }): boolean {
  return d < than.d || (d === than.d && camera.id < than.camera.id);
}

function byRank(a: CameraCoverage, b: CameraCoverage): number {
  if (a.camera.online !== b.camera.online) return a.camera.online ? -1 : 1;
  if (a.score !== b.score) return b.score - a.score;
  if (a.distanceM !== b.distanceM) return a.distanceM - b.distanceM;
  return a.camera.id < b.camera.id ? -1 : a.camera.id > b.camera.id ? 1 : 0;
}

/**
 * The widest longitude difference of any point within `reachM` of latitude `lat`. Infinity when
 * the circle reaches a pole (every longitude is then close) or half the globe.
 */
function longitudeBandDeg(lat: number, reachM: number): number {
  const angular = reachM / EARTH_RADIUS_M;
  if (angular >= Math.PI / 2 || Math.abs(lat) * RAD + angular >= Math.PI / 2) return Infinity;
  const band = Math.asin(Math.min(1, Math.sin(angular) / Math.cos(lat * RAD))) / RAD;
  return band * (1 + EDGE_SLACK) + EDGE_SLACK;
}

/** Longitude difference across the shorter way round, so ±180° neighbours stay neighbours. */
function longitudeGapDeg(a: number, b: number): number {
  const gap = Math.abs(a - b) % 360;
  return gap > 180 ? 360 - gap : gap;
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
