import 'leaflet/dist/leaflet.css';
import '../styles/map.css';
import * as L from 'leaflet';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { GeoPoint } from '../../../electron/shared/domain/incident';
import { toDisplay } from '../../../electron/shared/geo/display-datum';
import { datumOf, tileLayerSpec } from '../map/basemap';
import { DataLayer, type MapData } from '../map/data-layer';
import { useBasemap } from '../map/use-basemap';
import { tiledBasemap } from '../map/use-leaflet-map';
import { WORLD_PANE, WorldLayer } from '../map/world-layer';
import { isFinished } from '../state/incident-order';
import { useConsole } from '../state/console-store';

const MAX_ZOOM = 19;
const NO_IDS: ReadonlySet<string> = new Set();

/**
 * One piece of a map window: a Leaflet map the size of the piece, looking where that part of the
 * window's whole map lies — the source's centre shifted by the piece's offset from the window's
 * middle, in Web Mercator pixels at the source's zoom. Pieces of one window thus join into one
 * map across monitors without any of them drawing more than its own part. Not interactive: the
 * wall is looked at, not handled. The console's base map (and the bundled world map beneath it)
 * and its incidents, units and cameras, shifted to the base map's datum.
 */
export function MapPicture({ center, zoom, offset }: { center: GeoPoint; zoom: number; offset: { x: number; y: number } }) {
  const box = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<{ map: L.Map; world: WorldLayer; data: DataLayer } | null>(null);
  const { basemap } = useBasemap();
  const datum = basemap ? datumOf(basemap) : 'wgs84';
  const tiles = useMemo(() => (basemap ? tileLayerSpec(basemap) : null), [basemap]);
  const incidentMap = useConsole((s) => s.incidents);
  const unitMap = useConsole((s) => s.units);
  const cameras = useConsole((s) => s.videoPoints);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const m = L.map(el, {
      preferCanvas: true,
      zoomSnap: 0,
      maxZoom: MAX_ZOOM,
      minZoom: 2,
      zoomControl: false,
      attributionControl: false,
      dragging: false,
      scrollWheelZoom: false,
      doubleClickZoom: false,
      boxZoom: false,
      keyboard: false,
      touchZoom: false,
      fadeAnimation: false,
      zoomAnimation: false,
    });
    m.setView([0, 0], 3, { animate: false });
    m.createPane(WORLD_PANE).style.zIndex = '150';
    const world = new WorldLayer();
    world.onDrawn = (resolution) => {
      el.dataset.world = resolution ?? 'loading';
    };
    world.addTo(m);
    const data = new DataLayer(() => undefined).addTo(m);
    const resize = new ResizeObserver(() => m.invalidateSize({ pan: false }));
    resize.observe(el);
    setMap({ map: m, world, data });
    return () => {
      resize.disconnect();
      m.remove();
      setMap(null);
    };
  }, []);

  useEffect(() => {
    map?.world.setDatum(datum);
  }, [map, datum]);

  // Where this piece looks: the source's centre (in the base map's datum), moved by the offset.
  const { lat, lon } = center;
  useEffect(() => {
    if (!map) return;
    const shown = toDisplay(datum, { lat, lon });
    const crs = L.CRS.EPSG3857;
    const middle = crs.latLngToPoint(L.latLng(shown.lat, shown.lon), zoom).add(L.point(offset.x, offset.y));
    map.map.setView(crs.pointToLatLng(middle, zoom), zoom, { animate: false });
    box.current!.dataset.zoom = String(zoom);
  }, [map, datum, lat, lon, zoom, offset.x, offset.y]);

  useEffect(() => {
    if (!map || !tiles) return;
    const layer = tiledBasemap(tiles, MAX_ZOOM).addTo(map.map);
    layer.bringToBack();
    return () => {
      layer.remove();
    };
    // One layer per spec key: a new object with the same key is the same map.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, tiles?.key]);

  const data: MapData = useMemo(() => {
    const incidents = [...incidentMap.values()].sort((a, b) => Number(isFinished(b)) - Number(isFinished(a)) || b.priority - a.priority);
    return {
      incidents,
      units: [...unitMap.values()].filter((u) => u.location !== null),
      cameras,
      finishedIncidentIds: new Set(incidents.filter(isFinished).map((i) => i.id)),
      selectedIncidentId: null,
      selectedCameraId: null,
      seeingCameraIds: NO_IDS,
      graticule: tiles === null,
      datum,
    };
  }, [incidentMap, unitMap, cameras, tiles, datum]);
  useEffect(() => {
    map?.data.setData(data);
  }, [map, data]);

  return <div ref={box} className="wo-map view-map" data-testid="wo-map" data-basemap={basemap === null ? 'loading' : basemap.kind} data-datum={datum} />;
}
