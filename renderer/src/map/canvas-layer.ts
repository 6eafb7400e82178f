// A Leaflet layer that draws on one canvas a little larger than the view, redrawn when the view
// settles and scaled (not redrawn) while a zoom animates — as Leaflet's own canvas renderer does,
// but with the drawing left to the subclass, which works in zoom-0 world pixels it projected
// once. The operational layer (data-layer.ts) and the bundled world map (world-layer.ts) are two.
import * as L from 'leaflet';

/** The canvas reaches this share of the view beyond each edge, so a short pan shows no gap. */
const PADDING = 0.3;

/** Leaflet 1.9 internals relied on (pinned version; Leaflet's own renderers use them). */
type MapInternals = L.Map & { _zoomAnimated?: boolean; _getNewPixelOrigin(center: L.LatLng, zoom: number): L.Point };

/** One drawing's frame: the canvas size, and zoom-0 world pixels → canvas pixels. */
export interface Frame {
  width: number;
  height: number;
  zoom: number;
  /** Top-left of the canvas in layer pixels. */
  origin: L.Point;
  toCanvas(wx: number, wy: number): [number, number];
  /** Whether a canvas point is on the canvas, or within `margin` pixels of it. */
  inside(x: number, y: number, margin: number): boolean;
  /** The canvas's extent in zoom-0 world pixels. */
  world: { minX: number; minY: number; maxX: number; maxY: number };
}

export abstract class CanvasLayer extends L.Layer {
  protected canvas: HTMLCanvasElement | null = null;
  private ctx: CanvasRenderingContext2D | null = null;
  private drawnCenter: L.LatLng | null = null;
  private drawnZoom = 0;
  /** Top-left of the canvas in layer pixels at the last drawing. */
  protected origin = L.point(0, 0);
  private frame = 0;

  /** `pane`: which of the map's panes holds the canvas (so the world map can lie beneath the tiles). */
  constructor(private readonly paneName: string, private readonly className: string) {
    super();
  }

  protected abstract paint(ctx: CanvasRenderingContext2D, frame: Frame): void;

  override onAdd(map: L.Map): this {
    const canvas = L.DomUtil.create('canvas', `${this.className} leaflet-zoom-animated`);
    this.canvas = canvas;
    this.ctx = canvas.getContext('2d');
    map.getPane(this.paneName)!.appendChild(canvas);
    this.reset();
    return this;
  }

  override onRemove(_map: L.Map): this {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.canvas?.remove();
    this.canvas = null;
    this.ctx = null;
    return this;
  }

  override getEvents(): Record<string, L.LeafletEventHandlerFn> {
    const events: Record<string, L.LeafletEventHandlerFn> = { viewreset: this.reset, zoom: this.onZoom, moveend: this.reset, resize: this.reset };
    if ((this._map as MapInternals)._zoomAnimated) events.zoomanim = this.onAnimZoom as L.LeafletEventHandlerFn;
    return events;
  }

  /** Draws again at the next animation frame (several requests, one drawing). */
  protected requestDraw(): void {
    if (!this._map || this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private onAnimZoom(e: L.ZoomAnimEvent): void {
    this.updateTransform(e.center, e.zoom);
  }

  private onZoom(): void {
    this.updateTransform(this._map.getCenter(), this._map.getZoom());
  }

  /** During a zoom, scales the last drawing about the right point (as Leaflet's renderers do). */
  private updateTransform(center: L.LatLng, zoom: number): void {
    if (!this.canvas || !this.drawnCenter) return;
    const map = this._map as MapInternals;
    const scale = map.getZoomScale(zoom, this.drawnZoom);
    const viewHalf = map.getSize().multiplyBy(0.5 + PADDING);
    const topLeft = viewHalf.multiplyBy(-scale).add(map.project(this.drawnCenter, zoom)).subtract(map._getNewPixelOrigin(center, zoom));
    L.DomUtil.setTransform(this.canvas, topLeft, scale);
  }

  private reset(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.draw();
  }

  private draw(): void {
    const map = this._map;
    const canvas = this.canvas;
    const ctx = this.ctx;
    if (!map || !canvas || !ctx) return;
    const size = map.getSize();
    const min = map.containerPointToLayerPoint(size.multiplyBy(-PADDING)).round();
    const width = Math.round(size.x * (1 + 2 * PADDING));
    const height = Math.round(size.y * (1 + 2 * PADDING));
    this.origin = min;
    this.drawnCenter = map.getCenter();
    this.drawnZoom = map.getZoom();
    L.DomUtil.setPosition(canvas, min);

    const dpr = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(height * dpr);
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);

    // World pixel at zoom 0 → canvas pixel: scale, then shift by the canvas's top-left.
    const crs = map.options.crs!;
    const scale = crs.scale(this.drawnZoom) / crs.scale(0);
    const pixelOrigin = map.getPixelOrigin();
    const offX = pixelOrigin.x + min.x;
    const offY = pixelOrigin.y + min.y;
    this.paint(ctx, {
      width,
      height,
      zoom: this.drawnZoom,
      origin: min,
      toCanvas: (wx, wy) => [wx * scale - offX, wy * scale - offY],
      inside: (x, y, margin) => x >= -margin && y >= -margin && x <= width + margin && y <= height + margin,
      world: { minX: offX / scale, minY: offY / scale, maxX: (offX + width) / scale, maxY: (offY + height) / scale },
    });
  }
}

/** A WGS-84 or GCJ-02 position → zoom-0 world pixels of the map's projection. */
export function worldPixel(map: L.Map, lat: number, lon: number): L.Point {
  return map.options.crs!.latLngToPoint(L.latLng(lat, lon), 0);
}
