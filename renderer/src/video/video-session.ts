// This window's video: which tile (slot) shows which camera, one StreamPlayer per stream main
// binds, and the media link under both. Tiles on the same camera share one decoder.
import type { MediaServerMessage, StreamQuality } from '../../../electron/shared/contract/media';
import { openMediaLink, type MediaLink } from './media-link';
import { StreamPlayer, type PlayerView } from './stream-player';

const idle: PlayerView = { state: 'connecting', reason: null, detail: null, retryInMs: null, format: null, stats: null, unsupported: false, decodedInMain: false, latencyMs: null, framesDrawn: 0, skipped: 0 };

type Slot = { cameraId: string; quality: StreamQuality; stream: number | null; canvas: HTMLCanvasElement; listener: (v: PlayerView) => void; unsubscribe: (() => void) | null };

export class VideoSession {
  private link: MediaLink | null = null;
  private readonly slots = new Map<number, Slot>();
  private readonly players = new Map<number, StreamPlayer>();
  private nextSlot = 0;

  /** Shows a camera on a canvas; returns the function that stops it. */
  watch(cameraId: string, quality: StreamQuality, canvas: HTMLCanvasElement, listener: (v: PlayerView) => void): () => void {
    this.link ??= openMediaLink({
      message: (m) => this.onMessage(m),
      frame: (f) => this.players.get(f.stream)?.frame(f),
      rawFrame: (f) => this.players.get(f.stream)?.rawFrame(f),
      opened: () => {
        for (const [slot, s] of this.slots) this.link?.send({ type: 'watch', slot, cameraId: s.cameraId, quality: s.quality });
      },
      closed: () => {
        // Stream ids belong to one connection: forget them all; tiles rebind when it reopens.
        for (const [slot, s] of this.slots) {
          this.release(slot);
          s.listener({ ...idle, state: 'reconnecting' });
        }
      },
    });
    const slot = (this.nextSlot = (this.nextSlot % 4095) + 1);
    this.slots.set(slot, { cameraId, quality, stream: null, canvas, listener, unsubscribe: null });
    listener(idle);
    this.link.send({ type: 'watch', slot, cameraId, quality });
    return () => {
      this.release(slot);
      this.slots.delete(slot);
      this.link?.send({ type: 'unwatch', slot });
    };
  }

  private onMessage(m: MediaServerMessage): void {
    if (m.type === 'bound') {
      const s = this.slots.get(m.slot);
      if (!s) return;
      this.release(m.slot);
      s.stream = m.stream;
      let player = this.players.get(m.stream);
      if (!player) {
        const stream = m.stream;
        player = new StreamPlayer(() => this.link?.send({ type: 'decodeInMain', stream }));
        this.players.set(m.stream, player);
      }
      player.attach(s.canvas);
      s.unsubscribe = player.subscribe(s.listener);
      return;
    }
    if (m.type === 'refused') {
      console.warn('media: main refused a request', m.reason);
      return;
    }
    const player = this.players.get(m.stream);
    if (!player) return;
    if (m.type === 'state') player.setState(m);
    else if (m.type === 'format') player.setFormat(m.format);
    else if (m.type === 'stats') player.setStats(m.stats);
    else if (m.type === 'decoding') player.setDecodedInMain(m.inMain);
  }

  /** Detaches a slot from its stream; the stream's player goes when no slot uses it. */
  private release(slot: number): void {
    const s = this.slots.get(slot);
    if (!s || s.stream === null) return;
    const stream = s.stream;
    s.unsubscribe?.();
    s.unsubscribe = null;
    s.stream = null;
    const player = this.players.get(stream);
    player?.detach(s.canvas);
    if (![...this.slots.values()].some((o) => o.stream === stream)) {
      player?.close();
      this.players.delete(stream);
    }
  }
}

let session: VideoSession | null = null;
export function videoSession(): VideoSession {
  session ??= new VideoSession();
  return session;
}
