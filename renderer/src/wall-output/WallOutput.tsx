// A wall output: the page a wall-output window (Electron, on a wall output) or a browser on a
// wall-controller PC opens, `index.html?role=wall-output&monitor=r1c1` (that monitor's
// framebuffer) or `monitor=all` (the whole wall scaled into the page). No console around it:
// black, the cursor hidden when idle, and a small status corner only when something is wrong.
import '../styles/wall-output.css';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { slotKey, type WallSource } from '../../../electron/shared/wall';
import { useConsole } from '../state/console-store';
import { slotLabel } from '../wall-push/slot-label';
import { useWall } from '../wall/wall-store';
import { CameraPicture } from './CameraPicture';
import { DronePicture } from './DronePicture';
import { useWallReading } from './follow-wall';
import { IncidentCard } from './IncidentCard';
import { MapPicture } from './MapPicture';
import { cameraStreams, fitStage, monitorName, offsetFromCentre, parseMonitor, stageOf, type Piece } from './output-geometry';

const IDLE_CURSOR_MS = 3000;

function usePageSize(): { width: number; height: number } {
  const [size, setSize] = useState(() => ({ width: window.innerWidth, height: window.innerHeight }));
  useEffect(() => {
    const onResize = () => setSize({ width: window.innerWidth, height: window.innerHeight });
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return size;
}

/** True once the pointer has not moved for a while: the wall shows no cursor. */
function useIdle(ms: number): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    let timer = setTimeout(() => setIdle(true), ms);
    const wake = () => {
      setIdle(false);
      clearTimeout(timer);
      timer = setTimeout(() => setIdle(true), ms);
    };
    window.addEventListener('pointermove', wake);
    window.addEventListener('pointerdown', wake);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pointermove', wake);
      window.removeEventListener('pointerdown', wake);
    };
  }, [ms]);
  return idle;
}

export function WallOutput({ monitor }: { monitor: string | null }) {
  const { t } = useTranslation();
  const choice = useMemo(() => parseMonitor(monitor), [monitor]);
  const wall = useWall((s) => s.wall);
  const link = useConsole((s) => s.link);
  const readFailed = useWallReading((s) => s.failed);
  const page = usePageSize();
  const idle = useIdle(IDLE_CURSOR_MS);

  const stage = useMemo(() => (wall && choice ? stageOf(wall, choice) : null), [wall, choice]);
  const sources = useMemo(() => new Map<string, WallSource>((wall?.sources ?? []).map((s) => [slotKey(s.slot), s.source])), [wall]);
  const streams = useMemo(() => cameraStreams(stage?.pieces ?? [], sources), [stage, sources]);
  const fit = stage && choice ? fitStage(stage, page, choice) : null;
  const name = choice?.kind === 'one' ? monitorName(choice) : 'all';

  useEffect(() => {
    document.title = t('wallOutput.label', { monitor: choice?.kind === 'one' ? name : t('wallOutput.all') });
  }, [t, choice, name]);

  // What is wrong, if anything, most fundamental first.
  const problem =
    link === 'refused' ? t('wallOutput.link.refused')
    : link !== 'open' ? t(`wallOutput.link.${link}`)
    : !choice ? t('wallOutput.badMonitor', { monitor: monitor ?? '' })
    : !wall ? (readFailed ? t('wallOutput.unavailable', { problem: t(`errors.${readFailed}`) }) : t('wallOutput.waiting'))
    : !wall.available ? t('wallOutput.unavailable', { problem: wall.problem ?? '' })
    : !stage ? t('wallOutput.noMonitor', { monitor: name })
    : choice.kind === 'one' && !stage.monitors[0]?.present ? t('wallOutput.absent', { monitor: name })
    : null;

  return (
    <div className={`wall-output${idle ? ' wo-idle' : ''}`} data-testid="wall-output" data-monitor={name} data-revision={wall?.revision ?? ''}>
      {stage && fit && (
        <div
          className={`wo-stage${choice?.kind === 'all' ? ' wo-whole' : ''}`}
          data-testid="wo-stage"
          style={{ width: stage.width, height: stage.height, transform: `translate(${fit.x}px, ${fit.y}px) scale(${fit.scaleX}, ${fit.scaleY})` }}
        >
          {choice?.kind === 'all' &&
            stage.monitors.map((m) => (
              <div
                key={m.name}
                className={`wo-monitor${m.present ? '' : ' wo-absent'}`}
                data-testid="wo-monitor"
                data-monitor={m.name}
                style={{ left: m.rect.x, top: m.rect.y, width: m.rect.width, height: m.rect.height }}
              >
                {!m.present && <span className="wo-absent-label">{t('wallOutput.absent', { monitor: m.name })}</span>}
              </div>
            ))}
          {stage.pieces.map((p) => (
            <PieceView key={p.key} piece={p} source={sources.get(p.slotKey) ?? null} streams={streams} label={wall ? slotLabel(wall.layout, p.slot) : p.slotKey} />
          ))}
        </div>
      )}
      {problem && (
        <div className="wo-status" role="status" data-testid="wo-status">
          {problem}
        </div>
      )}
    </div>
  );
}

function PieceView({ piece: p, source, streams, label }: { piece: Piece; source: WallSource | null; streams: ReadonlyMap<string, 'main' | 'sub'>; label: string }) {
  const offset = useMemo(() => offsetFromCentre(p), [p]);
  return (
    <div
      className="wo-piece"
      data-testid="wo-piece"
      data-slot={p.slotKey}
      data-monitor={p.monitor}
      data-kind={source?.kind ?? 'empty'}
      style={{ left: p.box.x, top: p.box.y, width: p.box.width, height: p.box.height }}
    >
      <div
        className="wo-upright"
        style={{
          left: (p.box.width - p.upright.width) / 2,
          top: (p.box.height - p.upright.height) / 2,
          width: p.upright.width,
          height: p.upright.height,
          transform: p.rotation ? `rotate(${-p.rotation}deg)` : undefined,
        }}
      >
        {source?.kind === 'map' ? (
          <MapPicture center={source.center} zoom={source.zoom} offset={offset} />
        ) : (
          <div className="wo-full" style={{ left: p.full.x, top: p.full.y, width: p.full.width, height: p.full.height }}>
            {source?.kind === 'camera' ? (
              <CameraPicture cameraId={source.cameraId} quality={streams.get(source.cameraId) ?? source.quality} />
            ) : source?.kind === 'drone' ? (
              <DronePicture droneId={source.droneId} quality={streams.get(source.droneId) ?? 'main'} />
            ) : source?.kind === 'incident' ? (
              <IncidentCard incidentId={source.incidentId} />
            ) : (
              <span className="wo-slot-name" data-testid="wo-slot-name">
                {label}
              </span>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
