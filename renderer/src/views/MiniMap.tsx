import * as L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../../electron/shared/domain/incident';
import type { VideoPoint } from '../../../electron/shared/domain/video-point';
import { toDisplay } from '../../../electron/shared/geo/display-datum';
import { datumOf, tileLayerSpec } from '../map/basemap';
import { conePolygon } from '../map/geometry';
import { useBasemap } from '../map/use-basemap';
import { tiledBasemap } from '../map/use-leaflet-map';
import { WORLD_PANE, WorldLayer } from '../map/world-layer';

const PRIORITY_COLOUR = ['#ff4d4f', '#ff9f1a', '#e3c341', '#6c8aa6'];

/**
 * Where the incident is, at street scale, with the cameras that see it and their view cones:
 * a glance before opening the big map. Static (no dragging), so the detail pane scrolls freely.
 * Same base map as the big map (bundled world map beneath), every mark shifted to its datum.
 */
export function MiniMap({ incident, cameras }: { incident: Incident; cameras: readonly VideoPoint[] }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const { basemap } = useBasemap();
  const datum = basemap ? datumOf(basemap) : 'wgs84';
  const tiles = basemap ? tileLayerSpec(basemap) : null;
  const tilesKey = tiles?.key;
  const { lat, lon } = incident.location;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const shown = (p: { lat: number; lon: number }): [number, number] => {
      const d = toDisplay(datum, p);
      return [d.lat, d.lon];
    };
    const here = L.latLng(shown({ lat, lon }));
    const map = L.map(el, { preferCanvas: true, zoomControl: false, attributionControl: false, dragging: false, scrollWheelZoom: false, doubleClickZoom: false, boxZoom: false, keyboard: false, touchZoom: false });
    map.setView(here, 16, { animate: false });
    L.control.scale({ imperial: false, maxWidth: 100 }).addTo(map);
    map.createPane(WORLD_PANE).style.zIndex = '150';
    const world = new WorldLayer();
    world.setDatum(datum);
    world.addTo(map);
    if (tiles) tiledBasemap(tiles, 19).addTo(map);
    for (const c of cameras) {
      L.polygon(
        conePolygon(c).map(shown),
        { color: '#3ea6ff', weight: 1, fillOpacity: 0.15, interactive: false },
      ).addTo(map);
      L.circleMarker(shown(c.location), { radius: 4, color: '#0b0f14', weight: 1, fillColor: '#3ea6ff', fillOpacity: 1, interactive: false }).addTo(map);
    }
    L.circleMarker(here, { radius: 8, color: '#ffffff', weight: 2, fillColor: PRIORITY_COLOUR[incident.priority - 1] ?? '#ff4d4f', fillOpacity: 1, interactive: false }).addTo(map);
    const bounds = L.latLngBounds([here, ...cameras.map((c) => L.latLng(shown(c.location)))]);
    if (cameras.length) map.fitBounds(bounds.pad(0.6), { maxZoom: 17, animate: false });
    const resize = new ResizeObserver(() => map.invalidateSize({ pan: false }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      map.remove();
    };
    // The tile layer is made anew only when its key changes, not for an equal spec object.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lat, lon, incident.priority, cameras, datum, tilesKey]);

  return <div ref={box} className="mini-map" role="img" aria-label={t('incidents.detail.miniMap')} data-testid="mini-map" data-cameras={cameras.length} data-datum={datum} />;
}
