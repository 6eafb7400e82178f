import { describe, expect, it } from 'vitest';
import type { DroneTelemetry } from '../../../electron/shared/domain/drone';
import { extendTrack, TRACK_MS, useDrones } from './drone-store';

const fix = (lat: number, at: number) => ({ lat, lon: 121, at });

describe('drone tracks', () => {
  it('keep the last five minutes, without repeating a position that did not change', () => {
    let track = [fix(31, 0)];
    track = extendTrack(track, fix(31, 1000));
    expect(track).toEqual([fix(31, 1000)]);
    track = extendTrack(track, fix(31.001, 2000));
    track = extendTrack(track, fix(31.002, 2000 + TRACK_MS));
    expect(track.map((p) => p.at)).toEqual([2000, 2000 + TRACK_MS]);
  });

  it('follow telemetry events, timed by this window', () => {
    const t = { id: 'drone-a', callsign: 'A', position: { lat: 31, lon: 121 } } as DroneTelemetry;
    useDrones.getState().telemetry(t, 10);
    useDrones.getState().telemetry({ ...t, position: { lat: 31.1, lon: 121 } }, 20);
    expect(useDrones.getState().latest.get('drone-a')!.seenAt).toBe(20);
    expect(useDrones.getState().tracks.get('drone-a')).toHaveLength(2);
  });
});
