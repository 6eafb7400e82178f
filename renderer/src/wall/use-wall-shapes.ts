// The slots of the wall as this console draws them: main's layout with this console's own window
// moves that are still on their way laid on top.
import { useMemo } from 'react';
import type { WallState } from '../../../electron/shared/wall';
import { slotShapes, type SlotShape } from './wall-drawing';
import { useWallView } from './wall-view-store';

export function useWallShapes(wall: WallState): SlotShape[] {
  const pending = useWallView((s) => s.pending);
  return useMemo(() => {
    if (!wall.geometry) return [];
    const windows = wall.layout.windows.map((w) => pending[w.id]?.window ?? w);
    const added = Object.values(pending).filter((p) => !wall.layout.windows.some((w) => w.id === p.window.id)).map((p) => p.window);
    return slotShapes(wall.model, wall.geometry, wall.layout, [...windows, ...added]);
  }, [wall, pending]);
}
