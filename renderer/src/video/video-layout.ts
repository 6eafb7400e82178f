// Which camera each tile of the video view shows, per grid size. Pure: main keeps the layout
// with the window's state (state/window-state-link.ts), so a restart or a crash restores it.
import type { StreamQuality } from '../../../electron/shared/contract/media';

export const GRID_SIZES = [1, 4, 9, 16, 25, 36] as const;
export type GridSize = (typeof GRID_SIZES)[number];

export type VideoLayout = { grid: GridSize; tiles: Record<GridSize, (string | null)[]> };

export function emptyLayout(): VideoLayout {
  return { grid: 4, tiles: Object.fromEntries(GRID_SIZES.map((n) => [n, Array<string | null>(n).fill(null)])) as VideoLayout['tiles'] };
}

/**
 * A layout from what main kept, every grid filled out to its size. Anything that does not fit
 * the shape is dropped, never trusted (main checks it too; this also covers an older main).
 */
export function layoutFrom(value: unknown): VideoLayout {
  const layout = emptyLayout();
  const raw = (value && typeof value === 'object' ? value : {}) as { grid?: unknown; tiles?: Record<string, unknown> };
  if (GRID_SIZES.includes(raw.grid as GridSize)) layout.grid = raw.grid as GridSize;
  for (const n of GRID_SIZES) {
    const list = raw.tiles?.[String(n)];
    if (!Array.isArray(list)) continue;
    layout.tiles[n] = layout.tiles[n].map((_, i) => (typeof list[i] === 'string' && (list[i] as string).length <= 100 ? (list[i] as string) : null));
  }
  return layout;
}

export function placeCamera(layout: VideoLayout, tile: number, cameraId: string | null): VideoLayout {
  const tiles = [...layout.tiles[layout.grid]];
  if (tile < 0 || tile >= tiles.length) return layout;
  tiles[tile] = cameraId;
  return { ...layout, tiles: { ...layout.tiles, [layout.grid]: tiles } };
}

/** Where a camera opened from elsewhere (the map, an incident) goes: the selected tile if empty, else the first empty one, else the selected one. */
export function tileForNewCamera(layout: VideoLayout, selected: number): number {
  const tiles = layout.tiles[layout.grid];
  if (tiles[selected] === null) return selected;
  const empty = tiles.indexOf(null);
  return empty === -1 ? selected : empty;
}

/** Small tiles get the camera's sub-stream; a tile as big as a quarter of the view or more, the main stream. */
export function qualityFor(grid: GridSize, enlarged: boolean): StreamQuality {
  return enlarged || grid <= 4 ? 'main' : 'sub';
}
