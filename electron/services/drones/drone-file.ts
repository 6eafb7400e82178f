// Drones a workstation receives, from a JSON file (`vigil start --drone-file FILE`): a list of
// { id, callsign, source, codec?, telemetry? }. `source` is an MPEG-TS file (played in a loop) or
// a udp:// srt:// rtmp(s):// address; it stays in main, like a camera's stream address.
import fs from 'node:fs';
import { z } from 'zod';
import { Drone } from '../../shared/domain/drone';

export const DroneEntry = Drone.extend({
  source: z.string().min(1).max(2000),
  codec: Drone.shape.codec.default('unknown'),
  telemetry: Drone.shape.telemetry.default('klv'),
});
export type DroneEntry = z.output<typeof DroneEntry>;

export class DroneFileError extends Error {
  override readonly name = 'DroneFileError';
}

export function readDroneFile(file: string): DroneEntry[] {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new DroneFileError(`${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = z.array(DroneEntry).max(200).safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DroneFileError(`${file}: drone ${issue.path.join('.')}: ${issue.message}`);
  }
  const ids = new Set<string>();
  for (const d of parsed.data) {
    if (ids.has(d.id)) throw new DroneFileError(`${file}: drone ${d.id} listed twice`);
    ids.add(d.id);
  }
  return parsed.data;
}
