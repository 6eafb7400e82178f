// The map's drones (drone-layer.ts) kept in step with the drone store: redrawn on each telemetry
// event and once a second, so a drone that stops reporting turns stale on time.
import type * as L from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import type { Datum } from '../../../electron/shared/domain/tile-source';
import { droneFootprint } from '../../../electron/shared/geo/drone-footprint';
import { toDisplay } from '../../../electron/shared/geo/display-datum';
import { STALE_MS, useDrones } from '../drones/drone-store';
import { DroneLayer, type DroneMark } from './drone-layer';

/** Brings a drone into view (chosen from its button: it may be anywhere, or off the map). */
export function showDrone(map: L.Map | null, datum: Datum, id: string): void {
  const p = useDrones.getState().latest.get(id)?.t.position;
  if (!map || !p) return;
  const shown = toDisplay(datum, p);
  map.setView([shown.lat, shown.lon], Math.max(map.getZoom(), 15), { animate: false });
}

export function useDroneLayer(map: L.Map | null, datum: Datum, selectedId: string | null, onSelect: (id: string) => void): void {
  const [layer, setLayer] = useState<DroneLayer | null>(null);
  const select = useRef(onSelect);
  useEffect(() => {
    select.current = onSelect;
  }, [onSelect]);

  useEffect(() => {
    if (!map) return;
    const l = new DroneLayer((id) => select.current(id)).addTo(map);
    const box = map.getContainer();
    l.onDrawn = (at) => {
      box.dataset.drones = [...at].map(([id, p]) => `${id}@${Math.round(p.x)},${Math.round(p.y)}`).join(' ');
    };
    setLayer(l);
    return () => {
      l.remove();
      setLayer(null);
    };
  }, [map]);

  useEffect(() => {
    if (!layer) return;
    const draw = () => {
      const { drones, latest, tracks } = useDrones.getState();
      const now = Date.now();
      const marks: DroneMark[] = drones.flatMap((d) => {
        const l = latest.get(d.id);
        if (!l?.t.position) return [];
        const t = l.t;
        return [{
          id: d.id,
          label: d.callsign,
          position: t.position!,
          headingDeg: t.headingDeg,
          stale: now - l.seenAt > STALE_MS,
          selected: d.id === selectedId,
          track: tracks.get(d.id) ?? [],
          footprint: droneFootprint({ sensor: t.position, altitudeM: t.altitudeM, frameCenter: t.frameCenter, frameCenterElevationM: t.frameCenterElevationM, hfovDeg: t.hfovDeg, vfovDeg: t.vfovDeg, slantRangeM: t.slantRangeM, headingDeg: t.headingDeg }),
        }];
      });
      layer.setData(marks, datum);
    };
    draw();
    const unsubscribe = useDrones.subscribe(draw);
    const tick = setInterval(draw, 1000);
    return () => {
      unsubscribe();
      clearInterval(tick);
    };
  }, [layer, datum, selectedId]);
}
