// Owns one Leaflet map in a React element: created on mount, removed on unmount, its view
// remembered across the operator's trips to other views (the window keeps one map at a time).
import * as L from 'leaflet';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useConsole } from '../state/console-store';
import { DataLayer, type MapData, type MapHit } from './data-layer';
import type { GeoBounds } from './geometry';
import { escapeHtml, tileUrlTemplate, type TileSource } from './basemap';

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
    basemap: TileSource | null;
    onHit: (hit: MapHit | null) => void;
    focus: { lat: number; lon: number } | null;
    /** Tooltips of the zoom buttons, in the operator's language. */
    zoomTitles: { in: string; out: string };
  },
): LeafletMapHandle {
  const [handle, setHandle] = useState<LeafletMapHandle & { zoom: L.Control.Zoom | null }>({ map: null, layer: null, zoom: null });
  const onHit = useRef(opts.onHit);
  const titles = useRef(opts.zoomTitles);
  useEffect(() => {
    onHit.current = opts.onHit;
    titles.current = opts.zoomTitles;
  }, [opts.onHit, opts.zoomTitles]);

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
    const layer = new DataLayer((hit) => onHit.current(hit)).addTo(map);
    const remember = () => {
      if (lastView) lastView = { center: map.getCenter(), zoom: map.getZoom() };
    };
    map.on('moveend', remember);
    // Right-click on the map: a new incident at that spot (the form opens with its coordinates).
    const createHere = (e: L.LeafletMouseEvent) => {
      const s = useConsole.getState();
      if (!s.session || s.store?.state === 'damaged') return;
      s.setDraftLocation({ lat: e.latlng.lat, lon: e.latlng.lng });
      s.setView('incidents');
      s.setCreatingIncident(true);
    };
    map.on('contextmenu', createHere);
    const resize = new ResizeObserver(() => map.invalidateSize({ pan: false }));
    resize.observe(el);
    setHandle({ map, layer, zoom });
    return () => {
      resize.disconnect();
      map.off('moveend', remember);
      map.off('contextmenu', createHere);
      map.remove();
      setHandle({ map: null, layer: null, zoom: null });
    };
  }, [container]);

  const { map, layer, zoom } = handle;

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
    map.fitBounds(L.latLngBounds([b.south, b.west], [b.north, b.east]), { padding: [24, 24], animate: false, maxZoom: 16 });
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
    const at = L.latLng(focusLat, focusLon);
    if (!map.getBounds().pad(-0.1).contains(at)) map.panTo(at);
  }, [map, focusLat, focusLon]);

  const basemap = opts.basemap;
  useEffect(() => {
    if (!map || !basemap) return;
    const m = basemap.metadata;
    const b = m.bounds;
    const tiles = L.tileLayer(tileUrlTemplate(basemap.id), {
      minNativeZoom: m.minzoom,
      maxNativeZoom: m.maxzoom,
      maxZoom: MAX_ZOOM,
      // No requests for tiles the file cannot have.
      ...(b ? { bounds: L.latLngBounds([b.south, b.west], [b.north, b.east]) } : {}),
      attribution: m.attribution ? escapeHtml(m.attribution) : undefined,
      className: 'map-basemap',
    });
    tiles.addTo(map);
    tiles.bringToBack();
    return () => {
      tiles.remove();
    };
  }, [map, basemap]);

  return { map, layer };
}
