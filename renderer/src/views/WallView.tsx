import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { WallState } from '../../../electron/shared/wall';
import { useConsole } from '../state/console-store';
import { useWallEdits } from '../wall/use-wall-edits';
import { useWallSelection } from '../wall/use-wall-selection';
import { useWallShapes } from '../wall/use-wall-shapes';
import { useWallLink } from '../wall/wall-context';
import { useWall } from '../wall/wall-store';
import { CameraCatalogue } from '../video/CameraCatalogue';
import { WallCanvas } from '../wall/WallCanvas';
import { WallOutcomes } from '../wall/WallOutcomes';
import { WallPresence } from '../wall/WallPresence';
import { WallSelectionBar } from '../wall/WallSelectionBar';
import { WallSideTabs } from '../wall/WallSideTabs';
import { WallToolbar } from '../wall/WallToolbar';

/**
 * The wall view: the wall drawn to scale and edited here (docs/video-wall.md, "The wall view"),
 * cameras to drop on it, who else is working on it, and its presets, tours, alarm routing and
 * installer settings. Everything changes through main, which every console shares.
 */
export function WallView() {
  const { t } = useTranslation();
  const wall = useWall((s) => s.wall);
  if (!wall) {
    return (
      <section className="view view-wall" aria-labelledby="wall-title">
        <div className="pane placeholder-body" data-testid="wall-loading">
          <h1 id="wall-title">{t('wall.title')}</h1>
          <p className="muted">{t('wall.loading')}</p>
        </div>
      </section>
    );
  }
  if (!wall.available || !wall.geometry) {
    return (
      <section className="view view-wall" aria-labelledby="wall-title">
        <div className="pane placeholder-body wall-unavailable" role="alert" data-testid="wall-unavailable">
          <h1 id="wall-title">{t('wall.unavailable')}</h1>
          <p className="mono">{wall.problem}</p>
        </div>
      </section>
    );
  }
  return <WallWorkspace wall={wall} />;
}

function WallWorkspace({ wall }: { wall: WallState }) {
  const { t } = useTranslation();
  const link = useWallLink();
  const shapes = useWallShapes(wall);
  const selected = useWallSelection(shapes, wall.geometry!);
  const edits = useWallEdits();
  const cameraCount = useConsole((s) => s.videoPoints.length);
  const focus = selected.shape?.key ?? null;
  // Other consoles see what this one has selected.
  useEffect(() => link.focus(focus), [link, focus]);
  useEffect(() => () => link.focus(null), [link]);

  return (
    <section className="view view-wall" aria-labelledby="wall-title" data-testid="wall-view">
      <CameraCatalogue
        className="wall-cameras"
        head={
          <>
            <div className="pane-head">
              <h2>{t('wall.cameras.title')}</h2>
              <span className="muted">{t('video.count', { count: cameraCount })}</span>
            </div>
            <p className="muted small wall-cameras-hint">{t('wall.cameras.hint')}</p>
          </>
        }
        rowTestId="wall-camera-row"
        selectedId={null}
        onPick={(cameraId) => selected.shape && edits.show(selected.shape.slot, { kind: 'camera', cameraId })}
      />
      <div className="pane wall-main">
        <div className="pane-head">
          <h1 id="wall-title">{t('wall.title')}</h1>
          <span className="muted small mono" data-testid="wall-revision">
            {t('wall.revision', { revision: wall.revision })}
          </span>
          <WallToolbar wall={wall} selected={selected} edits={edits} />
        </div>
        {wall.problem && (
          <p className="notice tone-warn" role="status">
            {t('wall.problem', { problem: wall.problem })}
          </p>
        )}
        <div className="wall-canvas-box">
          <WallCanvas wall={wall} shapes={shapes} selected={selected} edits={edits} />
        </div>
        <WallSelectionBar wall={wall} selected={selected} edits={edits} />
        <WallOutcomes />
        <p className="muted small wall-keys">{t('wall.keys')}</p>
      </div>
      <div className="wall-side">
        <div className="pane wall-presence-pane">
          <WallPresence shapes={shapes} />
        </div>
        <WallSideTabs wall={wall} shapes={shapes} selectedSlot={selected.shape?.slot ?? null} />
      </div>
    </section>
  );
}
