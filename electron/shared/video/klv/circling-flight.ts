// ST 0601 telemetry of a drone flying a circle at constant height, its camera looking down and
// inwards — the flight of the demo drone and of the test files, so their values are predictable.
// Pure: flat-earth metres per degree, which is exact enough over a few hundred metres.
import type { UasTags } from './uas-tags';

export interface CirclingFlight {
  centre: { lat: number; lon: number };
  radiusM: number;
  lapS: number;
  /** Precision Time Stamp at t = 0, µs since the epoch. */
  startUs: number;
  altitudeM: number;
  pitchDeg: number;
  rollDeg: number;
  hfovDeg: number;
  vfovDeg: number;
  slantRangeM: number;
  /** Where the picture's centre lies along the radius: 0 at the circle's centre, 1 under the drone. */
  frameCentreAt: number;
  missionId: string;
  tailNumber: string;
  /** Further tags carried unchanged in every packet. */
  extra?: Partial<UasTags>;
}

const M_PER_DEG_LAT = 111_320;

/** Where the drone is `t` seconds into the flight: heading along the circle (anticlockwise seen from above, starting north). */
export function circlingTelemetry(f: CirclingFlight, t: number): UasTags {
  const angle = (2 * Math.PI * t) / f.lapS;
  const mLon = M_PER_DEG_LAT * Math.cos((f.centre.lat * Math.PI) / 180);
  const north = f.radiusM * Math.cos(angle);
  const east = f.radiusM * Math.sin(angle);
  return {
    ...f.extra,
    precisionTimeStampUs: f.startUs + Math.round(t * 1e6),
    missionId: f.missionId,
    platformTailNumber: f.tailNumber,
    platformHeadingDeg: ((((angle * 180) / Math.PI + 90) % 360) + 360) % 360,
    platformPitchDeg: f.pitchDeg,
    platformRollDeg: f.rollDeg,
    imageSourceSensor: 'EO',
    sensorLatitudeDeg: f.centre.lat + north / M_PER_DEG_LAT,
    sensorLongitudeDeg: f.centre.lon + east / mLon,
    sensorTrueAltitudeM: f.altitudeM,
    sensorHorizontalFovDeg: f.hfovDeg,
    sensorVerticalFovDeg: f.vfovDeg,
    sensorRelativeAzimuthDeg: 270,
    sensorRelativeElevationDeg: -45,
    sensorRelativeRollDeg: 0,
    slantRangeM: f.slantRangeM,
    frameCenterLatitudeDeg: f.centre.lat + (north * f.frameCentreAt) / M_PER_DEG_LAT,
    frameCenterLongitudeDeg: f.centre.lon + (east * f.frameCentreAt) / mLon,
    frameCenterElevationM: 4,
    uasLsVersion: 17,
  };
}
