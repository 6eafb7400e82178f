// Owns one Leaflet map in a React element: created on mount, removed on unmount, its view
// remembered across the operator's trips to other views (the window keeps one map at a time).
import * as L from 'leaflet';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useConsole } from '../state/console-store';
import { DataLayer, type MapData, type MapHit } from './data-layer';
import type { Datum } from '../../../electron/shared/domain/tile-source';
import { fromDisplay, toDisplay } from '../../../electron/shared/geo/display-datum';
import type { GeoBounds } from './geometry';
import { escapeHtml, type TileLayerSpec } from './basemap';
import { WORLD_PANE, WorldLayer } from './world-layer';

/** Where the map looked when the operator last left it; null until it has been fitted once. */
let lastView: { center: L.LatLng; zoom: number } | null = null;

/** Before any data: most of China, so the first fit moves into the city rather than across the globe. */
const START = { center: L.latLng(35, 105), zoom: 4 };
const MAX_ZOOM = 19;

export interface LeafletMapHandle {
  map: L.Map | null;
  layer: DataLayer | null;
}

export function useLeafletMap(
  container: RefObject<HTMLDivElement | null>,
  opts: {
    data: MapData;
    bounds: GeoBounds | null;
    /** The tiled base map over the bundled world map, if any. */
    tiles: TileLayerSpec | null;
    /** The base map's datum: marks are drawn shifted to it, clicks read back from it. */
    datum: Datum;
    onHit: (hit: MapHit | null) => void;
    focus: { lat: number; lon: number } | null;
    /** Tooltips of the zoom buttons, in the operator's language. */
    zoomTitles: { in: string; out: string };
  },
): LeafletMapHandle {
  const [handle, setHandle] = useState<LeafletMapHandle & { zoom: L.Control.Zoom | null; world: WorldLayer | null }>({ map: null, layer: null, zoom: null, world: null });
  const onHit = useRef(opts.onHit);
  const titles = useRef(opts.zoomTitles);
  const datum = useRef(opts.datum);
  useEffect(() => {
    onHit.current = opts.onHit;
    titles.current = opts.zoomTitles;
    datum.current = opts.datum;
  }, [opts.onHit, opts.zoomTitles, opts.datum]);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const map = L.map(el, {
      preferCanvas: true,
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
    // Top right: the graticule labels run along the top and left edges.
    const zoom = L.control.zoom({ position: 'topright', zoomInTitle: titles.current.in, zoomOutTitle: titles.current.out }).addTo(map);
    if (lastView) map.setView(lastView.center, lastView.zoom, { animate: false });
    else map.setView(START.center, START.zoom, { animate: false });
    // Beneath the tiles (tilePane is at 200): the bundled world map shows wherever a tiled map has no tiles.
    map.createPane(WORLD_PANE).style.zIndex = '150';
    const world = new WorldLayer();
    // What the map shows, for automated checks and screenshots: which world file, how zoomed, where the selected incident landed.
    const box = map.getContainer();
    world.onDrawn = (resolution, shapes) => {
      box.dataset.world = resolution ?? 'loading';
      box.dataset.worldShapes = String(shapes);
    };
    world.addTo(map);
    const layer = new DataLayer((hit) => onHit.current(hit)).addTo(map);
    layer.onSelectedDrawn = (at) => {
      if (at) box.dataset.selectedAt = `${Math.round(at.x)},${Math.round(at.y)}`;
      else delete box.dataset.selectedAt;
    };
    const remember = () => {
      box.dataset.zoom = String(map.getZoom());
      if (lastView) lastView = { center: map.getCenter(), zoom: map.getZoom() };
    };
    map.on('moveend', remember);
    // Right-click on the map: a new incident at that spot (the form opens with its coordinates),
    // read back from the base map's datum into the WGS-84 that is stored.
    const createHere = (e: L.LeafletMouseEvent) => {
      const s = useConsole.getState();
      if (!s.session || s.store?.state === 'damaged') return;
      s.setDraftLocation(fromDisplay(datum.current, { lat: e.latlng.lat, lon: e.latlng.lng }));
      s.setView('incidents');
      s.setCreatingIncident(true);
    };
    map.on('contextmenu', createHere);
    const resize = new ResizeObserver(() => map.invalidateSize({ pan: false }));
    resize.observe(el);
    setHandle({ map, layer, zoom, world });
    box.dataset.zoom = String(map.getZoom());
    return () => {
      resize.disconnect();
      map.off('moveend', remember);
      map.off('contextmenu', createHere);
      map.remove();
      setHandle({ map: null, layer: null, zoom: null, world: null });
    };
  }, [container]);

  const { map, layer, zoom, world } = handle;
  useEffect(() => {
    world?.setDatum(opts.datum);
  }, [world, opts.datum]);

  // Leaflet writes the titles once; a change of language rewrites them.
  const zoomIn = opts.zoomTitles.in;
  const zoomOut = opts.zoomTitles.out;
  useEffect(() => {
    const el = zoom?.getContainer();
    if (!el) return;
    el.querySelector('.leaflet-control-zoom-in')?.setAttribute('title', zoomIn);
    el.querySelector('.leaflet-control-zoom-in')?.setAttribute('aria-label', zoomIn);
    el.querySelector('.leaflet-control-zoom-out')?.setAttribute('title', zoomOut);
    el.querySelector('.leaflet-control-zoom-out')?.setAttribute('aria-label', zoomOut);
  }, [zoom, zoomIn, zoomOut]);

  // The first time there is data, show all of it; after that the operator's view is left alone.
  useEffect(() => {
    if (!map || lastView || !opts.bounds) return;
    const b = opts.bounds;
    const sw = toDisplay(datum.current, { lat: b.south, lon: b.west });
    const ne = toDisplay(datum.current, { lat: b.north, lon: b.east });
    map.fitBounds(L.latLngBounds([sw.lat, sw.lon], [ne.lat, ne.lon]), { padding: [24, 24], animate: false, maxZoom: 16 });
    lastView = { center: map.getCenter(), zoom: map.getZoom() };
  }, [map, opts.bounds]);

  useEffect(() => {
    layer?.setData(opts.data);
  }, [layer, opts.data]);

  // A selection made elsewhere (the queue, an alert) brings its incident into view.
  const focusLat = opts.focus?.lat;
  const focusLon = opts.focus?.lon;
  useEffect(() => {
    if (!map || focusLat === undefined || focusLon === undefined) return;
    const shown = toDisplay(datum.current, { lat: focusLat, lon: focusLon });
    const at = L.latLng(shown.lat, shown.lon);
    if (!map.getBounds().pad(-0.1).contains(at)) map.panTo(at);
  }, [map, focusLat, focusLon]);

  const tiles = opts.tiles;
  useEffect(() => {
    if (!map || !tiles) return;
    const layer = tiledBasemap(tiles, MAX_ZOOM).addTo(map);
    layer.bringToBack();
    return () => {
      layer.remove();
    };
    // One layer per spec key: a new object with the same key is the same map.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, tiles?.key]);

  return { map, layer };
}

/** A Leaflet tile layer for a base map; tiles outside its bounds are never asked for. */
export function tiledBasemap(spec: TileLayerSpec, maxZoom: number): L.TileLayer {
  const b = spec.bounds;
  return L.tileLayer(spec.url, {
    minNativeZoom: spec.minNativeZoom,
    maxNativeZoom: spec.maxNativeZoom,
    maxZoom,
    ...(b ? { bounds: L.latLngBounds([b.south, b.west], [b.north, b.east]) } : {}),
    attribution: spec.attribution ? escapeHtml(spec.attribution) : undefined,
    className: 'map-basemap',
  });
}
