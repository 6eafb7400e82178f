// Who else is working on the wall and where: other consoles' selections drawn on this console's
// wall. A console's focus is a slot key (a free window's id, or a split's cell) or a split's id.
import type { Presence, WallRect } from '../../../electron/shared/wall';
import { union, type SlotShape } from './wall-drawing';

/** "张伟 · 调度台2": the operator and the console's own name; a console without one goes by `unnamed`. */
export function editorName(p: Pick<Presence, 'operator' | 'label'>, unnamed: string): string {
  return `${p.operator} · ${p.label.trim() || unnamed}`;
}

/** The short form of a console id, enough to tell two unnamed consoles apart. */
export const shortConsoleId = (id: string) => id.replace(/^c-/, '').slice(0, 4);

/** Other consoles' selections, grouped by what they have selected (this console's own left out). */
export function othersFocus(editors: readonly Presence[], mine: string): { focus: string; editors: Presence[] }[] {
  const by = new Map<string, Presence[]>();
  for (const e of editors) {
    if (e.consoleId === mine || !e.focus) continue;
    by.set(e.focus, [...(by.get(e.focus) ?? []), e]);
  }
  return [...by].map(([focus, list]) => ({ focus, editors: list }));
}

/** Where a focus lies on the wall: its slot, or for a split's id the whole split. */
export function focusRect(shapes: readonly SlotShape[], focus: string): WallRect | null {
  const exact = shapes.find((s) => s.key === focus);
  if (exact) return exact.rect;
  return union(shapes.filter((s) => s.slot.cell && s.slot.window === focus).map((s) => s.rect));
}
