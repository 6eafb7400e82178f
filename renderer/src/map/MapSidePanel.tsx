// Beside the map: the selected incident, the cameras that see it (best first, or the nearest
// when none does), and the details of the camera last clicked. The video player is a later
// step; until then a camera shows what the register knows about it.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../../electron/shared/domain/incident';
import type { VideoPoint } from '../../../electron/shared/domain/video-point';
import type { CameraCoverage } from '../../../electron/shared/geo/camera-coverage';
import { DEFAULT_CAMERA_RANGE_M } from '../../../electron/shared/geo/camera-coverage';
import { formatInteger } from '../format/locale';
import { useConsole } from '../state/console-store';
import { priorityKey } from '../views/priority';
import { PushToWall } from '../wall-push/PushToWall';

/** Enough to choose from; the rest are counted. */
const SHOWN = 12;

export function MapSidePanel({ incident, coverage, camera, onCamera }: { incident: Incident | null; coverage: readonly CameraCoverage[] | null; camera: VideoPoint | null; onCamera: (id: string | null) => void }) {
  const { t } = useTranslation();
  const language = useConsole((s) => s.language);
  const openCamera = useConsole((s) => s.openCamera);
  const metres = (m: number) => t('map.metres', { m: formatInteger(language, Math.round(m)) });
  const sees = coverage?.some((c) => c.sees) ?? false;
  const cameraCard = useRef<HTMLElement>(null);
  const cameraId = camera?.id;
  useEffect(() => {
    if (cameraId) cameraCard.current?.scrollIntoView({ block: 'nearest' });
  }, [cameraId]);

  return (
    <aside className="map-side" aria-label={t('map.sideLabel')} data-testid="map-side">
      {!incident ? (
        <p className="muted map-hint">{t('map.pickHint')}</p>
      ) : (
        <section className="map-card" data-testid="map-selected-incident" aria-labelledby="map-incident-title">
          <h2 id="map-incident-title">
            <span className={`priority p${incident.priority}`}>{t(priorityKey(incident.priority))}</span> {t(`incidentType.${incident.type}`)}
          </h2>
          <p className="map-address">{incident.address}</p>
          <p className="muted small">{t(`incidentStatus.${incident.status}`)}</p>
          <h3 className="map-subhead">{sees ? t('map.seeingTitle') : t('map.nearestTitle')}</h3>
          {coverage && coverage.length > 0 ? (
            <>
              <ul className="map-cameras">
                {coverage.slice(0, SHOWN).map((c) => (
                  <li key={c.camera.id}>
                    <button
                      type="button"
                      className={`map-camera ${c.camera.id === camera?.id ? 'current' : ''}`}
                      data-testid="map-seeing-camera"
                      aria-pressed={c.camera.id === camera?.id}
                      onClick={() => onCamera(c.camera.id)}
                    >
                      <span className="map-camera-name">{c.camera.name}</span>
                      <span className="muted small">
                        {metres(c.distanceM)}
                        {c.reason === 'all-round' ? ` · ${t('video.headingNone')}` : ''}
                        {c.camera.online ? '' : ` · ${t('video.offline')}`}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
              {coverage.length > SHOWN && <p className="muted small">{t('map.moreCameras', { count: coverage.length - SHOWN })}</p>}
            </>
          ) : (
            <p className="muted small">{t('map.noCameras')}</p>
          )}
        </section>
      )}
      {camera && (
        <section className="map-card" data-testid="map-camera-details" aria-labelledby="map-camera-name" ref={cameraCard}>
          <div className="map-card-head">
            <h2 id="map-camera-name">{camera.name}</h2>
            <button type="button" className="map-close" onClick={() => onCamera(null)} aria-label={t('map.closeCamera')}>
              ×
            </button>
          </div>
          <dl className="map-facts">
            <dt>{t('video.columns.department')}</dt>
            <dd>{camera.department}</dd>
            <dt>{t('video.columns.district')}</dt>
            <dd>{camera.district}</dd>
            <dt>{t('video.columns.codec')}</dt>
            <dd className="mono">{camera.codec.toUpperCase()}</dd>
            <dt>{t('video.columns.ptz')}</dt>
            <dd>{camera.ptz ? t('video.ptzYes') : t('video.ptzNo')}</dd>
            <dt>{t('video.columns.heading')}</dt>
            <dd>{camera.headingDeg === null || camera.fovDeg === null || camera.fovDeg >= 360 ? t('video.headingNone') : `${formatInteger(language, camera.headingDeg)}° / ${formatInteger(language, camera.fovDeg)}°`}</dd>
            <dt>{t('map.range')}</dt>
            <dd>{camera.rangeM === null ? t('map.rangeDefault', { range: metres(DEFAULT_CAMERA_RANGE_M) }) : metres(camera.rangeM)}</dd>
            <dt>{t('video.columns.online')}</dt>
            <dd>
              <span className={`status ${camera.online ? 's-online' : 's-offline'}`}>{camera.online ? t('video.online') : t('video.offline')}</span>
            </dd>
          </dl>
          <div className="map-card-actions">
            <button type="button" className="primary" data-testid="map-open-video" onClick={() => openCamera(camera.id)}>
              {t('map.openVideo')}
            </button>
            <PushToWall key={camera.id} source={{ kind: 'camera', cameraId: camera.id }} testId="map-push-camera" />
          </div>
        </section>
      )}

    </aside>
  );
}
