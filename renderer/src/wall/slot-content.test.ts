import { describe, expect, it } from 'vitest';
import type { Incident } from '../../../electron/shared/domain/incident';
import type { VideoPoint } from '../../../electron/shared/domain/video-point';
import { alarmedSlots, contentOf, unseenIds } from './slot-content';

const camera = { id: 'cam-1', name: '天衢广场 全景', online: false } as VideoPoint;
const incident = { id: 'inc-1', address: '东风路与湖滨路口', summary: '两车追尾' } as Incident;

describe('what a slot shows', () => {
  it('names cameras and incidents it knows, and says when it does not', () => {
    const cameras = new Map([[camera.id, camera]]), incidents = new Map([[incident.id, incident]]);
    expect(contentOf(undefined, cameras, incidents)).toEqual({ kind: 'empty' });
    expect(contentOf({ kind: 'camera', cameraId: 'cam-1', quality: 'main' }, cameras, incidents)).toEqual({ kind: 'camera', cameraId: 'cam-1', name: '天衢广场 全景', online: false });
    expect(contentOf({ kind: 'camera', cameraId: 'cam-x', quality: 'sub' }, cameras, incidents)).toEqual({ kind: 'camera', cameraId: 'cam-x', name: null, online: false });
    expect(contentOf({ kind: 'drone', droneId: 'drone-7' }, cameras, incidents)).toEqual({ kind: 'drone', droneId: 'drone-7' });
    expect(contentOf({ kind: 'incident', incidentId: 'inc-1' }, cameras, incidents)).toEqual({ kind: 'incident', incidentId: 'inc-1', address: '东风路与湖滨路口', summary: '两车追尾' });
    expect(contentOf({ kind: 'map', center: { lat: 37.4, lon: 116.3 }, zoom: 15 }, cameras, incidents)).toEqual({ kind: 'map' });
  });

  it('flags slots an alarm took and windows over missing outputs', () => {
    const slot = { window: 'm-r1c1', cell: { row: 0, column: 0 } };
    expect(alarmedSlots({ alarms: [{ incidentId: 'inc-1', since: 0, shown: [{ slot, cameraId: 'cam-1', previous: null }] }] })).toEqual(new Map([['m-r1c1#0.0', 'inc-1']]));
    expect(unseenIds({ unseen: [{ window: 'w-1', monitors: [{ row: 0, column: 1 }] }] })).toEqual(new Set(['w-1']));
  });
});
