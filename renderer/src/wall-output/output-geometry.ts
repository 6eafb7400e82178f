// Where a wall output page draws each piece of the wall. Pure: main's wall state and the page's
// choice of monitor in, a "stage" of pieces out; the page scales the stage to its own size.
//
// - One monitor (`monitor=r1c1`): the stage is that monitor's framebuffer in panel pixels, each
//   piece at its `destination`, its picture turned `rotation` degrees anticlockwise so it stands
//   upright once the panel is turned on the wall.
// - The whole wall (`monitor=all`): the stage is the wall as the operator sees it, in millimetres
//   times one pixel density, each piece at its `wall` rectangle, upright; bezels and gaps are
//   what is left black between the monitors' active areas.
//
// Every piece carries its window's whole picture laid out at full size (`full`, relative to the
// upright piece): drawing that clipped to the piece shows exactly the crop the layout engine gave,
// so a window spanning monitors lines up across them (docs/video-wall.md).
import { slotKey, type MonitorRef, type SlotRef, type WallSource, type WallState } from '../../../electron/shared/wall';

export type MonitorChoice = { kind: 'all' } | { kind: 'one'; row: number; column: number };
export type Rotation = 0 | 90 | 180 | 270;
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Piece {
  /** Unique on the page: the monitor and the slot. */
  key: string;
  slot: SlotRef;
  slotKey: string;
  /** `r1c1`: the monitor the piece is on, 1-based as installers label them. */
  monitor: string;
  /** The piece on the stage (stage pixels), as drawn: turned pieces occupy their turned box. */
  box: Rect;
  /** Degrees to turn the upright picture anticlockwise (0 on the whole-wall stage). */
  rotation: Rotation;
  /** The piece as the operator sees it on the wall, before turning. */
  upright: { width: number; height: number };
  /** The window's whole picture, relative to the upright piece's top-left corner. */
  full: Rect;
}

export interface StageMonitor {
  name: string;
  /** Its picture area on the stage. */
  rect: Rect;
  present: boolean;
}

export interface Stage {
  width: number;
  height: number;
  monitors: StageMonitor[];
  /** In drawing order: per monitor, split cells first, then windows by z. */
  pieces: Piece[];
}

/** `r1c1` for row 0, column 0. */
export function monitorName(m: MonitorRef): string {
  return `r${m.row + 1}c${m.column + 1}`;
}

/** The page's `monitor` parameter: absent or `all` is the whole wall; `r2c3` one monitor; anything else null. */
export function parseMonitor(param: string | null): MonitorChoice | null {
  if (param === null || param === '' || param === 'all') return { kind: 'all' };
  const m = /^r(\d{1,2})c(\d{1,2})$/i.exec(param);
  if (!m || Number(m[1]) < 1 || Number(m[2]) < 1) return null;
  return { kind: 'one', row: Number(m[1]) - 1, column: Number(m[2]) - 1 };
}

const turned = (r: Rotation) => r === 90 || r === 270;

/** The window's whole picture for a piece of `upright` size showing `crop` of it. */
function fullPicture(upright: { width: number; height: number }, crop: Rect): Rect {
  const width = crop.width > 0 ? upright.width / crop.width : upright.width;
  const height = crop.height > 0 ? upright.height / crop.height : upright.height;
  return { x: -crop.x * width, y: -crop.y * height, width, height };
}

/**
 * The stage for the chosen monitor(s), or null when the wall has no such monitor. A wall the
 * engine refused or could not compute has no geometry: its stage has no pieces.
 */
export function stageOf(wall: WallState, choice: MonitorChoice): Stage | null {
  const { model, geometry, viewports } = wall;
  if (choice.kind === 'one') {
    if (choice.row >= model.rows || choice.column >= model.columns) return null;
    const monitor = model.monitors[choice.row * model.columns + choice.column];
    if (!monitor) return null;
    const { width, height } = monitor.resolution;
    const name = monitorName(choice);
    const pieces = viewports
      .filter((v) => v.monitor.row === choice.row && v.monitor.column === choice.column)
      .map((v): Piece => {
        const upright = turned(v.rotation) ? { width: v.destination.height, height: v.destination.width } : { width: v.destination.width, height: v.destination.height };
        const slot = { window: v.window, cell: v.cell };
        const key = slotKey(slot);
        return { key: `${name}|${key}`, slot, slotKey: key, monitor: name, box: { ...v.destination }, rotation: v.rotation, upright, full: fullPicture(upright, v.crop) };
      });
    return { width, height, monitors: [{ name, rect: { x: 0, y: 0, width, height }, present: monitor.present }], pieces };
  }
  if (!geometry) return { width: 16, height: 9, monitors: [], pieces: [] };
  // One pixel density for the whole wall: the first present monitor's (splice walls are uniform).
  const index = Math.max(0, model.monitors.findIndex((m) => m.present));
  const sample = model.monitors[index];
  const placed = geometry.monitors.find((m) => m.row === Math.floor(index / model.columns) && m.column === index % model.columns);
  const orientedWidth = sample && placed ? (turned(placed.rotation) ? sample.resolution.height : sample.resolution.width) : 1;
  const k = placed && placed.active.width > 0 ? orientedWidth / placed.active.width : 1;
  const scale = (r: Rect): Rect => ({ x: r.x * k, y: r.y * k, width: r.width * k, height: r.height * k });
  const pieces = viewports.map((v): Piece => {
    const box = scale(v.wall);
    const slot = { window: v.window, cell: v.cell };
    const key = slotKey(slot);
    const name = monitorName(v.monitor);
    return { key: `${name}|${key}`, slot, slotKey: key, monitor: name, box, rotation: 0, upright: { width: box.width, height: box.height }, full: fullPicture(box, v.crop) };
  });
  return {
    width: geometry.width * k,
    height: geometry.height * k,
    monitors: geometry.monitors.map((m) => ({ name: monitorName(m), rect: scale(m.active), present: m.present })),
    pieces,
  };
}

/** How the stage sits on the page: one monitor fills it (the page is its framebuffer); the whole wall keeps its shape, centred. */
export function fitStage(stage: { width: number; height: number }, page: { width: number; height: number }, choice: MonitorChoice): { x: number; y: number; scaleX: number; scaleY: number } {
  if (stage.width <= 0 || stage.height <= 0 || page.width <= 0 || page.height <= 0) return { x: 0, y: 0, scaleX: 1, scaleY: 1 };
  if (choice.kind === 'one') return { x: 0, y: 0, scaleX: page.width / stage.width, scaleY: page.height / stage.height };
  const s = Math.min(page.width / stage.width, page.height / stage.height);
  return { x: (page.width - stage.width * s) / 2, y: (page.height - stage.height * s) / 2, scaleX: s, scaleY: s };
}

/** Below this many pixels of whole picture a camera's sub-stream is enough (a 3 × 3 split of a 1080p monitor and smaller). */
export const SUB_STREAM_BELOW_PX = (1920 * 1080) / 5;

/**
 * The stream each camera plays on this page: one per camera, however many pieces show it, so
 * they share one decoder. The main stream if any window showing it is large and its operator
 * asked for the main stream; otherwise the sub-stream (main falls back to the main stream for a
 * camera without one).
 */
export function cameraStreams(pieces: readonly Piece[], sources: ReadonlyMap<string, WallSource>): Map<string, 'main' | 'sub'> {
  const out = new Map<string, 'main' | 'sub'>();
  for (const p of pieces) {
    const s = sources.get(p.slotKey);
    if (s?.kind !== 'camera') continue;
    const wantsMain = s.quality === 'main' && p.full.width * p.full.height >= SUB_STREAM_BELOW_PX;
    if (wantsMain || !out.has(s.cameraId)) out.set(s.cameraId, wantsMain ? 'main' : (out.get(s.cameraId) ?? 'sub'));
  }
  return out;
}

/**
 * Where the middle of an upright piece lies from the middle of its window's whole picture, in
 * stage pixels: a map piece shows the map centred that far from the source's centre.
 */
export function offsetFromCentre(piece: Pick<Piece, 'upright' | 'full'>): { x: number; y: number } {
  return {
    x: -piece.full.x + piece.upright.width / 2 - piece.full.width / 2,
    y: -piece.full.y + piece.upright.height / 2 - piece.full.height / 2,
  };
}
