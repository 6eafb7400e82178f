import { describe, expect, it } from 'vitest';
import type { Presence } from '../../../electron/shared/wall';
import type { SlotShape } from './wall-drawing';
import { editorName, focusRect, othersFocus, shortConsoleId } from './wall-presence';

const p = (consoleId: string, label: string, focus: string | null): Presence => ({ consoleId, label, operator: '张伟', since: 0, focus, lastEditAt: null });
const cell = (row: number, column: number, x: number): SlotShape => ({ key: `m-r1c1#${row}.${column}`, slot: { window: 'm-r1c1', cell: { row, column } }, rect: { x, y: row * 50, width: 50, height: 50 }, monitor: { row: 0, column: 0 }, grid: { rows: 2, columns: 2 }, z: null });
const shapes: SlotShape[] = [cell(0, 0, 0), cell(0, 1, 50), cell(1, 0, 0), cell(1, 1, 50), { key: 'w-1', slot: { window: 'w-1', cell: null }, rect: { x: 500, y: 10, width: 20, height: 30 }, monitor: null, grid: null, z: 1 }];

describe('other consoles on the wall', () => {
  it('go by operator and console name, or as unnamed', () => {
    expect(editorName(p('c-1', '调度台2', null), '未命名席位')).toBe('张伟 · 调度台2');
    expect(editorName(p('c-1', '  ', null), '未命名席位 ab12')).toBe('张伟 · 未命名席位 ab12');
    expect(shortConsoleId('c-ab12cd34')).toBe('ab12');
  });

  it('are grouped by what they have selected, this console and idle ones left out', () => {
    const editors = [p('mine', '', 'w-1'), p('c-2', 'B', 'w-1'), p('c-3', 'C', 'w-1'), p('c-4', 'D', null), p('c-5', 'E', 'm-r1c1#0.1')];
    expect(othersFocus(editors, 'mine')).toEqual([
      { focus: 'w-1', editors: [editors[1], editors[2]] },
      { focus: 'm-r1c1#0.1', editors: [editors[4]] },
    ]);
  });

  it('are outlined on the slot they selected, or the whole split for a split’s id', () => {
    expect(focusRect(shapes, 'w-1')).toEqual({ x: 500, y: 10, width: 20, height: 30 });
    expect(focusRect(shapes, 'm-r1c1#1.1')).toEqual({ x: 50, y: 50, width: 50, height: 50 });
    expect(focusRect(shapes, 'm-r1c1')).toEqual({ x: 0, y: 0, width: 100, height: 100 });
    expect(focusRect(shapes, 'gone')).toBeNull();
  });
});
