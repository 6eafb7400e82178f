import { describe, expect, it } from 'vitest';
import { TourSchema } from '../../../electron/shared/wall';
import { draftOfTour, moveStep, newTourDraft, tourOfDraft, tourProblems } from './tour-draft';

describe('a tour being edited', () => {
  const ok = { ...newTourDraft('tour-1'), name: ' 路口轮巡 ', slot: { window: 'm-r1c1', cell: { row: 0, column: 0 } }, steps: [{ kind: 'camera' as const, cameraId: 'cam-1' }] };

  it('can be saved once it has a name, steps, a dwell of 5–3600 s and, for cameras, a place to show them', () => {
    expect(tourProblems(ok)).toEqual([]);
    expect(tourProblems(newTourDraft('t'))).toEqual(['name', 'steps']);
    expect(tourProblems({ ...ok, dwellSeconds: 4 })).toEqual(['dwell']);
    expect(tourProblems({ ...ok, dwellSeconds: 7.5 })).toEqual(['dwell']);
    expect(tourProblems({ ...ok, slot: null })).toEqual(['slot']);
    // Presets replace the whole wall: no slot needed.
    expect(tourProblems({ ...ok, slot: null, steps: [{ kind: 'preset', presetId: 'p1' }] })).toEqual([]);
  });

  it('becomes a tour main accepts, and back', () => {
    const tour = tourOfDraft(ok);
    expect(TourSchema.parse(tour)).toEqual({ ...tour, name: '路口轮巡' });
    expect(draftOfTour(tour)).toEqual({ ...ok, name: '路口轮巡' });
  });

  it('moves a step up or down within the list', () => {
    expect(moveStep(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveStep(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveStep(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveStep(['a', 'b', 'c'], 5, 1)).toEqual(['a', 'b', 'c']);
  });
});
