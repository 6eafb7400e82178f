// The wall view's own state in this window: what the operator has selected, window geometry sent
// but not yet answered (drawn at once, and further key moves build on it), and the slot group
// being picked on the drawing for alarm routing. The wall itself is main's (wall-store.ts).
import { create } from 'zustand';
import { slotKey, type MonitorRef, type SlotRef, type WallWindow } from '../../../electron/shared/wall';

export type Selection = { kind: 'slot'; slot: SlotRef } | { kind: 'monitor'; monitor: MonitorRef };

export interface WallViewState {
  selection: Selection | null;
  pending: Readonly<Record<string, { window: WallWindow; seq: number }>>;
  /** Slots picked on the drawing (clicks add or remove them instead of selecting); null when not picking. */
  picking: readonly SlotRef[] | null;
  select(selection: Selection | null): void;
  /** Returns the number to pass to `settle` when the answer comes, so an older answer does not clear a newer move. */
  setPending(window: WallWindow): number;
  settle(windowId: string, seq: number): void;
  startPicking(slots: readonly SlotRef[]): void;
  togglePicked(slot: SlotRef): void;
  stopPicking(): void;
}

let seq = 0;

export const useWallView = create<WallViewState>((set) => ({
  selection: null,
  pending: {},
  picking: null,
  select: (selection) => set({ selection }),
  setPending(window) {
    const n = ++seq;
    set((s) => ({ pending: { ...s.pending, [window.id]: { window, seq: n } } }));
    return n;
  },
  settle: (windowId, n) =>
    set((s) => {
      if (s.pending[windowId]?.seq !== n) return s;
      const { [windowId]: _settled, ...rest } = s.pending;
      return { pending: rest };
    }),
  startPicking: (slots) => set({ picking: [...slots] }),
  togglePicked: (slot) =>
    set((s) => {
      if (!s.picking) return s;
      const key = slotKey(slot);
      return { picking: s.picking.some((p) => slotKey(p) === key) ? s.picking.filter((p) => slotKey(p) !== key) : [...s.picking, slot] };
    }),
  stopPicking: () => set({ picking: null }),
}));

/** Keys of things that can be selected on the drawing: slot keys, and `@row,column` for a monitor without a split. */
export const monitorKey = (m: MonitorRef) => `@${m.row},${m.column}`;

export function selectionKey(selection: Selection | null): string | null {
  if (!selection) return null;
  return selection.kind === 'slot' ? slotKey(selection.slot) : monitorKey(selection.monitor);
}
