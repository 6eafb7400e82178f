// The map ("一张图"): incidents, units and cameras on a Leaflet map, over the base map the
// operator chose (an imported MBTiles map or a configured online source), over the bundled
// Natural Earth world map that is always there — never a blank square, with or without network. Clicking an incident selects it (as the queue does) and lists the cameras that
// see it; clicking a camera shows its details.
import 'leaflet/dist/leaflet.css';
import '../styles/map.css';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../../electron/shared/domain/incident';
import { camerasSeeing } from '../../../electron/shared/geo/camera-coverage';
import { useConsole } from '../state/console-store';
import { isFinished } from '../state/incident-order';
import { datumOf, tileLayerSpec } from '../map/basemap';
import { BasemapPicker } from '../map/BasemapPicker';
import { MapImport } from '../map/MapImport';
import { TileSourcesPanel } from '../map/TileSourcesPanel';
import { useBasemap } from '../map/use-basemap';
import type { MapData, MapHit } from '../map/data-layer';
import { dataBounds } from '../map/geometry';
import { MapSidePanel } from '../map/MapSidePanel';
import { useLeafletMap } from '../map/use-leaflet-map';
import { fromDisplay } from '../../../electron/shared/geo/display-datum';
import { PushToWall } from '../wall-push/PushToWall';
import { DronePanel } from '../drones/DronePanel';
import { useDrones } from '../drones/drone-store';
import { showDrone, useDroneLayer } from '../map/use-drone-layer';

type Layers = { incidents: boolean; units: boolean; cameras: boolean };
/** Kept while the window is open, so a trip to another view does not reset the operator's choice. */
let savedLayers: Layers = { incidents: true, units: true, cameras: true };

/** Finished incidents underneath, then open ones from least to most urgent, so the urgent draw on top. */
function drawOrder(a: Incident, b: Incident): number {
  return Number(isFinished(b)) - Number(isFinished(a)) || b.priority - a.priority || a.createdAt - b.createdAt;
}

export function MapView() {
  const { t } = useTranslation();
  const incidentMap = useConsole((s) => s.incidents);
  const unitMap = useConsole((s) => s.units);
  const allCameras = useConsole((s) => s.videoPoints);
  const selectedId = useConsole((s) => s.selectedIncidentId);
  const select = useConsole((s) => s.selectIncident);

  const [layers, setLayers] = useState<Layers>(savedLayers);
  const [cameraId, setCameraId] = useState<string | null>(null);
  const [droneId, setDroneId] = useState<string | null>(null);
  const drones = useDrones((s) => s.drones);
  const [sourcesOpen, setSourcesOpen] = useState(false);
  const { basemap, mbtiles, refreshMbtiles } = useBasemap();
  const datum = basemap ? datumOf(basemap) : 'wgs84';
  const tiles = useMemo(() => (basemap ? tileLayerSpec(basemap) : null), [basemap]);

  const toggle = (key: keyof Layers) =>
    setLayers((l) => {
      savedLayers = { ...l, [key]: !l[key] };
      return savedLayers;
    });

  const allIncidents = useMemo(() => [...incidentMap.values()].sort(drawOrder), [incidentMap]);
  const finishedIds = useMemo(() => new Set(allIncidents.filter(isFinished).map((i) => i.id)), [allIncidents]);
  const allUnits = useMemo(() => [...unitMap.values()].filter((u) => u.location !== null), [unitMap]);
  const selected = selectedId ? (incidentMap.get(selectedId) ?? null) : null;
  const camera = cameraId ? (allCameras.find((c) => c.id === cameraId) ?? null) : null;

  const bounds = useMemo(() => dataBounds([...allIncidents.map((i) => i.location), ...allCameras.map((c) => c.location), ...allUnits.map((u) => u.location!)]), [allIncidents, allCameras, allUnits]);

  const focusLat = selected?.location.lat;
  const focusLon = selected?.location.lon;
  const coverage = useMemo(
    () => (focusLat === undefined || focusLon === undefined ? null : camerasSeeing({ lat: focusLat, lon: focusLon }, allCameras)),
    [focusLat, focusLon, allCameras],
  );
  const seeingIds = useMemo(() => new Set((coverage ?? []).filter((c) => c.sees).map((c) => c.camera.id)), [coverage]);

  const data: MapData = useMemo(
    () => ({
      incidents: layers.incidents ? allIncidents : [],
      units: layers.units ? allUnits : [],
      cameras: layers.cameras ? allCameras : [],
      finishedIncidentIds: finishedIds,
      selectedIncidentId: selectedId,
      selectedCameraId: cameraId,
      seeingCameraIds: seeingIds,
      // Over the bundled world map alone, latitude and longitude lines give the scale of things.
      graticule: tiles === null,
      datum,
    }),
    [layers, allIncidents, allUnits, allCameras, finishedIds, selectedId, cameraId, seeingIds, tiles, datum],
  );

  const onHit = useCallback(
    (hit: MapHit | null) => {
      // A click on a drone clears this first, then the drone layer selects the drone.
      setDroneId(null);
      if (!hit) setCameraId(null);
      else if (hit.kind === 'incident') {
        select(hit.id);
        setCameraId(null);
      } else if (hit.kind === 'camera') setCameraId(hit.id);
    },
    [select],
  );

  const container = useRef<HTMLDivElement>(null);
  const zoomTitles = useMemo(() => ({ in: t('map.zoomIn'), out: t('map.zoomOut') }), [t]);
  const { map } = useLeafletMap(container, { data, bounds, tiles, datum, onHit, focus: selected?.location ?? null, zoomTitles });
  useDroneLayer(map, datum, droneId, setDroneId);
  // What the operator looks at now, as stored positions are (WGS-84), for a wall window.
  const mapView = useCallback(() => {
    if (!map) return null;
    const c = map.wrapLatLng(map.getCenter());
    return { kind: 'map' as const, center: fromDisplay(datum, { lat: c.lat, lon: c.lng }), zoom: Math.min(19, Math.max(3, map.getZoom())) };
  }, [map, datum]);

  return (
    <section className="view view-map" aria-labelledby="map-title">
      <div className="pane map-pane">
        <div className="pane-head map-head">
          <h1 id="map-title">{t('map.title')}</h1>
          {basemap && <BasemapPicker current={basemap} mbtiles={mbtiles} />}
          {datum === 'gcj02' && (
            <span className="map-note" role="note" data-testid="map-gcj-note">
              {t('map.gcjNote')}
            </span>
          )}
          <button type="button" data-testid="map-sources-toggle" aria-expanded={sourcesOpen} onClick={() => setSourcesOpen((o) => !o)}>
            {t('map.sources.open')}
          </button>
          <MapImport onImported={refreshMbtiles} />
          <PushToWall source={mapView} label={t('wallPush.mapView')} title={t('wallPush.mapViewTitle')} testId="map-push-view" className="wall-push-large" />
          <div className="map-layers" role="group" aria-label={t('map.layers')}>
            <LayerToggle on={layers.incidents} onToggle={() => toggle('incidents')} testId="map-layer-incidents" swatch="legend-incident" label={t('map.legendIncident')} />
            <LayerToggle on={layers.units} onToggle={() => toggle('units')} testId="map-layer-units" swatch="legend-unit" label={t('map.legendUnit')} />
            <LayerToggle on={layers.cameras} onToggle={() => toggle('cameras')} testId="map-layer-cameras" swatch="legend-camera" label={t('map.legendCamera')} />
          </div>
          {drones.map((d) => (
            <button key={d.id} type="button" className={`map-layer map-drone ${d.id === droneId ? 'on' : ''}`} aria-pressed={d.id === droneId} data-testid="map-drone" onClick={() => {
                setDroneId(d.id);
                showDrone(map, datum, d.id);
              }}
            >
              <span className="legend-swatch legend-drone" aria-hidden="true" />
              {d.callsign}
            </button>
          ))}
        </div>
        {sourcesOpen && <TileSourcesPanel onClose={() => setSourcesOpen(false)} />}
        <div className="map-body">
          <div
            ref={container}
            className="map-canvas"
            data-testid="map"
            data-incidents={data.incidents.length}
            data-units={data.units.length}
            data-cameras={data.cameras.length}
            data-basemap={basemap === null ? 'loading' : basemap.kind === 'bundled' ? 'bundled' : basemap.source.id}
            data-basemap-kind={basemap?.kind ?? 'loading'}
            data-datum={datum}
            role="application"
            aria-label={t('map.canvasLabel')}
            aria-describedby="map-keys"
          />
          {droneId ? <DronePanel id={droneId} onClose={() => setDroneId(null)} /> : <MapSidePanel incident={selected} coverage={coverage} camera={camera} onCamera={setCameraId} />}
        </div>
        <p id="map-keys" className="map-keys muted">
          {t('map.keysHint')}
        </p>
      </div>
    </section>
  );
}

function LayerToggle({ on, onToggle, testId, swatch, label }: { on: boolean; onToggle: () => void; testId: string; swatch: string; label: string }) {
  return (
    <button type="button" className={`map-layer ${on ? 'on' : ''}`} aria-pressed={on} data-testid={testId} onClick={onToggle}>
      <span className={`legend-swatch ${swatch}`} aria-hidden="true" />
      {label}
    </button>
  );
}
