// The wall view's changes, each one edit sent through the wall link (main validates it with the
// layout engine and answers; refusals become outcomes the operator sees). Window geometry is
// drawn at once while its edit is on its way.
import { useMemo } from 'react';
import { monitorSplitId, type MonitorRef, type SlotRef, type WallRect, type WallSourceIn, type WallWindow } from '../../../electron/shared/wall';
import type { WallLink } from './wall-link';
import { useWallLink } from './wall-context';
import { useWall } from './wall-store';
import { useWallView } from './wall-view-store';
import { newWindowId } from './window-moves';

export type WallEdits = ReturnType<typeof wallEdits>;

export function useWallEdits(): WallEdits {
  const link = useWallLink();
  return useMemo(() => wallEdits(link), [link]);
}

/** Split sizes offered for a monitor (keys 1–4). */
export const SPLIT_SIZES = [1, 2, 3, 4] as const;

function wallEdits(link: WallLink) {
  const view = useWallView.getState;
  const layout = () => useWall.getState().wall?.layout ?? { splits: [], windows: [] };

  /** A window as this console last placed it: what it sent, else what main says. */
  const current = (id: string): WallWindow | undefined => view().pending[id]?.window ?? layout().windows.find((w) => w.id === id);

  function place(window: WallWindow): void {
    const seq = view().setPending(window);
    void link.edit({ kind: 'place', window }).finally(() => view().settle(window.id, seq));
  }

  return {
    current,
    /** Moves or resizes a window (z is main's to keep). */
    reshape(id: string, rect: WallRect): void {
      const w = current(id);
      if (w) place({ ...w, ...rect });
    },
    /** Opens a new window on top and selects it. */
    add(rect: WallRect): string {
      const id = newWindowId();
      const top = layout().windows.reduce((z, w) => Math.max(z, w.z), 0);
      place({ id, ...rect, z: top + 1 });
      view().select({ kind: 'slot', slot: { window: id, cell: null } });
      return id;
    },
    remove(id: string): void {
      const sel = view().selection;
      if (sel?.kind === 'slot' && !sel.slot.cell && sel.slot.window === id) view().select(null);
      void link.edit({ kind: 'remove', windowId: id });
    },
    raise(id: string): void {
      void link.edit({ kind: 'raise', windowId: id });
    },
    show(slot: SlotRef, source: WallSourceIn | null): void {
      // The schema's default (main stream) is filled in by main's parse; the edit type wants it said.
      void link.edit({ kind: 'show', slot, source: source && (source.kind === 'camera' ? { ...source, quality: source.quality ?? 'main' } : source) });
    },
    /** Splits a monitor n × n, keeping its split's id (so cells that remain keep what they show). */
    split(monitor: MonitorRef, n: number): void {
      const splits = layout().splits;
      const mine = splits.find((s) => s.monitor.row === monitor.row && s.monitor.column === monitor.column);
      const taken = (id: string) => splits.some((s) => s.id === id && s !== mine);
      let id = mine?.id ?? monitorSplitId(monitor);
      while (taken(id)) id = `${monitorSplitId(monitor)}-${Math.random().toString(36).slice(2, 6)}`;
      void link.edit({ kind: 'split', split: { id, monitor, rows: n, columns: n } });
    },
    unsplit(monitor: MonitorRef): void {
      void link.edit({ kind: 'unsplit', monitor });
    },
  };
}
