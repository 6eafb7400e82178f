import type { AccessUnit } from './access-unit';
import type { StreamFormat } from './stream-format';

/**
 * What a stream actually does, measured from its access units (not what the camera claims):
 * frame rate from the RTP clock, bitrate, keyframe interval. Used by `vigil probe`.
 */
export type StreamMeasurement = {
  pictures: number;
  keyframes: number;
  /** Seconds of stream time covered, from the first picture's timestamp to the last. */
  streamSeconds: number;
  frameRate: number | null;
  bitrateKbps: number | null;
  /** Mean gap between keyframes, in seconds and in pictures; null with fewer than two keyframes. */
  keyframeIntervalS: number | null;
  keyframeIntervalPictures: number | null;
  largestPictureBytes: number;
};

const CLOCK_HZ = 90_000;

export class StreamMeter {
  private first: number | null = null;
  private last = 0;
  private pictures = 0;
  private bytes = 0;
  private largest = 0;
  private keyframeTimes: number[] = [];
  private keyframeIndexes: number[] = [];
  format: StreamFormat | null = null;

  add(unit: AccessUnit): void {
    let size = 0;
    for (const n of unit.nalus) size += n.length + 4;
    if (this.first === null) this.first = unit.timestamp;
    this.last = Math.max(this.last, unit.timestamp);
    if (unit.keyframe) {
      this.keyframeTimes.push(unit.timestamp);
      this.keyframeIndexes.push(this.pictures);
    }
    this.pictures++;
    this.bytes += size;
    this.largest = Math.max(this.largest, size);
  }

  result(): StreamMeasurement {
    const span = this.first === null ? 0 : (this.last - this.first) / CLOCK_HZ;
    // n pictures span n-1 intervals of stream time.
    const frameRate = span > 0 && this.pictures > 1 ? (this.pictures - 1) / span : null;
    const k = this.keyframeTimes.length;
    return {
      pictures: this.pictures,
      keyframes: k,
      streamSeconds: span,
      frameRate: frameRate === null ? null : Math.round(frameRate * 100) / 100,
      bitrateKbps: frameRate === null ? null : Math.round((this.bytes * 8) / 1000 / (this.pictures / frameRate)),
      keyframeIntervalS: k >= 2 ? Math.round(((this.keyframeTimes[k - 1]! - this.keyframeTimes[0]!) / CLOCK_HZ / (k - 1)) * 1000) / 1000 : null,
      keyframeIntervalPictures: k >= 2 ? (this.keyframeIndexes[k - 1]! - this.keyframeIndexes[0]!) / (k - 1) : null,
      largestPictureBytes: this.largest,
    };
  }
}
