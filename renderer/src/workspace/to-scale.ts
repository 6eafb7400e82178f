// The displays drawn to scale in their arrangement, fitted into a box of the panel. Pure.
import type { Rect } from '../../../electron/shared/workspace/rect';

export interface Drawn {
  id: string;
  left: number;
  top: number;
  width: number;
  height: number;
}

export function toScale(displays: readonly { id: string; bounds: Rect }[], box: { width: number; height: number }): { width: number; height: number; items: Drawn[] } {
  if (displays.length === 0) return { width: 0, height: 0, items: [] };
  const minX = Math.min(...displays.map((d) => d.bounds.x));
  const minY = Math.min(...displays.map((d) => d.bounds.y));
  const maxX = Math.max(...displays.map((d) => d.bounds.x + d.bounds.width));
  const maxY = Math.max(...displays.map((d) => d.bounds.y + d.bounds.height));
  const scale = Math.min(box.width / (maxX - minX), box.height / (maxY - minY));
  const px = (v: number) => Math.round(v * scale * 10) / 10;
  return {
    width: px(maxX - minX),
    height: px(maxY - minY),
    items: displays.map((d) => ({ id: d.id, left: px(d.bounds.x - minX), top: px(d.bounds.y - minY), width: px(d.bounds.width), height: px(d.bounds.height) })),
  };
}
