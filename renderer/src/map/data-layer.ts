// The map's operational layer: incidents, units, cameras and their view cones — and the
// graticule when there is no base map — drawn on one canvas in a handful of batched paths.
// A city register has tens of thousands of cameras; one Leaflet path object per mark costs a
// redraw of ~150 ms at that size, this costs a few milliseconds. Positions are projected once
// per data change (to zoom-0 world pixels) and only scaled and shifted per redraw; marks
// outside the canvas are skipped; clicks and hover are answered from the last drawing.
//
// Coordinates are WGS-84 as stored, drawn on Leaflet's Web Mercator (EPSG:3857) in the base
// map's datum: on a GCJ-02 map (AMap/Gaode, Tencent) every mark and cone is shifted with
// electron/shared/geo/display-datum, so it lands where that map shows the place.
import * as L from 'leaflet';
import type { Incident } from '../../../electron/shared/domain/incident';
import type { Unit } from '../../../electron/shared/domain/unit';
import type { VideoPoint } from '../../../electron/shared/domain/video-point';
import type { Datum } from '../../../electron/shared/domain/tile-source';
import { DEFAULT_CAMERA_RANGE_M } from '../../../electron/shared/geo/camera-coverage';
import { toDisplay } from '../../../electron/shared/geo/display-datum';
import { CanvasLayer, worldPixel, type Frame } from './canvas-layer';
import { conePolygon, formatDegrees, graticuleLines, graticuleStep, hitTest } from './geometry';

export type MarkKind = 'incident' | 'unit' | 'camera';
export type MapHit = { kind: MarkKind; id: string };

export interface MapData {
  /** Drawn in this order, later on top. */
  incidents: readonly Incident[];
  units: readonly Unit[];
  cameras: readonly VideoPoint[];
  finishedIncidentIds: ReadonlySet<string>;
  selectedIncidentId: string | null;
  selectedCameraId: string | null;
  /** Highlighted: the cameras that see the selected incident. */
  seeingCameraIds: ReadonlySet<string>;
  /** Lines of latitude and longitude with labels: the reference frame when no tiled base map is shown. */
  graticule: boolean;
  /** The base map's datum: what every mark is shifted to before it is drawn. */
  datum: Datum;
}

/** Cones are drawn once a camera's range spans this many screen pixels… */
const MIN_CONE_PX = 10;
/** …and when no more than this many would be: beyond that they merge into a haze and cost a frame. */
const MAX_CONES = 4000;
const MAX_CONE_EDGES = 1500;
const INCIDENT_R = 6;
const SELECTED_R = 10;
const FINISHED_R = 4;
const UNIT_HALF = 4.5;
const HIT_TOLERANCE = 4;

type Projected = { source: readonly unknown[]; datum: Datum; x: Float64Array; y: Float64Array };
/** Where the marks of one kind landed on the canvas at the last drawing (NaN: not drawn). */
type Drawn = { rows: readonly { id: string }[]; x: Float32Array; y: Float32Array; r: Float32Array };

function drawn(rows: readonly { id: string }[]): Drawn {
  const n = rows.length;
  return { rows, x: new Float32Array(n).fill(Number.NaN), y: new Float32Array(n).fill(Number.NaN), r: new Float32Array(n) };
}

export class DataLayer extends CanvasLayer {
  /** Told what a click on the map hit (null: nothing of this layer). */
  private readonly onHit: (hit: MapHit | null) => void;
  private data: MapData | null = null;
  private colours = new Map<string, string>();
  private projected = new Map<MarkKind, Projected>();
  /** Where each mark landed on the canvas at the last drawing (NaN when not drawn). */
  private screen = new Map<MarkKind, Drawn>();
  private cones = new WeakMap<VideoPoint, Float64Array>();
  private conesDatum: Datum = 'wgs84';
  private hoverFrame = 0;
  /** Told where the selected incident was drawn (container pixels), or null when it was not. */
  onSelectedDrawn: ((at: L.Point | null) => void) | null = null;

  constructor(onHit: (hit: MapHit | null) => void) {
    super('overlayPane', 'map-data-layer');
    this.onHit = onHit;
  }

  setData(data: MapData): void {
    if (data.datum !== this.conesDatum) {
      this.cones = new WeakMap();
      this.conesDatum = data.datum;
    }
    this.data = data;
    this.requestDraw();
  }

  override onAdd(map: L.Map): this {
    this.readColours(map.getContainer());
    map.on('click', this.onClick, this);
    map.on('mousemove', this.onMouseMove, this);
    return super.onAdd(map);
  }

  override onRemove(map: L.Map): this {
    cancelAnimationFrame(this.hoverFrame);
    map.off('click', this.onClick, this);
    map.off('mousemove', this.onMouseMove, this);
    L.DomUtil.removeClass(map.getContainer(), 'map-hovering');
    return super.onRemove(map);
  }

  /** What is under a point of the map's container, topmost first: incidents, then units, then cameras. */
  hitAt(containerPoint: L.Point): MapHit | null {
    if (!this._map) return null;
    const p = this._map.containerPointToLayerPoint(containerPoint).subtract(this.origin);
    for (const kind of ['incident', 'unit', 'camera'] as const) {
      const s = this.screen.get(kind);
      if (!s) continue;
      const i = hitTest(s.rows.length, p.x, p.y, HIT_TOLERANCE, (k) => (Number.isNaN(s.x[k]!) ? null : { x: s.x[k]!, y: s.y[k]!, r: s.r[k]! }));
      if (i >= 0) return { kind, id: s.rows[i]!.id };
    }
    return null;
  }

  private onClick(e: L.LeafletMouseEvent): void {
    this.onHit(this.hitAt(e.containerPoint));
  }

  private onMouseMove(e: L.LeafletMouseEvent): void {
    if (this.hoverFrame) return;
    const point = e.containerPoint;
    this.hoverFrame = requestAnimationFrame(() => {
      this.hoverFrame = 0;
      if (!this._map) return;
      const container = this._map.getContainer();
      if (this.hitAt(point)) L.DomUtil.addClass(container, 'map-hovering');
      else L.DomUtil.removeClass(container, 'map-hovering');
    });
  }

  private readColours(container: HTMLElement): void {
    const style = getComputedStyle(container);
    for (const name of ['--p1', '--p2', '--p3', '--p4', '--accent', '--muted', '--text', '--bg', '--map-grid', '--map-grid-label', '--map-cone', '--map-cone-edge', '--map-seeing']) {
      this.colours.set(name, style.getPropertyValue(name).trim());
    }
    for (const kind of ['police', 'traffic', 'fire', 'ambulance', 'city_management', 'emergency']) {
      this.colours.set(`unit-${kind}`, style.getPropertyValue(`--unit-${kind}`).trim());
    }
  }

  private colour(name: string, fallback: string): string {
    return this.colours.get(name) || fallback;
  }

  /** World pixels at zoom 0 of every row's position, recomputed only when the row list changes. */
  private project<T>(kind: MarkKind, rows: readonly T[], at: (row: T) => { lat: number; lon: number } | null): Projected {
    const datum = this.data?.datum ?? 'wgs84';
    const known = this.projected.get(kind);
    if (known && known.source === rows && known.datum === datum) return known;
    const x = new Float64Array(rows.length);
    const y = new Float64Array(rows.length);
    rows.forEach((row, i) => {
      const p = at(row);
      if (!p) {
        x[i] = Number.NaN;
        y[i] = Number.NaN;
        return;
      }
      const shown = toDisplay(datum, p);
      const w = worldPixel(this._map, shown.lat, shown.lon);
      x[i] = w.x;
      y[i] = w.y;
    });
    const result = { source: rows, datum, x, y };
    this.projected.set(kind, result);
    return result;
  }

  protected paint(ctx: CanvasRenderingContext2D, frame: Frame): void {
    const { width, height, toCanvas, inside } = frame;
    const zoom = frame.zoom;
    const data = this.data;
    if (data?.graticule) this.drawGraticule(ctx, width, height);
    if (!data) {
      this.onSelectedDrawn?.(null);
      return;
    }

    // Cameras: cones (when big enough to see), then dots.
    const cams = this.project('camera', data.cameras, (c) => c.location);
    const camScreen = drawn(data.cameras);
    const metresPerPx = this.metresPerPixel();
    const dotR = zoom >= 15 ? 4 : zoom >= 13 ? 3 : 2;
    const visible: number[] = [];
    for (let i = 0; i < data.cameras.length; i++) {
      const [x, y] = toCanvas(cams.x[i]!, cams.y[i]!);
      const reachPx = (data.cameras[i]!.rangeM ?? DEFAULT_CAMERA_RANGE_M) / metresPerPx;
      if (!inside(x, y, reachPx + dotR)) continue;
      visible.push(i);
      camScreen.x[i] = x;
      camScreen.y[i] = y;
      camScreen.r[i] = dotR;
    }
    const coneFill = this.colour('--map-cone', 'rgba(62, 166, 255, 0.13)');
    const coneEdge = this.colour('--map-cone-edge', 'rgba(62, 166, 255, 0.45)');
    const seeing = this.colour('--map-seeing', '#7ee787');
    // Level of detail: cones only where they are big enough to read and few enough to stay
    // quick; the cones of the cameras that see the selected incident whenever they show at all.
    const coneCandidates = visible.filter((i) => (data.cameras[i]!.rangeM ?? DEFAULT_CAMERA_RANGE_M) / metresPerPx >= MIN_CONE_PX);
    const allCones = coneCandidates.length <= MAX_CONES;
    const conePaths = new Path2D();
    const seeingCones = new Path2D();
    for (const i of allCones ? coneCandidates : visible) {
      const cam = data.cameras[i]!;
      const isSeeing = data.seeingCameraIds.has(cam.id);
      if (!allCones && !(isSeeing && (cam.rangeM ?? DEFAULT_CAMERA_RANGE_M) / metresPerPx >= 3)) continue;
      const ring = this.coneWorld(cam);
      const path = isSeeing ? seeingCones : conePaths;
      // Closed by a line back to the first point, not closePath(): on one shared Path2D,
      // closePath costs time in the length of the whole path, which made N cones cost N².
      let x0 = 0;
      let y0 = 0;
      for (let k = 0; k < ring.length; k += 2) {
        const [x, y] = toCanvas(ring[k]!, ring[k + 1]!);
        if (k === 0) {
          path.moveTo(x, y);
          x0 = x;
          y0 = y;
        } else path.lineTo(x, y);
      }
      path.lineTo(x0, y0);
    }
    ctx.lineWidth = 1;
    ctx.fillStyle = coneFill;
    ctx.strokeStyle = coneEdge;
    ctx.fill(conePaths);
    // Edges only while there are few: at city scale they are noise and half the cost.
    if (coneCandidates.length <= MAX_CONE_EDGES) ctx.stroke(conePaths);
    ctx.fillStyle = withAlpha(seeing, 0.22);
    ctx.strokeStyle = seeing;
    ctx.fill(seeingCones);
    ctx.stroke(seeingCones);
    const online = new Path2D();
    const offline = new Path2D();
    const seeingDots = new Path2D();
    for (const i of visible) {
      const cam = data.cameras[i]!;
      const path = data.seeingCameraIds.has(cam.id) ? seeingDots : cam.online ? online : offline;
      const x = camScreen.x[i]!;
      const y = camScreen.y[i]!;
      path.moveTo(x + dotR, y);
      path.arc(x, y, dotR, 0, 2 * Math.PI);
    }
    ctx.fillStyle = this.colour('--muted', '#8797a8');
    ctx.fill(offline);
    ctx.fillStyle = this.colour('--accent', '#3ea6ff');
    ctx.fill(online);
    ctx.fillStyle = seeing;
    ctx.fill(seeingDots);
    this.screen.set('camera', camScreen);

    // Units: small squares by kind, dark edge so they read on any base map.
    const units = this.project('unit', data.units, (u) => u.location);
    const unitScreen = drawn(data.units);
    const byKind = new Map<string, Path2D>();
    for (let i = 0; i < data.units.length; i++) {
      if (Number.isNaN(units.x[i])) continue;
      const [x, y] = toCanvas(units.x[i]!, units.y[i]!);
      if (!inside(x, y, UNIT_HALF + 2)) continue;
      const kind = data.units[i]!.kind;
      let path = byKind.get(kind);
      if (!path) byKind.set(kind, (path = new Path2D()));
      path.rect(x - UNIT_HALF, y - UNIT_HALF, UNIT_HALF * 2, UNIT_HALF * 2);
      unitScreen.x[i] = x;
      unitScreen.y[i] = y;
      unitScreen.r[i] = UNIT_HALF + 1;
    }
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = this.colour('--bg', '#0b0f14');
    for (const [kind, path] of byKind) {
      ctx.fillStyle = this.colour(`unit-${kind}`, '#dbe4ee');
      ctx.fill(path);
      ctx.stroke(path);
    }
    this.screen.set('unit', unitScreen);

    // Incidents: finished ones small and faint, open ones by priority (most urgent on top), the
    // selected one last with a ring.
    const incs = this.project('incident', data.incidents, (i) => i.location);
    const incScreen = drawn(data.incidents);
    const finished = new Path2D();
    const byPriority = [new Path2D(), new Path2D(), new Path2D(), new Path2D()];
    let selected: [number, number, number] | null = null;
    for (let i = 0; i < data.incidents.length; i++) {
      const row = data.incidents[i]!;
      const [x, y] = toCanvas(incs.x[i]!, incs.y[i]!);
      if (!inside(x, y, SELECTED_R + 4)) continue;
      const isSelected = row.id === data.selectedIncidentId;
      const done = data.finishedIncidentIds.has(row.id);
      const r = isSelected ? SELECTED_R : done ? FINISHED_R : INCIDENT_R;
      incScreen.x[i] = x;
      incScreen.y[i] = y;
      incScreen.r[i] = r;
      if (isSelected) selected = [x, y, row.priority];
      const path = done ? finished : byPriority[row.priority - 1]!;
      path.moveTo(x + r, y);
      path.arc(x, y, r, 0, 2 * Math.PI);
    }
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = this.colour('--bg', '#0b0f14');
    ctx.globalAlpha = 0.55;
    ctx.fillStyle = this.colour('--p4', '#6c8aa6');
    ctx.fill(finished);
    ctx.globalAlpha = 1;
    for (let p = 4; p >= 1; p--) {
      ctx.fillStyle = this.colour(`--p${p}`, PRIORITY_FALLBACK[p - 1]!);
      ctx.fill(byPriority[p - 1]!);
      ctx.stroke(byPriority[p - 1]!);
    }
    if (selected) {
      const [x, y, p] = selected;
      ctx.beginPath();
      ctx.arc(x, y, SELECTED_R, 0, 2 * Math.PI);
      ctx.fillStyle = this.colour(`--p${p}`, PRIORITY_FALLBACK[p - 1]!);
      ctx.fill();
      ctx.lineWidth = 3;
      ctx.strokeStyle = this.colour('--text', '#dbe4ee');
      ctx.stroke();
      ctx.beginPath();
      ctx.arc(x, y, SELECTED_R + 5, 0, 2 * Math.PI);
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = this.colour('--text', '#dbe4ee');
      ctx.stroke();
    }
    this.screen.set('incident', incScreen);
    this.onSelectedDrawn?.(selected ? this._map.layerPointToContainerPoint(L.point(selected[0], selected[1]).add(this.origin)) : null);

    // The camera whose details are open.
    const camIndex = data.selectedCameraId === null ? -1 : data.cameras.findIndex((c) => c.id === data.selectedCameraId);
    if (camIndex >= 0 && !Number.isNaN(camScreen.x[camIndex])) {
      ctx.beginPath();
      ctx.arc(camScreen.x[camIndex]!, camScreen.y[camIndex]!, dotR + 5, 0, 2 * Math.PI);
      ctx.lineWidth = 2;
      ctx.strokeStyle = this.colour('--text', '#dbe4ee');
      ctx.stroke();
    }
  }

  /** A camera's cone in zoom-0 world pixels, [x0, y0, x1, y1, …], computed once per camera row. */
  private coneWorld(cam: VideoPoint): Float64Array {
    let ring = this.cones.get(cam);
    if (!ring) {
      const points = conePolygon(cam);
      ring = new Float64Array(points.length * 2);
      points.forEach((p, k) => {
        const shown = toDisplay(this.conesDatum, p);
        const w = worldPixel(this._map, shown.lat, shown.lon);
        ring![2 * k] = w.x;
        ring![2 * k + 1] = w.y;
      });
      this.cones.set(cam, ring);
    }
    return ring;
  }

  /** Ground metres per screen pixel at the centre of the view. */
  private metresPerPixel(): number {
    const map = this._map;
    const size = map.getSize();
    const y = size.y / 2;
    const metres = map.distance(map.containerPointToLatLng([0, y]), map.containerPointToLatLng([100, y]));
    return metres > 0 ? metres / 100 : 1;
  }

  private drawGraticule(ctx: CanvasRenderingContext2D, width: number, height: number): void {
    const map = this._map;
    const toCanvas = (lat: number, lon: number) => map.latLngToLayerPoint([lat, lon]).subtract(this.origin);
    const nw = map.layerPointToLatLng(this.origin);
    const se = map.layerPointToLatLng(this.origin.add([width, height]));
    const view = map.getBounds();
    const step = graticuleStep(Math.min(view.getEast() - view.getWest(), view.getNorth() - view.getSouth()), 4);
    const lats = graticuleLines(Math.max(-85, se.lat), Math.min(85, nw.lat), step);
    const lons = graticuleLines(Math.max(-180, nw.lng), Math.min(180, se.lng), step);
    ctx.lineWidth = 1;
    ctx.strokeStyle = this.colour('--map-grid', 'rgba(135, 151, 168, 0.18)');
    ctx.beginPath();
    for (const lat of lats) {
      const y = Math.round(toCanvas(lat, 0).y) + 0.5;
      ctx.moveTo(0, y);
      ctx.lineTo(width, y);
    }
    for (const lon of lons) {
      const x = Math.round(toCanvas(0, lon).x) + 0.5;
      ctx.moveTo(x, 0);
      ctx.lineTo(x, height);
    }
    ctx.stroke();
    // Labels along the top and left edges of what is on screen.
    const viewTopLeft = map.containerPointToLayerPoint([0, 0]).subtract(this.origin);
    ctx.fillStyle = this.colour('--map-grid-label', 'rgba(135, 151, 168, 0.75)');
    ctx.font = '11px system-ui, sans-serif';
    ctx.textBaseline = 'top';
    for (const lon of lons) ctx.fillText(formatDegrees(lon, 'lon', step), Math.round(toCanvas(0, lon).x) + 4, viewTopLeft.y + 4);
    ctx.textBaseline = 'bottom';
    for (const lat of lats) {
      const y = Math.round(toCanvas(lat, 0).y) - 3;
      if (y > viewTopLeft.y + 30) ctx.fillText(formatDegrees(lat, 'lat', step), viewTopLeft.x + 4, y);
    }
  }
}

const PRIORITY_FALLBACK = ['#ff4d4f', '#ff9f1a', '#e3c341', '#6c8aa6'];

/** `#rrggbb` with an alpha; any other colour syntax is returned unchanged. */
function withAlpha(colour: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  return m ? `rgba(${parseInt(m[1]!, 16)}, ${parseInt(m[2]!, 16)}, ${parseInt(m[3]!, 16)}, ${alpha})` : colour;
}
