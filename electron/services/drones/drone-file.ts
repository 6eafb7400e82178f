// Drones a workstation receives, from a JSON file (`vigil start --drone-file FILE`): a list of
// { id, callsign, source, codec?, telemetry? }. `source` is an MPEG-TS file (played in a loop) or
// a udp:// srt:// rtmp(s):// address; it stays in main, like a camera's stream address.
import { z } from 'zod';
import { readJsonListFile } from '../config/json-list-file';
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
  const drones = readJsonListFile(file, z.array(DroneEntry).max(200), 'drone', (message) => new DroneFileError(message));
  const ids = new Set<string>();
  for (const d of drones) {
    if (ids.has(d.id)) throw new DroneFileError(`${file}: drone ${d.id} listed twice`);
    ids.add(d.id);
  }
  return drones;
}
