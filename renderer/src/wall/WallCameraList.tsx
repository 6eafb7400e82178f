import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlotRef } from '../../../electron/shared/wall';
import { useConsole } from '../state/console-store';
import { CAMERA_DRAG_TYPE } from '../video/VideoTile';

const ROW_PX = 44;

/**
 * The camera catalogue beside the wall, as in the video view: drag a camera onto a slot of the
 * drawing, or select a slot and press Enter (or double-click) on a camera.
 */
export function WallCameraList({ slot, onShow }: { slot: SlotRef | null; onShow: (slot: SlotRef, cameraId: string) => void }) {
  const { t } = useTranslation();
  const cameras = useConsole((s) => s.videoPoints);
  const [query, setQuery] = useState('');
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return q ? cameras.filter((c) => `${c.name} ${c.district} ${c.department}`.toLowerCase().includes(q)) : cameras;
  }, [cameras, query]);
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtual = useVirtualizer({ count: shown.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_PX, overscan: 10 });

  return (
    <div className="pane wall-cameras">
      <div className="pane-head">
        <h2>{t('wall.cameras.title')}</h2>
        <span className="muted">{t('video.count', { count: cameras.length })}</span>
      </div>
      <input className="search" type="search" value={query} placeholder={t('wall.cameras.search')} aria-label={t('wall.cameras.search')} onChange={(e) => setQuery(e.target.value)} />
      <p className="muted small wall-cameras-hint">{t('wall.cameras.hint')}</p>
      <div className="camera-scroll" ref={scroller} role="listbox" aria-label={t('wall.cameras.list')} tabIndex={-1}>
        {shown.length === 0 ? (
          <p className="empty">{t('wall.cameras.empty')}</p>
        ) : (
          <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
            {virtual.getVirtualItems().map((row) => {
              const c = shown[row.index]!;
              return (
                <div
                  key={c.id}
                  role="option"
                  aria-selected={false}
                  tabIndex={0}
                  draggable
                  className="camera-row"
                  data-testid="wall-camera-row"
                  style={{ position: 'absolute', top: row.start, height: ROW_PX, left: 0, right: 0 }}
                  onDragStart={(e) => {
                    e.dataTransfer.setData(CAMERA_DRAG_TYPE, c.id);
                    e.dataTransfer.effectAllowed = 'copy';
                  }}
                  onDoubleClick={() => slot && onShow(slot, c.id)}
                  onKeyDown={(e) => {
                    if (e.key !== 'Enter' || !slot) return;
                    e.preventDefault();
                    onShow(slot, c.id);
                  }}
                >
                  <span className={`dot ${c.online ? 's-online' : 's-offline'}`} aria-label={c.online ? t('video.online') : t('video.offline')} />
                  <span className="camera-name">{c.name}</span>
                  <span className="muted small">{c.district}</span>
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
