import { describe, expect, it } from 'vitest';
import { cycle, neighbour } from './slot-navigation';

describe('Tab through slots', () => {
  const keys = ['a', 'b', 'c'];
  it('starts at the first (last going back), steps in order and ends past either end so focus can leave', () => {
    expect(cycle(keys, null, false)).toBe('a');
    expect(cycle(keys, null, true)).toBe('c');
    expect(cycle(keys, 'a', false)).toBe('b');
    expect(cycle(keys, 'c', false)).toBeNull();
    expect(cycle(keys, 'a', true)).toBeNull();
    expect(cycle(keys, 'gone', false)).toBe('a');
    expect(cycle([], null, false)).toBeNull();
  });
});

describe('arrows between slots', () => {
  // A 3 × 3 grid of 100 mm squares, keys r0c0 … r2c2.
  const grid = Array.from({ length: 9 }, (_, i) => ({ key: `r${Math.floor(i / 3)}c${i % 3}`, rect: { x: (i % 3) * 100, y: Math.floor(i / 3) * 100, width: 100, height: 100 } }));

  it('go to the next slot that way', () => {
    expect(neighbour(grid, 'r1c1', 'right')).toBe('r1c2');
    expect(neighbour(grid, 'r1c1', 'left')).toBe('r1c0');
    expect(neighbour(grid, 'r1c1', 'up')).toBe('r0c1');
    expect(neighbour(grid, 'r1c1', 'down')).toBe('r2c1');
    expect(neighbour(grid, 'r0c2', 'right')).toBeNull();
    expect(neighbour(grid, 'nowhere', 'right')).toBeNull();
  });

  it('prefer a slot straight ahead over a nearer one off to the side', () => {
    const shapes = [
      { key: 'from', rect: { x: 0, y: 0, width: 10, height: 10 } },
      { key: 'diagonal', rect: { x: 30, y: 40, width: 10, height: 10 } },
      { key: 'ahead', rect: { x: 80, y: 0, width: 10, height: 10 } },
    ];
    expect(neighbour(shapes, 'from', 'right')).toBe('ahead');
  });
});
