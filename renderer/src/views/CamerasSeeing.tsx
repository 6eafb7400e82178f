import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { camerasSeeing } from '../../../electron/shared/geo/camera-coverage';
import type { Incident } from '../../../electron/shared/domain/incident';
import { formatInteger } from '../format/locale';
import { useConsole } from '../state/console-store';
import { MiniMap } from './MiniMap';
import { PushToWall } from '../wall-push/PushToWall';

const SHOWN = 5;

/**
 * Which cameras actually see the incident, from each camera's position, heading, field of view
 * and range — best first; when none does, the nearest ones, marked as such. One click opens the
 * camera in the video view.
 */
export function CamerasSeeing({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const cameras = useConsole((s) => s.videoPoints);
  const language = useConsole((s) => s.language);
  const ranked = useMemo(() => camerasSeeing(incident.location, cameras).slice(0, SHOWN), [incident.location, cameras]);
  const seeing = useMemo(() => ranked.filter((c) => c.sees).map((c) => c.camera), [ranked]);
  const openCamera = useConsole((s) => s.openCamera);
  const reason = { 'in-view': t('incidents.cameras.inView'), 'all-round': t('incidents.cameras.allRound'), nearest: t('incidents.cameras.nearest') } as const;

  return (
    <section className="detail-section" aria-labelledby="cameras-title" data-testid="cameras-seeing">
      <h3 id="cameras-title">{t('incidents.cameras.title')}</h3>
      <MiniMap incident={incident} cameras={seeing} />
      {ranked.length === 0 ? (
        <p className="muted">{t('incidents.cameras.none')}</p>
      ) : (
        <ul className="camera-list">
          {ranked.map((c) => (
            <li key={c.camera.id} data-testid="camera-seeing" data-sees={c.sees} data-reason={c.reason}>
              <button type="button" className="link" onClick={() => openCamera(c.camera.id)} title={t('incidents.cameras.openVideo')}>
                {c.camera.name}
              </button>
              <span className={c.sees ? 'tag ok' : 'tag'}>{reason[c.reason]}</span>
              <span className="muted small num">{t('incidents.cameras.distanceM', { m: formatInteger(language, Math.round(c.distanceM)) })}</span>
              {!c.camera.online && <span className="tag bad">{t('incidents.cameras.offline')}</span>}
              <PushToWall source={{ kind: 'camera', cameraId: c.camera.id }} testId="push-camera" />
              <span className="muted small camera-facts">
                {c.camera.department} · {c.camera.codec.toUpperCase()} · {c.camera.ptz ? t('video.ptzYes') : t('video.ptzNo')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
