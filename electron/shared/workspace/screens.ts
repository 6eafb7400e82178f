// Displays as a browser describes them: the Window Management API's ScreenDetailed objects
// (`window.getScreenDetails()`), or the one `window.screen` a page can always see. Pure, so
// the renderer's conversion is tested without a browser; main validates the result again.
import { MAX_DISPLAYS, type Display } from './display';
import { intersection, MAX_COORDINATE, type Rect } from './rect';

/** The fields of a ScreenDetailed that matter here (plain numbers, so tests can build them). */
export interface ScreenLike {
  left: number;
  top: number;
  width: number;
  height: number;
  availLeft: number;
  availTop: number;
  availWidth: number;
  availHeight: number;
  devicePixelRatio: number;
  isPrimary: boolean;
  label: string;
}

const clampCoordinate = (v: number) => Math.max(-MAX_COORDINATE, Math.min(MAX_COORDINATE, Math.round(v)));
const clampExtent = (v: number) => Math.max(0, Math.min(MAX_COORDINATE, Math.round(v)));

function rectOf(x: number, y: number, width: number, height: number): Rect | null {
  const r = { x: clampCoordinate(x), y: clampCoordinate(y), width: clampExtent(width), height: clampExtent(height) };
  return r.width >= 1 && r.height >= 1 ? r : null;
}

/**
 * The screens as displays. A browser gives screens no id, so one is made from the label and
 * position (stable while the arrangement is); screens without an area are left out, and a
 * work area reaching outside its screen is cut to it.
 */
export function displaysFromScreens(screens: readonly ScreenLike[]): Display[] {
  const used = new Set<string>();
  const displays: Display[] = [];
  for (const s of screens.slice(0, MAX_DISPLAYS)) {
    const bounds = rectOf(s.left, s.top, s.width, s.height);
    if (!bounds) continue;
    const avail = rectOf(s.availLeft, s.availTop, s.availWidth, s.availHeight);
    const label = s.label.trim().slice(0, 60);
    let id = `${label || 'screen'}@${bounds.x},${bounds.y}`;
    for (let n = 2; used.has(id); n++) id = `${label || 'screen'}@${bounds.x},${bounds.y}#${n}`;
    used.add(id);
    const dpr = Number.isFinite(s.devicePixelRatio) ? s.devicePixelRatio : 1;
    displays.push({
      id,
      label,
      bounds,
      workArea: (avail && intersection(avail, bounds)) ?? bounds,
      scaleFactor: Math.max(0.25, Math.min(8, dpr)),
      primary: s.isPrimary && !displays.some((d) => d.primary),
    });
  }
  if (displays.length && !displays.some((d) => d.primary)) displays[0]!.primary = true;
  return displays;
}
