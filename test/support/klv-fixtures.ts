import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { h264NalType, splitAnnexB } from '../../electron/shared/video/access-unit';
import { circlingTelemetry, type CirclingFlight } from '../../electron/shared/video/klv/circling-flight';
import { encodeUasLocalSet } from '../../electron/shared/video/klv/uas-local-set';
import type { UasTags } from '../../electron/shared/video/klv/uas-tags';
import type { KlvCarriage } from '../../electron/shared/video/mpegts/klv-descriptors';
import { muxTs } from '../../electron/shared/video/mpegts/muxer';
import { accessUnits } from './ffmpeg-clips';

/**
 * STANAG 4609-style test files: H.264 from ffmpeg's test pattern plus ST 0601 telemetry from
 * Vigil's own encoder, muxed by Vigil's muxer in either KLV carriage. Later end-to-end tests can
 * play them; the telemetry is a drone circling over central Shanghai, so values are predictable.
 */

export const FIXTURE_FPS = 25;
/** 90 kHz ticks per picture. */
const TICKS = 90_000 / FIXTURE_FPS;
/** First PTS: 1.4 s, as ffmpeg starts its own transport streams, so the PCR (100 ms earlier) is positive. */
export const FIXTURE_FIRST_PTS = 126_000;
/** Precision Time Stamp of the first picture: 2024-05-01T02:00:00Z. */
export const FIXTURE_FIRST_US = Date.UTC(2024, 4, 1, 2) * 1000;

const FLIGHT: CirclingFlight = {
  centre: { lat: 31.2304, lon: 121.4737 },
  radiusM: 500,
  lapS: 20,
  startUs: FIXTURE_FIRST_US,
  altitudeM: 320,
  pitchDeg: 2.5,
  rollDeg: -12,
  hfovDeg: 62.5,
  vfovDeg: 36.5,
  slantRangeM: 430,
  frameCentreAt: 0.4,
  missionId: 'VIGIL-FIXTURE',
  tailNumber: 'B-7012',
  extra: { platformDesignation: 'Test Quadcopter', imageCoordinateSystem: 'WGS-84' },
};

/** What the drone reports at picture `i`: one lap of a 500 m circle every 20 s, camera looking down and inwards. */
export const droneTelemetry = (i: number): UasTags => circlingTelemetry(FLIGHT, i / FIXTURE_FPS);

export interface KlvFixtureSpec {
  carriage: KlvCarriage;
  /** Pictures (25 fps); one KLV packet each unless `klvEvery` says otherwise. */
  frames: number;
  klvEvery?: number;
  /** KLV packets (by index) whose checksum is broken on purpose: the decoder must skip them. */
  badChecksum?: readonly number[];
  width?: number;
  height?: number;
}

/** H.264 Annex B from ffmpeg: no B-frames (so PTS = DTS = picture order), access unit delimiters and parameter sets on every keyframe, as broadcast encoders write them. */
export function encodeFixtureVideo(dir: string, frames: number, width = 320, height = 240): string {
  const file = path.join(dir, `klv-video-${width}x${height}-${frames}.h264`);
  if (fs.existsSync(file)) return file;
  execFileSync('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', `testsrc=size=${width}x${height}:rate=${FIXTURE_FPS}`,
    '-frames:v', String(frames), '-c:v', 'libx264', '-preset', 'veryfast', '-bf', '0', '-g', String(FIXTURE_FPS),
    '-x264-params', 'aud=1:repeat-headers=1', '-pix_fmt', 'yuv420p', '-f', 'h264', file,
  ]);
  return file;
}

/** The KLV packets of a fixture, with their PTS, in order. */
export function fixtureKlv(spec: KlvFixtureSpec): { pts: number; data: Uint8Array }[] {
  const every = spec.klvEvery ?? 1;
  const out: { pts: number; data: Uint8Array }[] = [];
  for (let i = 0; i < spec.frames; i += every) {
    const data = encodeUasLocalSet(droneTelemetry(i));
    if (spec.badChecksum?.includes(out.length)) data[data.length - 1]! ^= 0x5a;
    out.push({ pts: FIXTURE_FIRST_PTS + i * TICKS, data });
  }
  return out;
}

/** Writes the fixture and returns its path (reused when already there). */
export function writeKlvFixture(dir: string, spec: KlvFixtureSpec): string {
  const name = `drone-${spec.carriage}-${spec.frames}f-every${spec.klvEvery ?? 1}${spec.badChecksum?.length ? `-bad${spec.badChecksum.join('_')}` : ''}.ts`;
  const file = path.join(dir, name);
  if (fs.existsSync(file)) return file;
  const units = accessUnits('h264', encodeFixtureVideo(dir, spec.frames, spec.width, spec.height));
  const video = units.map((data, i) => ({ pts: FIXTURE_FIRST_PTS + i * TICKS, keyframe: splitAnnexB(data).some((n) => h264NalType(n) === 5), data }));
  fs.writeFileSync(file, muxTs({ codec: 'h264', carriage: spec.carriage, video, klv: fixtureKlv(spec), asyncPts: false }));
  return file;
}
