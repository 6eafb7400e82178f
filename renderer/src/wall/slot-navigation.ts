// Choosing slots by keyboard: Tab steps through them in order and lets focus leave past either
// end; arrows go to the nearest slot in that direction. Pure.
import type { WallRect } from '../../../electron/shared/wall';
import { centre } from './wall-drawing';

/** The next key in order (previous with `back`); null past either end, so focus can leave. */
export function cycle(keys: readonly string[], current: string | null, back: boolean): string | null {
  if (keys.length === 0) return null;
  const i = current === null ? -1 : keys.indexOf(current);
  if (i < 0) return back ? keys[keys.length - 1]! : keys[0]!;
  return keys[back ? i - 1 : i + 1] ?? null;
}

export type Direction = 'left' | 'right' | 'up' | 'down';

export const ARROW_DIRECTIONS: Readonly<Record<string, Direction>> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

/**
 * The slot nearest in a direction: its centre must lie that way, and slots straight ahead win
 * over ones off to the side (sideways distance counts double). Null when there is none.
 */
export function neighbour(shapes: readonly { key: string; rect: WallRect }[], current: string, direction: Direction): string | null {
  const from = shapes.find((s) => s.key === current);
  if (!from) return null;
  const c = centre(from.rect);
  let best: string | null = null, bestScore = Infinity;
  for (const s of shapes) {
    if (s.key === current) continue;
    const p = centre(s.rect);
    const dx = p.x - c.x, dy = p.y - c.y;
    const ahead = { left: -dx, right: dx, up: -dy, down: dy }[direction];
    const aside = direction === 'left' || direction === 'right' ? Math.abs(dy) : Math.abs(dx);
    if (ahead <= 1e-6) continue;
    const score = ahead + 2 * aside;
    if (score < bestScore) {
      bestScore = score;
      best = s.key;
    }
  }
  return best;
}
