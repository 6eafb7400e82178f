// Cameras a command centre registers with its hub from a file (`vigil-hub --camera-file`): the
// platform's real catalogue arrives by sync; this is how an operations team (or a test) adds the
// cameras it has, with their stream addresses, which only ever reach workstations' main process.
import { z } from 'zod';
import { readJsonListFile } from '../services/config/json-list-file';
import { VideoPointWire } from '../shared/sync/protocol';

export const CameraEntry = VideoPointWire.omit({ updatedAt: true, rowVersion: true }).extend({
  headingDeg: VideoPointWire.shape.headingDeg.default(null),
  fovDeg: VideoPointWire.shape.fovDeg.default(null),
  rangeM: VideoPointWire.shape.rangeM.default(null),
  subUrl: VideoPointWire.shape.subUrl.default(null),
  codec: VideoPointWire.shape.codec.default('unknown'),
  ptz: z.boolean().default(false),
  department: VideoPointWire.shape.department.default(''),
  district: VideoPointWire.shape.district.default(''),
  online: z.boolean().default(true),
});
export type CameraEntry = z.output<typeof CameraEntry>;

export class CameraFileError extends Error {
  override readonly name = 'CameraFileError';
}

export function readCameraFile(file: string): CameraEntry[] {
  return readJsonListFile(file, z.array(CameraEntry).max(100_000), 'camera', (message) => new CameraFileError(message));
}
