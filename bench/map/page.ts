// The map benchmark's page: bundled for the browser by bench/map.bench.ts, served on loopback
// and driven with Playwright in Chromium. One variant per page load: Vigil's canvas DataLayer
// (the real module, set up the way use-leaflet-map.ts sets it up, without React around it) or
// plain Leaflet circle markers of the same rows, on the same map with the same view.
import * as L from 'leaflet';
import { DataLayer, type MapData } from '../../renderer/src/map/data-layer';
import { dataBounds } from '../../renderer/src/map/geometry';
import { isFinished } from '../../renderer/src/state/incident-order';
import type { Incident } from '../../electron/shared/domain/incident';
import type { Unit } from '../../electron/shared/domain/unit';
import type { VideoPoint } from '../../electron/shared/domain/video-point';
import { CENTRE, makeCameras, makeIncidents, makeUnits } from './data';
import type { FrameTrace, MapBench, PageResult, Sizes, Variant } from './protocol';

/** As renderer/src/styles/app.css and map.css colour them (and data-layer.ts falls back to). */
const COLOURS = {
  bg: '#0b0f14',
  accent: '#3ea6ff',
  muted: '#8797a8',
  priority: ['#ff4d4f', '#ff9f1a', '#e3c341', '#6c8aa6'],
  unit: { police: '#5b8cff', traffic: '#e3c341', fire: '#ff6b3d', ambulance: '#f2f2f2', city_management: '#3fb950', emergency: '#c678dd' },
} as const;

/** The view use-leaflet-map.ts starts from, and its zoom limits. */
const START = { center: L.latLng(35, 105), zoom: 4 };
const MAX_ZOOM = 19;
const STREET_ZOOM = 15;
const DEEPEST_ZOOM = 17;

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
async function frames(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await nextFrame();
}

/**
 * Runs one step per animation frame and records the interval between consecutive frames: step k
 * runs at the start of frame k, and the interval to frame k+1 holds its script, the style,
 * layout and paint it caused, and any work a layer deferred to the next frame.
 */
function stepped(map: L.Map, steps: readonly (() => void)[]): Promise<FrameTrace> {
  const intervals: number[] = [];
  const script: number[] = [];
  const firstZoom = map.getZoom();
  return new Promise((resolve) => {
    let k = 0;
    let last = -1;
    const tick = (ts: number) => {
      if (last >= 0) intervals.push(ts - last);
      last = ts;
      if (k === steps.length) {
        resolve({ intervals, script, zooms: [firstZoom, map.getZoom()] });
        return;
      }
      requestAnimationFrame(tick);
      const t = performance.now();
      steps[k++]!();
      script.push(performance.now() - t);
    };
    requestAnimationFrame(tick);
  });
}

/** Every frame's interval while `work` runs (for animations that pace themselves). */
async function recorded(map: L.Map, work: (script: number[]) => Promise<void>): Promise<FrameTrace> {
  const intervals: number[] = [];
  const script: number[] = [];
  const firstZoom = map.getZoom();
  let running = true;
  let last = -1;
  const tick = (ts: number) => {
    if (last >= 0) intervals.push(ts - last);
    last = ts;
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  await nextFrame();
  await work(script);
  running = false;
  await frames(2);
  return { intervals, script, zooms: [firstZoom, map.getZoom()] };
}

/**
 * 60 pans of 24 px (18 px vertically) — 1 440 px/s at 60 Hz, a brisk drag: right, down, left,
 * up, back where it started. Short enough that the whole city stays in view at the fitted zoom.
 */
function pans(map: L.Map): (() => void)[] {
  const moves: [number, number][] = [
    ...Array<[number, number]>(15).fill([24, 0]),
    ...Array<[number, number]>(15).fill([0, 18]),
    ...Array<[number, number]>(15).fill([-24, 0]),
    ...Array<[number, number]>(15).fill([0, -18]),
  ];
  return moves.map((m) => () => map.panBy(m, { animate: false }));
}

/** One level per frame from `from` to DEEPEST_ZOOM and back, twice. */
function zooms(map: L.Map, from: number): (() => void)[] {
  const levels: number[] = [];
  for (let round = 0; round < 2; round++) {
    for (let z = from + 1; z <= DEEPEST_ZOOM; z++) levels.push(z);
    for (let z = DEEPEST_ZOOM - 1; z >= from; z--) levels.push(z);
  }
  return levels.map((z) => () => map.setZoom(z, { animate: false }));
}

function plainMarkers(cameras: readonly VideoPoint[], units: readonly Unit[], incidents: readonly Incident[], finished: ReadonlySet<string>): L.Layer[] {
  const marks: L.Layer[] = [];
  for (const c of cameras) {
    marks.push(L.circleMarker([c.location.lat, c.location.lon], { radius: 3, stroke: false, fillColor: c.online ? COLOURS.accent : COLOURS.muted, fillOpacity: 1 }));
  }
  for (const u of units) {
    if (!u.location) continue;
    marks.push(L.circleMarker([u.location.lat, u.location.lon], { radius: 4.5, color: COLOURS.bg, weight: 1.5, fillColor: COLOURS.unit[u.kind], fillOpacity: 1 }));
  }
  for (const i of incidents) {
    const done = finished.has(i.id);
    marks.push(
      L.circleMarker([i.location.lat, i.location.lon], done
        ? { radius: 4, stroke: false, fillColor: COLOURS.priority[3], fillOpacity: 0.55 }
        : { radius: 6, color: COLOURS.bg, weight: 1.5, fillColor: COLOURS.priority[i.priority - 1], fillOpacity: 1 }),
    );
  }
  return marks;
}

async function run(variant: Variant, sizes: Sizes): Promise<PageResult> {
  // The rows exist before the clock starts: in Vigil they are in the window's store already.
  const cameras = makeCameras(sizes.cameras);
  const incidents = makeIncidents(sizes.incidents);
  const units = makeUnits(sizes.units);
  const el = document.getElementById('map')!;
  await frames(2);

  const t0 = performance.now();
  const finished = new Set(incidents.filter(isFinished).map((i) => i.id));
  const bounds = dataBounds([...incidents.map((i) => i.location), ...cameras.map((c) => c.location), ...units.map((u) => u.location!)])!;
  // As use-leaflet-map.ts creates the map; the plain-Leaflet SVG baseline differs only in the renderer.
  const map = L.map(el, {
    preferCanvas: variant !== 'leafletSvg',
    keyboard: true,
    keyboardPanDelta: 120,
    maxZoom: MAX_ZOOM,
    minZoom: 2,
    worldCopyJump: false,
    attributionControl: true,
    zoomControl: false,
  });
  map.attributionControl.setPrefix(false);
  L.control.scale({ imperial: false, maxWidth: 160 }).addTo(map);
  L.control.zoom({ position: 'topright' }).addTo(map);
  map.setView(START.center, START.zoom, { animate: false });
  if (variant === 'vigil') {
    const layer = new DataLayer(() => undefined).addTo(map);
    const data: MapData = {
      incidents,
      units,
      cameras,
      finishedIncidentIds: finished,
      selectedIncidentId: null,
      selectedCameraId: null,
      seeingCameraIds: new Set(),
      // Same content as the markers: no graticule (Vigil draws one only when no base map is imported).
      graticule: false,
      datum: 'wgs84',
    };
    map.fitBounds(L.latLngBounds([bounds.south, bounds.west], [bounds.north, bounds.east]), { padding: [24, 24], animate: false, maxZoom: 16 });
    layer.setData(data);
  } else {
    map.fitBounds(L.latLngBounds([bounds.south, bounds.west], [bounds.north, bounds.east]), { padding: [24, 24], animate: false, maxZoom: 16 });
    L.layerGroup(plainMarkers(cameras, units, incidents, finished)).addTo(map);
  }
  // The layer draws in the next frame (Vigil's and Leaflet's canvas) or the browser paints the
  // SVG after it; the frame after that begins once the drawing is on screen.
  await nextFrame();
  await nextFrame();
  const firstRenderMs = performance.now() - t0;
  const fitZoom = map.getZoom();
  const fitCenter = map.getCenter();
  const domNodes = document.getElementsByTagName('*').length;
  const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
  const heapMB = memory ? Math.round((memory.usedJSHeapSize / 1048576) * 10) / 10 : null;
  await frames(5);

  const pan = await stepped(map, pans(map));
  map.setView(fitCenter, fitZoom, { animate: false });
  await frames(5);
  const zoom = await stepped(map, zooms(map, fitZoom));
  map.setView([CENTRE.lat, CENTRE.lon], STREET_ZOOM, { animate: false });
  await frames(5);
  const panStreet = await stepped(map, pans(map));
  map.setView(fitCenter, fitZoom, { animate: false });
  await frames(5);
  const zoomAnimated = await recorded(map, async (script) => {
    for (const dz of [1, 1, 1, -1, -1, -1]) {
      const done = new Promise<void>((resolve) => map.once('zoomend', () => resolve()));
      const t = performance.now();
      map.setZoom(map.getZoom() + dz);
      script.push(performance.now() - t);
      await done;
      await nextFrame();
    }
  });
  map.remove();
  return { variant, firstRenderMs, fitZoom, domNodes, pan, zoom, panStreet, zoomAnimated, heapMB };
}

const bench: MapBench = { run };
(window as Window & { mapBench?: MapBench }).mapBench = bench;
