// The demo drone (`vigil start --demo-drone`): a STANAG 4609 file made at start-up — ffmpeg's
// test pattern as H.264, and ST 0601 telemetry from Vigil's own encoder for a drone flying one
// 600 m circle over 德城区, Dezhou (the demo city) every 40 s — muxed by Vigil's muxer with synchronous KLV.
// The drone service plays it in a loop like any drone file.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { circlingTelemetry, type CirclingFlight } from '../../shared/video/klv/circling-flight';
import { encodeUasLocalSet } from '../../shared/video/klv/uas-local-set';
import type { UasTags } from '../../shared/video/klv/uas-tags';
import { TsDemuxer } from '../../shared/video/mpegts/demuxer';
import { muxTs } from '../../shared/video/mpegts/muxer';
import type { DroneEntry } from './drone-file';

const FPS = 25;
const LAP_S = 40;

const FLIGHT: CirclingFlight = {
  centre: { lat: 37.456, lon: 116.302 },
  radiusM: 600,
  lapS: LAP_S,
  startUs: Date.UTC(2026, 0, 1) * 1000,
  altitudeM: 300,
  pitchDeg: 2,
  rollDeg: -8,
  hfovDeg: 40,
  vfovDeg: 23,
  slantRangeM: 420,
  frameCentreAt: 0.5,
  missionId: 'VIGIL-DEMO',
  tailNumber: 'UAV-01',
};

/** Where the demo drone is `t` seconds into its lap: heading along the circle, camera looking inwards and down. */
export const demoDroneTelemetry = (t: number): UasTags => circlingTelemetry(FLIGHT, t);

/** Writes (or reuses) the demo drone's file in `dir` and returns its drone entry. Needs ffmpeg. */
export function demoDrone(dir: string, ffmpeg = 'ffmpeg'): DroneEntry {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'demo-drone-v3.ts');
  if (!fs.existsSync(file)) {
    const frames = FPS * LAP_S;
    const plain = execFileSync(ffmpeg, [
      '-hide_banner', '-loglevel', 'error',
      '-f', 'lavfi', '-i', `testsrc2=size=640x360:rate=${FPS}`,
      '-frames:v', String(frames), '-c:v', 'libx264', '-preset', 'veryfast', '-bf', '0', '-g', String(FPS),
      '-x264-params', 'aud=1:repeat-headers=1', '-pix_fmt', 'yuv420p', '-f', 'mpegts', 'pipe:1',
    ], { maxBuffer: 256 * 1024 * 1024 });
    const d = new TsDemuxer();
    const units = [...d.push(new Uint8Array(plain.buffer, plain.byteOffset, plain.length)), ...d.flush()].flatMap((e) => (e.kind === 'video' && e.pts !== null ? [e] : []));
    const first = units[0]?.pts ?? 0;
    const video = units.map((u) => ({ pts: u.pts!, keyframe: u.keyframe, data: u.data }));
    const klv = video.map((u) => ({ pts: u.pts, data: encodeUasLocalSet(demoDroneTelemetry((u.pts - first) / 90_000)) }));
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, muxTs({ codec: 'h264', carriage: 'sync', video, klv }));
    fs.renameSync(tmp, file);
  }
  return { id: 'drone-demo', callsign: 'UAV-01', source: file, codec: 'h264', telemetry: 'klv' };
}
