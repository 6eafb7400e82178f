import type { StreamQuality } from '../../shared/contract/media';
import type { Store } from '../store/store';
import type { StreamSource } from './media-service';

/**
 * A camera's address for one stream quality, from the local catalogue. Small tiles ask for the
 * sub-stream; a camera without one plays its main stream there too.
 */
export async function resolveCameraSource(store: Store, id: string, quality: StreamQuality): Promise<StreamSource | 'unknown_camera' | 'no_stream_url' | 'credentials_locked'> {
  const source = await store.call('videoSource', { id });
  if (!source) return 'unknown_camera';
  // Playing without the password would only earn a misleading "wrong password" from the camera.
  if (source.credentialsLocked) return 'credentials_locked';
  const url = quality === 'sub' ? (source.subUrl ?? source.mainUrl) : (source.mainUrl ?? source.subUrl);
  if (!url) return 'no_stream_url';
  return { url, codec: source.codec, username: source.username, password: source.password };
}
