import * as L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../../electron/shared/domain/incident';
import type { VideoPoint } from '../../../electron/shared/domain/video-point';
import { fetchTileSources, pickBasemap, tileUrlTemplate } from '../map/basemap';
import { conePolygon } from '../map/geometry';

const PRIORITY_COLOUR = ['#ff4d4f', '#ff9f1a', '#e3c341', '#6c8aa6'];

/**
 * Where the incident is, at street scale, with the cameras that see it and their view cones:
 * a glance before opening the big map. Static (no dragging), so the detail pane scrolls freely.
 */
export function MiniMap({ incident, cameras }: { incident: Incident; cameras: readonly VideoPoint[] }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const here = L.latLng(incident.location.lat, incident.location.lon);
    const map = L.map(el, { preferCanvas: true, zoomControl: false, attributionControl: false, dragging: false, scrollWheelZoom: false, doubleClickZoom: false, boxZoom: false, keyboard: false, touchZoom: false });
    map.setView(here, 16, { animate: false });
    L.control.scale({ imperial: false, maxWidth: 100 }).addTo(map);
    let live = true;
    void fetchTileSources().then((sources) => {
      const base = pickBasemap(sources);
      if (live && base) L.tileLayer(tileUrlTemplate(base.id), { minZoom: base.metadata.minzoom, maxNativeZoom: base.metadata.maxzoom }).addTo(map);
    });
    for (const c of cameras) {
      L.polygon(
        conePolygon(c).map((p) => [p.lat, p.lon] as [number, number]),
        { color: '#3ea6ff', weight: 1, fillOpacity: 0.15, interactive: false },
      ).addTo(map);
      L.circleMarker([c.location.lat, c.location.lon], { radius: 4, color: '#0b0f14', weight: 1, fillColor: '#3ea6ff', fillOpacity: 1, interactive: false }).addTo(map);
    }
    L.circleMarker(here, { radius: 8, color: '#ffffff', weight: 2, fillColor: PRIORITY_COLOUR[incident.priority - 1] ?? '#ff4d4f', fillOpacity: 1, interactive: false }).addTo(map);
    const bounds = L.latLngBounds([here, ...cameras.map((c) => L.latLng(c.location.lat, c.location.lon))]);
    if (cameras.length) map.fitBounds(bounds.pad(0.6), { maxZoom: 17, animate: false });
    const resize = new ResizeObserver(() => map.invalidateSize({ pan: false }));
    resize.observe(el);
    return () => {
      live = false;
      resize.disconnect();
      map.remove();
    };
  }, [incident.location.lat, incident.location.lon, incident.priority, cameras]);

  return <div ref={box} className="mini-map" role="img" aria-label={t('incidents.detail.miniMap')} data-testid="mini-map" data-cameras={cameras.length} />;
}
