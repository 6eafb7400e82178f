// Beside the map, for the selected drone: its live video (the same tile as in the video view,
// with the telemetry overlay), the telemetry counts, and a button that opens it in the video view.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInteger } from '../format/locale';
import { useConsole } from '../state/console-store';
import { VideoTile } from '../video/VideoTile';
import { useMay } from '../shell/use-may';
import { DroneEditor } from './DroneEditor';
import { droneVideoPoint, useDrones } from './drone-store';

export function DronePanel({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useConsole((s) => s.language);
  const openCamera = useConsole((s) => s.openCamera);
  const drone = useDrones((s) => s.drones.find((d) => d.id === id));
  const latest = useDrones((s) => s.latest.get(id));
  const [editing, setEditing] = useState(false);
  const mayEdit = useMay('drones.save');
  // Esc closes the panel, as it leaves an enlarged tile (not while typing somewhere).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || (e.target instanceof HTMLElement && e.target.closest('input, textarea, select'))) return;
      onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  if (!drone) return null;
  return (
    <aside className="map-side" aria-label={t('drones.panelLabel')} data-testid="drone-panel">
      <section className="map-card" aria-labelledby="drone-callsign">
        <div className="map-card-head">
          <h2 id="drone-callsign">{drone.callsign}</h2>
          <button type="button" className="map-close" onClick={onClose} aria-label={t('drones.close')} title={`${t('drones.close')} (Esc)`}>
            ×
          </button>
        </div>
        {drone.hasStream === false ? (
          <p className="muted small" data-testid="drone-no-video">
            {t('drones.noVideo')}
          </p>
        ) : (
          <div className="drone-video">
            <VideoTile index={0} camera={droneVideoPoint(drone, latest)} quality="main" selected={false} enlarged={false} onSelect={() => undefined} onDropCamera={() => undefined} onClear={onClose} onToggleEnlarge={() => openCamera(id)} />
          </div>
        )}
        <p className="muted small" data-testid="drone-counts">
          {t(`drones.source.${drone.telemetry}`)} · {t('drones.counts', { decoded: formatInteger(language, latest?.t.decoded ?? 0), skipped: formatInteger(language, latest?.t.skipped ?? 0) })}
        </p>
        <div className="map-card-actions">
          {drone.hasStream !== false && (
            <button type="button" className="primary" data-testid="drone-open-video" onClick={() => openCamera(id)}>
              {t('map.openVideo')}
            </button>
          )}
          {drone.origin === 'hub' && mayEdit && (
            <button type="button" data-testid="drone-edit" aria-expanded={editing} onClick={() => setEditing((e) => !e)}>
              {t('drones.edit.open')}
            </button>
          )}
        </div>
        {editing && drone.origin === 'hub' && <DroneEditor key={drone.id} drone={drone} onDone={() => setEditing(false)} />}
      </section>
    </aside>
  );
}
