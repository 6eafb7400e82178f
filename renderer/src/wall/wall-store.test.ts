import { beforeEach, describe, expect, it } from 'vitest';
import type { HistoryItem, WallState } from '../../../electron/shared/wall';
import { useWall } from './wall-store';

const mine = useWall.getState().consoleId;
const item = (revision: number, workstationId: string, overriddenBy: HistoryItem['overriddenBy'] = null): HistoryItem => ({ revision, baseRevision: revision - 1, editId: `e${revision}`, kind: 'place', by: { workstationId, operator: workstationId }, at: 0, overriddenBy });
const state = (revision: number, recent: HistoryItem[]) => ({ revision, recent }) as unknown as WallState;

describe('the wall client state', () => {
  beforeEach(() => useWall.setState({ wall: null, outcomes: [], mine: [] }));

  it('tells the operator once when another console replaced one of this console’s changes, and with which revision', () => {
    const other = { workstationId: 'c-other', operator: '张伟 · 大屏席' };
    useWall.getState().setWall(state(12, [item(12, mine)]));
    useWall.getState().setWall(state(13, [item(12, mine, { revision: 13, by: other }), item(13, 'c-other')]));
    useWall.getState().setWall(state(13, [item(12, mine, { revision: 13, by: other }), item(13, 'c-other')]));
    expect(useWall.getState().outcomes.map((o) => o.outcome)).toEqual([{ kind: 'overridden', revision: 12, by: other, byRevision: 13 }]);
  });

  it('remembers this console’s applied edits by revision, the latest fifty', () => {
    for (let r = 1; r <= 60; r++) useWall.getState().rememberEdit(r, { kind: 'raise', windowId: `w-${r}` });
    const kept = useWall.getState().mine;
    expect(kept).toHaveLength(50);
    expect(kept[0]).toEqual({ revision: 11, edit: { kind: 'raise', windowId: 'w-11' } });
  });
});
