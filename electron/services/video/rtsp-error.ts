import type { VideoFailure } from '../../shared/contract/media';

/** Why a stream cannot be played, in the words the tile shows (reason) and the log keeps (message). */
export class RtspError extends Error {
  override readonly name = 'RtspError';
  constructor(
    readonly reason: VideoFailure,
    message: string,
  ) {
    super(message);
  }
}
