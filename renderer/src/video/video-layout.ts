// Which camera each tile of the video view shows, per grid size, remembered per workstation
// (this window's local storage). Pure apart from the storage calls at the edge.
import type { StreamQuality } from '../../../electron/shared/contract/media';

export const GRID_SIZES = [1, 4, 9, 16, 25, 36] as const;
export type GridSize = (typeof GRID_SIZES)[number];

export type VideoLayout = { grid: GridSize; tiles: Record<GridSize, (string | null)[]> };

const STORAGE_KEY = 'vigil.video.layout.v1';

export function emptyLayout(): VideoLayout {
  return { grid: 4, tiles: Object.fromEntries(GRID_SIZES.map((n) => [n, Array<string | null>(n).fill(null)])) as VideoLayout['tiles'] };
}

/** Anything stored that does not fit the shape is dropped, never trusted. */
export function parseLayout(text: string | null): VideoLayout {
  const layout = emptyLayout();
  if (!text) return layout;
  try {
    const raw = JSON.parse(text) as { grid?: unknown; tiles?: Record<string, unknown> };
    if (GRID_SIZES.includes(raw.grid as GridSize)) layout.grid = raw.grid as GridSize;
    for (const n of GRID_SIZES) {
      const list = raw.tiles?.[String(n)];
      if (!Array.isArray(list)) continue;
      layout.tiles[n] = layout.tiles[n].map((_, i) => (typeof list[i] === 'string' && (list[i] as string).length <= 100 ? (list[i] as string) : null));
    }
  } catch {
    // A damaged entry costs the operator the layout, not the view.
  }
  return layout;
}

export function loadLayout(): VideoLayout {
  return parseLayout(localStorage.getItem(STORAGE_KEY));
}

export function saveLayout(layout: VideoLayout): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(layout));
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
