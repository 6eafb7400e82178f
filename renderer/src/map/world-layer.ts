// The bundled world map: Natural Earth land, lakes and rivers drawn on a canvas beneath every
// tiled base map, so the map is never blank — with no network, before or without an imported
// map, and where a tiled map has no tiles. Served as static files beside the renderer
// (world/<resolution>.json, written at build time by build/world-basemap.ts); the coarsest file
// is asked for first and the finer ones when the operator zooms in. Shapes are projected once
// per file and datum, and only those crossing the canvas are drawn, with points closer than a
// pixel merged, so even the 1:10 m coastline costs a few milliseconds at city scale.
import * as L from 'leaflet';
import type { Datum } from '../../../electron/shared/domain/tile-source';
import { toDisplay } from '../../../electron/shared/geo/display-datum';
import { CanvasLayer, worldPixel, type Frame } from './canvas-layer';
import { decodeRing, WORLD_RESOLUTIONS, worldResolutionFor, type WorldFile, type WorldResolution } from './world-codec';

export const WORLD_PANE = 'vigil-world';

/** One shape in zoom-0 world pixels, with its box for skipping shapes off the canvas. */
type Shape = { xy: Float64Array; minX: number; minY: number; maxX: number; maxY: number };
type Shapes = { land: Shape[]; lakes: Shape[]; rivers: Shape[] };

/** The files, fetched once per window (they never change while it is open) and when first wanted. */
const files = new Map<WorldResolution, WorldFile | 'loading' | 'failed'>();
/** Layers to redraw when a file arrives. */
const waiting = new Set<() => void>();

/** The file, or null while it is on the way (its arrival redraws every world layer) or when it cannot be had. */
function worldFile(resolution: WorldResolution): WorldFile | null {
  const known = files.get(resolution);
  if (known === undefined) {
    files.set(resolution, 'loading');
    fetch(`./world/${resolution}.json`)
      .then((r) => (r.ok ? (r.json() as Promise<WorldFile>) : Promise.reject(new Error(String(r.status)))))
      .then(
        (f) => files.set(resolution, f),
        () => files.set(resolution, 'failed'),
      )
      .finally(() => waiting.forEach((redraw) => redraw()));
    return null;
  }
  return typeof known === 'object' ? known : null;
}

function project(map: L.Map, rings: readonly number[][], datum: Datum): Shape[] {
  return rings.map((encoded) => {
    const lonLat = decodeRing(encoded);
    const xy = new Float64Array(lonLat.length);
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (let i = 0; i < lonLat.length; i += 2) {
      const p = toDisplay(datum, { lon: lonLat[i]!, lat: lonLat[i + 1]! });
      const w = worldPixel(map, p.lat, p.lon);
      xy[i] = w.x;
      xy[i + 1] = w.y;
      minX = Math.min(minX, w.x);
      maxX = Math.max(maxX, w.x);
      minY = Math.min(minY, w.y);
      maxY = Math.max(maxY, w.y);
    }
    return { xy, minX, minY, maxX, maxY };
  });
}

export class WorldLayer extends CanvasLayer {
  private datum: Datum = 'wgs84';
  private shapes = new Map<WorldResolution, Shapes>();
  private colours = { land: '#17212c', coast: '#2c3d4f', lake: '#0e151d', river: '#22405a' };
  /** Told after each drawing which file was drawn (null: none loaded yet) and how many shapes. */
  onDrawn: ((resolution: WorldResolution | null, shapes: number) => void) | null = null;

  constructor() {
    super(WORLD_PANE, 'map-world-layer');
    this.options.attribution = 'Natural Earth';
  }

  setDatum(datum: Datum): void {
    if (datum === this.datum) return;
    this.datum = datum;
    this.shapes.clear();
    this.requestDraw();
  }

  private readonly redraw = () => this.requestDraw();

  override onAdd(map: L.Map): this {
    const style = getComputedStyle(map.getContainer());
    const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    this.colours = { land: read('--map-land', this.colours.land), coast: read('--map-coast', this.colours.coast), lake: read('--map-bg', this.colours.lake), river: read('--map-river', this.colours.river) };
    waiting.add(this.redraw);
    return super.onAdd(map);
  }

  override onRemove(map: L.Map): this {
    waiting.delete(this.redraw);
    return super.onRemove(map);
  }

  /** A file's shapes in the current datum, projected on first use; null while the file is not here. */
  private shapesFor(resolution: WorldResolution): Shapes | null {
    const known = this.shapes.get(resolution);
    if (known) return known;
    const file = worldFile(resolution);
    if (!file || !this._map) return null;
    const shapes = { land: project(this._map, file.land, this.datum), lakes: project(this._map, file.lakes, this.datum), rivers: project(this._map, file.rivers, this.datum) };
    this.shapes.set(resolution, shapes);
    return shapes;
  }

  protected paint(ctx: CanvasRenderingContext2D, frame: Frame): void {
    const wanted = worldResolutionFor(frame.zoom);
    // The file for this zoom, else one already here (finest first), so something shows while it loads.
    let resolution: WorldResolution | null = wanted;
    let shapes = this.shapesFor(wanted);
    for (const r of [...WORLD_RESOLUTIONS].reverse()) {
      if (shapes) break;
      resolution = r;
      shapes = typeof files.get(r) === 'object' ? this.shapesFor(r) : null;
    }
    if (!shapes) {
      this.onDrawn?.(null, 0);
      return;
    }
    const { world, toCanvas } = frame;
    let drawn = 0;
    const trace = (list: Shape[], path: Path2D, close: boolean): void => {
      for (const s of list) {
        if (s.maxX < world.minX || s.minX > world.maxX || s.maxY < world.minY || s.minY > world.maxY) continue;
        drawn++;
        let lx = Number.NaN;
        let ly = Number.NaN;
        const n = s.xy.length;
        for (let i = 0; i < n; i += 2) {
          const [x, y] = toCanvas(s.xy[i]!, s.xy[i + 1]!);
          if (i === 0) path.moveTo(x, y);
          // Points under a pixel apart add nothing visible; the last one is kept so rings meet.
          else if (Math.abs(x - lx) + Math.abs(y - ly) < 0.7 && i < n - 2) continue;
          else path.lineTo(x, y);
          lx = x;
          ly = y;
        }
        if (close) path.closePath();
      }
    };
    const land = new Path2D();
    trace(shapes.land, land, true);
    ctx.fillStyle = this.colours.land;
    ctx.fill(land, 'evenodd');
    ctx.lineWidth = 1;
    ctx.strokeStyle = this.colours.coast;
    ctx.stroke(land);
    const lakes = new Path2D();
    trace(shapes.lakes, lakes, true);
    ctx.fillStyle = this.colours.lake;
    ctx.fill(lakes, 'evenodd');
    ctx.stroke(lakes);
    if (frame.zoom >= 4) {
      const rivers = new Path2D();
      trace(shapes.rivers, rivers, false);
      ctx.strokeStyle = this.colours.river;
      ctx.lineWidth = frame.zoom >= 8 ? 1.5 : 1;
      ctx.stroke(rivers);
    }
    this.onDrawn?.(resolution, drawn);
  }
}
