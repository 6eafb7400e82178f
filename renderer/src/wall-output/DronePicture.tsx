// A drone on the wall: its video, and a map that follows it in the corner — where it is and which
// way it flies, next to what it sees. The map is centred on the drone's latest telemetry, so the
// arrow in its middle is the drone; with stale telemetry the arrow and the facts say so.
import { useTranslation } from 'react-i18next';
import type { StreamQuality } from '../../../electron/shared/contract/media';
import { STALE_MS, useDrones } from '../drones/drone-store';
import { formatInteger } from '../format/locale';
import { useNow } from '../shell/use-now';
import { useConsole } from '../state/console-store';
import { CameraPicture } from './CameraPicture';
import { MapPicture } from './MapPicture';

const ZOOM = 16;
const NO_OFFSET = { x: 0, y: 0 };

export function DronePicture({ droneId, quality }: { droneId: string; quality: StreamQuality }) {
  const { t } = useTranslation();
  const language = useConsole((s) => s.language);
  const callsign = useDrones((s) => s.drones.find((d) => d.id === droneId)?.callsign ?? droneId);
  const latest = useDrones((s) => s.latest.get(droneId));
  const now = useNow(1000);
  const position = latest?.t.position ?? null;
  const stale = !latest || now - latest.seenAt > STALE_MS;
  const altitude = latest?.t.altitudeM;
  return (
    <div className="wo-drone" data-testid="wo-drone" data-drone={droneId}>
      <CameraPicture cameraId={droneId} quality={quality} label={callsign} />
      <div className="wo-drone-map" data-testid="wo-drone-map" data-position={position ? `${position.lat.toFixed(6)},${position.lon.toFixed(6)}` : ''} data-stale={stale}>
        {position ? (
          <>
            <MapPicture center={position} zoom={ZOOM} offset={NO_OFFSET} />
            <span className={`wo-drone-arrow${stale ? ' stale' : ''}`} style={{ transform: `translate(-50%, -50%) rotate(${latest?.t.headingDeg ?? 0}deg)` }} aria-hidden>
              ▲
            </span>
          </>
        ) : (
          <span className="wo-drone-none">{t('wallOutput.droneNoPosition')}</span>
        )}
        <span className={`wo-drone-facts${stale ? ' stale' : ''}`} data-testid="wo-drone-facts">
          {callsign}
          {altitude !== undefined && altitude !== null ? ` · ${t('wallOutput.droneAltitude', { m: formatInteger(language, Math.round(altitude)) })}` : ''}
          {stale ? ` · ${t('wallOutput.droneStale')}` : ''}
        </span>
      </div>
    </div>
  );
}
