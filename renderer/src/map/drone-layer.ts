// Drones on the map, on their own canvas above the operational layer: for each drone the sensor
// footprint (when the telemetry has a frame centre and both fields of view), the recent track,
// and a marker pointing along its heading with its callsign. A drone whose telemetry is older than
// STALE_MS is drawn grey and dashed, its label saying how old. Few drones: projected per drawing.
import * as L from 'leaflet';
import type { GeoPoint } from '../../../electron/shared/domain/incident';
import type { Datum } from '../../../electron/shared/domain/tile-source';
import { toDisplay } from '../../../electron/shared/geo/display-datum';
import { CanvasLayer, worldPixel, type Frame } from './canvas-layer';

export interface DroneMark {
  id: string;
  label: string;
  position: GeoPoint;
  headingDeg: number | null;
  stale: boolean;
  selected: boolean;
  track: readonly GeoPoint[];
  footprint: readonly GeoPoint[] | null;
}

const LIVE = '#f5b83d';
const STALE = '#7c8594';
const FOOTPRINT = 'rgba(86, 194, 255, 0.9)';
const FOOTPRINT_FILL = 'rgba(86, 194, 255, 0.16)';
const HIT_PX = 14;

export class DroneLayer extends CanvasLayer {
  private marks: readonly DroneMark[] = [];
  private datum: Datum = 'wgs84';
  private drawnAt = new Map<string, [number, number]>();
  /** Told after each drawing where every drone landed (container pixels), for automated checks. */
  onDrawn: ((at: ReadonlyMap<string, L.Point>) => void) | null = null;

  constructor(private readonly onHit: (id: string) => void) {
    super('overlayPane', 'map-drone-layer');
  }

  setData(marks: readonly DroneMark[], datum: Datum): void {
    this.marks = marks;
    this.datum = datum;
    this.requestDraw();
  }

  override onAdd(map: L.Map): this {
    map.on('click', this.onClick, this);
    return super.onAdd(map);
  }

  override onRemove(map: L.Map): this {
    map.off('click', this.onClick, this);
    return super.onRemove(map);
  }

  /** The drone under a point of the map's container, if any. */
  hitAt(containerPoint: L.Point): string | null {
    if (!this._map) return null;
    const p = this._map.containerPointToLayerPoint(containerPoint).subtract(this.origin);
    let best: string | null = null;
    let bestD = HIT_PX;
    for (const [id, [x, y]] of this.drawnAt) {
      const d = Math.hypot(p.x - x, p.y - y);
      if (d <= bestD) [best, bestD] = [id, d];
    }
    return best;
  }

  /** Where a drone was drawn, in container pixels (for tests and screenshots), or null. */
  drawnPoint(id: string): L.Point | null {
    const at = this.drawnAt.get(id);
    return at && this._map ? this._map.layerPointToContainerPoint(L.point(at[0], at[1]).add(this.origin)) : null;
  }

  private onClick(e: L.LeafletMouseEvent): void {
    const id = this.hitAt(e.containerPoint);
    if (id) this.onHit(id);
  }

  protected paint(ctx: CanvasRenderingContext2D, frame: Frame): void {
    const map = this._map;
    this.drawnAt = new Map();
    const at = (p: GeoPoint): [number, number] => {
      const d = toDisplay(this.datum, p);
      const w = worldPixel(map, d.lat, d.lon);
      return frame.toCanvas(w.x, w.y);
    };
    for (const m of this.marks) {
      const colour = m.stale ? STALE : LIVE;
      ctx.setLineDash(m.stale ? [6, 5] : []);
      if (m.footprint && m.footprint.length >= 3) {
        ctx.beginPath();
        m.footprint.forEach((p, i) => (i === 0 ? ctx.moveTo(...at(p)) : ctx.lineTo(...at(p))));
        ctx.closePath();
        ctx.fillStyle = m.stale ? 'rgba(124, 133, 148, 0.12)' : FOOTPRINT_FILL;
        ctx.strokeStyle = m.stale ? STALE : FOOTPRINT;
        ctx.lineWidth = 1.5;
        ctx.fill();
        ctx.stroke();
      }
      if (m.track.length >= 2) {
        ctx.beginPath();
        m.track.forEach((p, i) => (i === 0 ? ctx.moveTo(...at(p)) : ctx.lineTo(...at(p))));
        ctx.strokeStyle = m.stale ? STALE : 'rgba(245, 184, 61, 0.75)';
        ctx.lineWidth = 2;
        ctx.stroke();
      }
      const [x, y] = at(m.position);
      if (!frame.inside(x, y, 40)) continue;
      this.drawnAt.set(m.id, [x, y]);
      ctx.setLineDash([]);
      if (m.selected) {
        ctx.beginPath();
        ctx.arc(x, y, 17, 0, 2 * Math.PI);
        ctx.strokeStyle = '#ffffff';
        ctx.lineWidth = 2;
        ctx.stroke();
      }
      // An arrow along the heading (a circle when the drone does not send one).
      ctx.save();
      ctx.translate(x, y);
      ctx.beginPath();
      if (m.headingDeg === null) ctx.arc(0, 0, 8, 0, 2 * Math.PI);
      else {
        ctx.rotate((m.headingDeg * Math.PI) / 180);
        ctx.moveTo(0, -13);
        ctx.lineTo(9, 10);
        ctx.lineTo(0, 5);
        ctx.lineTo(-9, 10);
        ctx.closePath();
      }
      ctx.fillStyle = colour;
      ctx.strokeStyle = '#10141b';
      ctx.lineWidth = 2;
      ctx.fill();
      ctx.stroke();
      ctx.restore();
      ctx.font = '600 12px system-ui, "Noto Sans CJK SC", sans-serif';
      ctx.lineWidth = 3;
      ctx.strokeStyle = 'rgba(12, 15, 20, 0.9)';
      ctx.fillStyle = colour;
      ctx.strokeText(m.label, x + 16, y - 10);
      ctx.fillText(m.label, x + 16, y - 10);
    }
    if (this.onDrawn) this.onDrawn(new Map([...this.drawnAt.keys()].map((id) => [id, this.drawnPoint(id)!])));
  }
}
