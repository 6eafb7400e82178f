// What the benchmark's page (bench/map/page.ts) and its Node side (bench/map.bench.ts) exchange.
// Types only.

/**
 * vigil: Vigil's canvas DataLayer (renderer/src/map/data-layer.ts) on a map set up as
 * use-leaflet-map.ts sets it up. leafletSvg: one L.circleMarker per mark with Leaflet's default
 * SVG renderer. leafletCanvas: the same markers with `preferCanvas: true` (Leaflet's canvas renderer).
 */
export const VARIANTS = ['vigil', 'leafletSvg', 'leafletCanvas'] as const;
export type Variant = (typeof VARIANTS)[number];

export interface Sizes {
  cameras: number;
  incidents: number;
  units: number;
}

/** One scripted sequence: the interval between consecutive animation frames, and the script time of each step. */
export interface FrameTrace {
  /** ms between consecutive requestAnimationFrame timestamps, one per step (what the operator sees). */
  intervals: number[];
  /** ms spent in the step's own call (panBy / setZoom), synchronously; style, layout and paint come after. */
  script: number[];
  /** The map's zoom while the sequence ran (first and last). */
  zooms: [number, number];
}

export interface PageResult {
  variant: Variant;
  /** From creating the map to the first frame painted with every mark on it. */
  firstRenderMs: number;
  /** Zoom after fitting the city, as use-leaflet-map.ts fits it. */
  fitZoom: number;
  /** Elements in the document once rendered: the cost SVG markers put on style and layout. */
  domNodes: number;
  /** panBy of 18–24 px per frame, animate: false (each step a complete move with its moveend), at the fitted zoom: the whole city in view. */
  pan: FrameTrace;
  /** setZoom one level per frame, animate: false, fitted zoom ↔ 17, twice. */
  zoom: FrameTrace;
  /** The same pans at zoom 15 over the centre: streets, where Vigil draws view cones. */
  panStreet: FrameTrace;
  /** Animated zooms (Leaflet's CSS zoom animation, as the wheel and the zoom buttons do), every frame until each zoomend. */
  zoomAnimated: FrameTrace;
  /** performance.memory.usedJSHeapSize after the first render, MB (Chromium only, coarse). */
  heapMB: number | null;
}

export interface MapBench {
  run(variant: Variant, sizes: Sizes): Promise<PageResult>;
}
