import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../state/console-store';
import { GRID_SIZES, placeCamera, qualityFor, tileForNewCamera } from '../video/video-layout';
import { CameraCatalogue } from '../video/CameraCatalogue';
import { VideoTile } from '../video/VideoTile';
import { droneVideoPoint, useDrones } from '../drones/drone-store';

/**
 * The video view: a grid of 1 to 36 tiles and the camera list beside it. Cameras go onto tiles by
 * drag and drop or by keyboard (select a tile, then Enter on a camera); each grid size keeps its
 * own cameras, kept by main with the window's state (a restart or a crash restores them). Double-click or Enter enlarges a tile (main stream).
 */
export function VideoView() {
  const { t } = useTranslation();
  const cameras = useConsole((s) => s.videoPoints);
  const cameraToOpen = useConsole((s) => s.cameraToOpen);
  const openCamera = useConsole((s) => s.openCamera);
  const layout = useConsole((s) => s.videoLayout);
  const setLayout = useConsole((s) => s.setVideoLayout);
  const [selected, setSelected] = useState(0);
  const [enlarged, setEnlarged] = useState<number | null>(null);
  // Drones play in tiles like cameras (their id names their stream).
  const drones = useDrones((s) => s.drones);
  const byId = useMemo(() => new Map([...cameras.map((c) => [c.id, c] as const), ...drones.map((d) => [d.id, droneVideoPoint(d, undefined)] as const)]), [cameras, drones]);

  useEffect(() => {
    if (!cameraToOpen) return;
    const tile = tileForNewCamera(layout, Math.min(selected, layout.grid - 1));
    // A camera opened from another view is placed once, in answer to the store (checked since the
    // camera list moved out to CameraCatalogue: the virtualiser had kept this rule off the view).
    setLayout(placeCamera(layout, tile, cameraToOpen));
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSelected(tile);
    openCamera(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cameraToOpen]);

  useEffect(() => {
    if (enlarged === null) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setEnlarged(null);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enlarged]);

  const tiles = layout.tiles[layout.grid];
  const side = Math.sqrt(layout.grid);
  const indices = enlarged !== null ? [enlarged] : tiles.map((_, i) => i);

  return (
    <section className="view view-video" aria-labelledby="video-title">
      <CameraCatalogue
        className="video-cameras"
        head={
          <div className="pane-head">
            <h1 id="video-title">{t('video.title')}</h1>
            <span className="muted">{t('video.count', { count: cameras.length })}</span>
          </div>
        }
        rowTestId="video-point-row"
        selectedId={tiles[selected] ?? null}
        onPick={(id) => setLayout(placeCamera(layout, selected, id))}
      />
      <div className="pane video-main">
        <div className="pane-head video-toolbar">
          <span className="muted">{t('video.grid')}</span>
          <div className="segmented" role="group" aria-label={t('video.grid')}>
            {GRID_SIZES.map((n) => (
              <button
                key={n}
                type="button"
                aria-pressed={layout.grid === n}
                onClick={() => {
                  setEnlarged(null);
                  setSelected((s) => Math.min(s, n - 1));
                  setLayout({ ...layout, grid: n });
                }}
              >
                {t('video.gridN', { n })}
              </button>
            ))}
          </div>
          <span className="muted small video-hint">{t('video.hint')}</span>
        </div>
        <div className="video-grid" data-testid="video-grid" style={{ gridTemplateColumns: `repeat(${enlarged !== null ? 1 : side}, 1fr)`, gridTemplateRows: `repeat(${enlarged !== null ? 1 : side}, 1fr)` }}>
          {indices.map((i) => (
            <VideoTile
              key={`${layout.grid}-${i}`}
              index={i}
              camera={tiles[i] ? (byId.get(tiles[i]!) ?? null) : null}
              quality={qualityFor(layout.grid, enlarged === i)}
              selected={selected === i}
              enlarged={enlarged === i}
              onSelect={() => setSelected(i)}
              onDropCamera={(id) => {
                setLayout(placeCamera(layout, i, id));
                setSelected(i);
              }}
              onClear={() => setLayout(placeCamera(layout, i, null))}
              onToggleEnlarge={() => setEnlarged((e) => (e === i ? null : i))}
            />
          ))}
        </div>
      </div>
    </section>
  );
}
