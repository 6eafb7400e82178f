/**
 * The UAS Datalink Local Set items Vigil reads (MISB ST 0601), with the standard's fixed
 * integer → real mappings. Output is in SI units, except angles and latitude/longitude, which stay
 * in degrees as the standard and every map API have them; each name ends in its unit (Deg, M, Us).
 * IMAPB items (ST 1201) and the newer tags are not read: they are reported as 'unknown-tag'.
 */

export type UasTags = {
  /** 2: UTC microseconds since 1970 (MISP time). */
  precisionTimeStampUs?: number;
  /** 3 */
  missionId?: string;
  /** 4 */
  platformTailNumber?: string;
  /** 5: 0..360, clockwise from true north. */
  platformHeadingDeg?: number;
  /** 6: ±20, nose up positive. */
  platformPitchDeg?: number;
  /** 7: ±50, right wing down positive. */
  platformRollDeg?: number;
  /** 10 */
  platformDesignation?: string;
  /** 11 */
  imageSourceSensor?: string;
  /** 12 */
  imageCoordinateSystem?: string;
  /** 13: WGS 84, ±90. */
  sensorLatitudeDeg?: number;
  /** 14: WGS 84, ±180. */
  sensorLongitudeDeg?: number;
  /** 15: above mean sea level, −900..19000. */
  sensorTrueAltitudeM?: number;
  /** 16: 0..180. */
  sensorHorizontalFovDeg?: number;
  /** 17: 0..180. */
  sensorVerticalFovDeg?: number;
  /** 18: 0..360, relative to the platform's longitudinal axis. */
  sensorRelativeAzimuthDeg?: number;
  /** 19: ±180. */
  sensorRelativeElevationDeg?: number;
  /** 20: 0..360. */
  sensorRelativeRollDeg?: number;
  /** 21: sensor to frame centre, 0..5,000,000. */
  slantRangeM?: number;
  /** 22: target width within the sensor's field of view, 0..10000. */
  targetWidthM?: number;
  /** 23: WGS 84, ±90. */
  frameCenterLatitudeDeg?: number;
  /** 24: WGS 84, ±180. */
  frameCenterLongitudeDeg?: number;
  /** 25: above mean sea level, −900..19000. */
  frameCenterElevationM?: number;
  /** 65: the ST 0601 revision the sender follows (e.g. 17 for ST 0601.17). */
  uasLsVersion?: number;
};

export type UasTagName = keyof UasTags;

export type UasCodec =
  /** Unsigned integer of `bytes` bytes spread linearly over min..max; no value is reserved. */
  | { readonly kind: 'unsigned'; readonly bytes: 1 | 2 | 4; readonly min: number; readonly max: number }
  /** Two's complement over ±limit; the most negative integer is the standard's "out of range". */
  | { readonly kind: 'signed'; readonly bytes: 2 | 4; readonly limit: number }
  | { readonly kind: 'microseconds' }
  | { readonly kind: 'text' }
  | { readonly kind: 'count' };

export type UasTagDef = {
  readonly tag: number;
  readonly name: UasTagName;
  /** The standard's name for the item, for documentation and reports. */
  readonly title: string;
  readonly unit: 'µs' | 'deg' | 'm' | 'text' | 'none';
  readonly codec: UasCodec;
};

const deg = (tag: number, name: UasTagName, title: string, codec: UasCodec): UasTagDef => ({ tag, name, title, unit: 'deg', codec });
const metres = (tag: number, name: UasTagName, title: string, codec: UasCodec): UasTagDef => ({ tag, name, title, unit: 'm', codec });
const text = (tag: number, name: UasTagName, title: string): UasTagDef => ({ tag, name, title, unit: 'text', codec: { kind: 'text' } });

export const UAS_TAGS: readonly UasTagDef[] = [
  { tag: 2, name: 'precisionTimeStampUs', title: 'Precision Time Stamp', unit: 'µs', codec: { kind: 'microseconds' } },
  text(3, 'missionId', 'Mission ID'),
  text(4, 'platformTailNumber', 'Platform Tail Number'),
  deg(5, 'platformHeadingDeg', 'Platform Heading Angle', { kind: 'unsigned', bytes: 2, min: 0, max: 360 }),
  deg(6, 'platformPitchDeg', 'Platform Pitch Angle', { kind: 'signed', bytes: 2, limit: 20 }),
  deg(7, 'platformRollDeg', 'Platform Roll Angle', { kind: 'signed', bytes: 2, limit: 50 }),
  text(10, 'platformDesignation', 'Platform Designation'),
  text(11, 'imageSourceSensor', 'Image Source Sensor'),
  text(12, 'imageCoordinateSystem', 'Image Coordinate System'),
  deg(13, 'sensorLatitudeDeg', 'Sensor Latitude', { kind: 'signed', bytes: 4, limit: 90 }),
  deg(14, 'sensorLongitudeDeg', 'Sensor Longitude', { kind: 'signed', bytes: 4, limit: 180 }),
  metres(15, 'sensorTrueAltitudeM', 'Sensor True Altitude', { kind: 'unsigned', bytes: 2, min: -900, max: 19000 }),
  deg(16, 'sensorHorizontalFovDeg', 'Sensor Horizontal Field of View', { kind: 'unsigned', bytes: 2, min: 0, max: 180 }),
  deg(17, 'sensorVerticalFovDeg', 'Sensor Vertical Field of View', { kind: 'unsigned', bytes: 2, min: 0, max: 180 }),
  deg(18, 'sensorRelativeAzimuthDeg', 'Sensor Relative Azimuth Angle', { kind: 'unsigned', bytes: 4, min: 0, max: 360 }),
  deg(19, 'sensorRelativeElevationDeg', 'Sensor Relative Elevation Angle', { kind: 'signed', bytes: 4, limit: 180 }),
  deg(20, 'sensorRelativeRollDeg', 'Sensor Relative Roll Angle', { kind: 'unsigned', bytes: 4, min: 0, max: 360 }),
  metres(21, 'slantRangeM', 'Slant Range', { kind: 'unsigned', bytes: 4, min: 0, max: 5_000_000 }),
  metres(22, 'targetWidthM', 'Target Width', { kind: 'unsigned', bytes: 2, min: 0, max: 10_000 }),
  deg(23, 'frameCenterLatitudeDeg', 'Frame Center Latitude', { kind: 'signed', bytes: 4, limit: 90 }),
  deg(24, 'frameCenterLongitudeDeg', 'Frame Center Longitude', { kind: 'signed', bytes: 4, limit: 180 }),
  metres(25, 'frameCenterElevationM', 'Frame Center Elevation', { kind: 'unsigned', bytes: 2, min: -900, max: 19000 }),
  { tag: 65, name: 'uasLsVersion', title: 'UAS Datalink LS Version Number', unit: 'none', codec: { kind: 'count' } },
];

export const UAS_TAG_BY_NUMBER: ReadonlyMap<number, UasTagDef> = new Map(UAS_TAGS.map((d) => [d.tag, d]));
export const UAS_TAG_BY_NAME: ReadonlyMap<UasTagName, UasTagDef> = new Map(UAS_TAGS.map((d) => [d.name, d]));

/** Text items are 1..127 bytes in ST 0601. */
export const UAS_TEXT_MAX_BYTES = 127;
