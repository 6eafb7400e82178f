import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StreamQuality } from '../../../electron/shared/contract/media';
import { useConsole } from '../state/console-store';
import type { PlayerView } from '../video/stream-player';
import { videoSession } from '../video/video-session';

/**
 * A camera's whole picture in a wall window, through the window's one video session: every piece
 * of the page showing this camera (a window across monitors, or two windows) watches the same
 * stream, so main sends it once and it is decoded once; each piece's canvas gets every picture.
 * The camera's name sits small in the corner, as on a wall controller's on-screen display; words
 * appear in the middle only while there is no picture.
 */
/** `label` names a source the camera catalogue does not hold (a drone's callsign). */
export function CameraPicture({ cameraId, quality, label }: { cameraId: string; quality: StreamQuality; label?: string }) {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [view, setView] = useState<PlayerView | null>(null);
  const name = useConsole((s) => s.videoPoints.find((c) => c.id === cameraId)?.name ?? label ?? null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    return videoSession().watch(cameraId, quality, canvas, setView);
  }, [cameraId, quality]);

  const state = view?.unsupported ? 'failed' : (view?.state ?? 'connecting');
  const live = state === 'live' && (view?.framesDrawn ?? 0) > 0;
  const problem = view?.unsupported
    ? t('video.tile.unsupported', { codec: view.format?.codec.toUpperCase() ?? '' })
    : view?.reason && state !== 'live'
      ? t(`video.tile.reason.${view.reason}`)
      : null;
  return (
    <div className="wo-camera" data-testid="wo-camera" data-camera={cameraId} data-quality={quality} data-state={live ? 'live' : state === 'live' ? 'starting' : state} data-decoded-in-main={view?.decodedInMain ? 'true' : 'false'}>
      <canvas ref={canvasRef} className="wo-canvas" data-testid="wo-canvas" />
      <span className="wo-osd">
        {name ?? t('wallOutput.cameraUnknown', { id: cameraId })}
        {view?.decodedInMain && <span className="wo-osd-note"> · {t('wallOutput.softwareDecoding')}</span>}
      </span>
      {!live && (
        <span className={`wo-camera-state s-${state}`}>
          {t(`video.tile.state.${state}`)}
          {problem && <span className="wo-camera-problem">{problem}</span>}
        </span>
      )}
    </div>
  );
}
