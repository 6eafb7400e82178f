import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StreamQuality } from '../../../electron/shared/contract/media';
import type { VideoPoint } from '../../../electron/shared/domain/video-point';
import { formatDecimal, formatInteger } from '../format/locale';
import { useConsole } from '../state/console-store';
import type { PlayerView } from './stream-player';
import { videoSession } from './video-session';
import { PushToWall } from '../wall-push/PushToWall';
import { DroneOverlay } from '../drones/DroneOverlay';
import { isDroneId } from '../drones/drone-store';

export interface VideoTileProps {
  index: number;
  camera: VideoPoint | null;
  quality: StreamQuality;
  selected: boolean;
  enlarged: boolean;
  onSelect(): void;
  onDropCamera(cameraId: string): void;
  onClear(): void;
  onToggleEnlarge(): void;
}

export const CAMERA_DRAG_TYPE = 'application/x-vigil-camera';

/** Whether anyone can see this element: on screen, in a visible window. Hidden tiles are not decoded. */
function useSeen(ref: React.RefObject<HTMLElement | null>): boolean {
  const [onScreen, setOnScreen] = useState(true);
  const [pageVisible, setPageVisible] = useState(document.visibilityState !== 'hidden');
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const io = new IntersectionObserver((entries) => setOnScreen(entries.some((e) => e.isIntersecting)));
    io.observe(el);
    const onVisibility = () => setPageVisible(document.visibilityState !== 'hidden');
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      io.disconnect();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [ref]);
  return onScreen && pageVisible;
}

export function VideoTile(p: VideoTileProps) {
  const { t } = useTranslation();
  const language = useConsole((s) => s.language);
  const tileRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [view, setView] = useState<PlayerView | null>(null);
  const [info, setInfo] = useState(false);
  const [dragOver, setDragOver] = useState(false);
  const seen = useSeen(tileRef);
  const cameraId = p.camera?.id ?? null;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!cameraId || !canvas || !seen) {
      setView(null);
      return;
    }
    return videoSession().watch(cameraId, p.quality, canvas, setView);
  }, [cameraId, p.quality, seen]);

  const snapshot = () => {
    const canvas = canvasRef.current;
    if (!canvas || !p.camera || !view?.framesDrawn) return;
    canvas.toBlob((blob) => {
      if (!blob) return;
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `${p.camera!.name}-${stamp}.png`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    }, 'image/png');
  };

  const state = view?.unsupported ? 'failed' : (view?.state ?? null);
  const live = state === 'live' && (view?.framesDrawn ?? 0) > 0;
  return (
    <div
      ref={tileRef}
      className={`video-tile${p.selected ? ' selected' : ''}${dragOver ? ' drag-over' : ''}${state ? ` v-${state}` : ''}`}
      role="group"
      aria-label={t('video.tile.label', { n: p.index + 1 })}
      data-testid="video-tile"
      data-camera={p.camera?.id ?? ''}
      // "live" once a picture is on the canvas; a stream that plays but has not drawn yet is still starting.
      data-state={live ? 'live' : state === 'live' ? 'starting' : (state ?? 'empty')}
      tabIndex={0}
      onClick={p.onSelect}
      onFocus={p.onSelect}
      onDoubleClick={p.onToggleEnlarge}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && p.camera) p.onToggleEnlarge();
        else if ((e.key === 'Delete' || e.key === 'Backspace') && p.camera) p.onClear();
        else if (e.key === 'i' && p.camera) setInfo((v) => !v);
        else if (e.key === 's' && p.camera) snapshot();
        else return;
        e.preventDefault();
      }}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes(CAMERA_DRAG_TYPE)) return;
        e.preventDefault();
        setDragOver(true);
      }}
      onDragLeave={() => setDragOver(false)}
      onDrop={(e) => {
        setDragOver(false);
        const id = e.dataTransfer.getData(CAMERA_DRAG_TYPE);
        if (id) {
          e.preventDefault();
          p.onDropCamera(id);
        }
      }}
    >
      <canvas ref={canvasRef} className="video-canvas" data-testid="video-canvas" />
      {!p.camera ? (
        <span className="tile-empty">{t('video.tile.empty')}</span>
      ) : (
        <>
          <div className="tile-bar">
            <span className="tile-name">{p.camera.name}</span>
            <span className={`tile-state s-${state ?? 'connecting'}`} data-testid="tile-state">
              {t(`video.tile.state.${state ?? 'connecting'}`)}
            </span>
            <span className="tile-quality muted">{p.quality === 'main' ? t('video.tile.mainStream') : t('video.tile.subStream')}</span>
            {view?.decodedInMain && (
              <span className="tile-quality muted" data-testid="tile-software-decoding" title={t('video.tile.decodedInMainHint')}>
                {t('video.tile.decodedInMain')}
              </span>
            )}
            <span className="tile-actions">
              <PushToWall key={p.camera.id} source={isDroneId(p.camera.id) ? { kind: 'drone', droneId: p.camera.id } : { kind: 'camera', cameraId: p.camera.id }} testId="tile-push" />
              <button type="button" onClick={() => setInfo((v) => !v)} aria-pressed={info} title={`${t('video.tile.info')} (I)`}>
                ⓘ
              </button>
              <button type="button" onClick={snapshot} disabled={!live} title={`${t('video.tile.snapshot')} (S)`}>
                ⎙
              </button>
              <button type="button" onClick={p.onToggleEnlarge} title={p.enlarged ? t('video.tile.restore') : `${t('video.tile.enlarge')} (Enter)`}>
                {p.enlarged ? '⤡' : '⤢'}
              </button>
              <button type="button" onClick={p.onClear} title={`${t('video.tile.clear')} (Delete)`}>
                ✕
              </button>
            </span>
          </div>
          {(view?.unsupported || (state !== 'live' && view?.reason)) && (
            <div className="tile-problem" role="status" data-testid="tile-problem">
              {view?.unsupported ? t('video.tile.unsupported', { codec: view.format?.codec.toUpperCase() ?? '' }) : t(`video.tile.reason.${view!.reason!}`)}
              {view?.retryInMs != null && !view.unsupported && <span className="muted"> · {t('video.tile.retryIn', { seconds: Math.max(1, Math.round(view.retryInMs / 1000)) })}</span>}
            </div>
          )}
          {isDroneId(p.camera.id) && <DroneOverlay id={p.camera.id} />}
          {info && view && (
            <dl className="tile-info" data-testid="tile-info">
              <dt>{t('video.tile.codec')}</dt>
              <dd>{view.format ? `${view.format.codec.toUpperCase()} ${view.format.profile} ${view.format.level}` : '—'}</dd>
              <dt>{t('video.tile.resolution')}</dt>
              <dd>{view.format ? `${view.format.width}×${view.format.height}` : '—'}</dd>
              <dt>{t('video.tile.frameRate')}</dt>
              <dd>{view.stats ? t('video.tile.fps', { value: formatDecimal(language, view.stats.frameRate) }) : '—'}</dd>
              <dt>{t('video.tile.bitrate')}</dt>
              <dd>{view.stats ? t('video.tile.kbps', { value: formatInteger(language, view.stats.bitrateKbps) }) : '—'}</dd>
              <dt>{t('video.tile.keyframeInterval')}</dt>
              <dd>{view.stats?.keyframeIntervalS != null ? t('video.tile.seconds', { value: formatDecimal(language, view.stats.keyframeIntervalS) }) : '—'}</dd>
              <dt>{t('video.tile.latency')}</dt>
              <dd>{view.latencyMs ? t('video.tile.ms', { p50: formatInteger(language, view.latencyMs.p50), p95: formatInteger(language, view.latencyMs.p95) }) : '—'}</dd>
              <dt>{t('video.tile.skipped')}</dt>
              <dd>{formatInteger(language, view.skipped)}</dd>
            </dl>
          )}
        </>
      )}
    </div>
  );
}
