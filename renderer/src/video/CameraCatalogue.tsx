import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../state/console-store';
import { CAMERA_DRAG_TYPE } from './VideoTile';

const ROW_PX = 44;

/**
 * The camera catalogue as a searchable, virtualised list (thousands of cameras stay fluid): drag a
 * camera out (onto a video tile or a wall slot), or press Enter or double-click to pick it. Beside
 * the video grid and beside the wall.
 */
export function CameraCatalogue({ className, head, rowTestId, selectedId, onPick }: { className: string; head: ReactNode; rowTestId: string; selectedId: string | null; onPick: (cameraId: string) => void }) {
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
    <div className={`pane camera-catalogue ${className}`}>
      {head}
      <input className="search" type="search" value={query} placeholder={t('video.search')} aria-label={t('video.search')} onChange={(e) => setQuery(e.target.value)} />
      <div className="camera-scroll" ref={scroller} role="listbox" aria-label={t('video.cameras')} tabIndex={-1}>
        {shown.length === 0 ? (
          <p className="empty">{t('video.empty')}</p>
        ) : (
          <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
            {virtual.getVirtualItems().map((row) => {
              const c = shown[row.index]!;
              return (
                <div
                  key={c.id}
                  role="option"
                  aria-selected={selectedId === c.id}
                  tabIndex={0}
                  draggable
                  className="camera-row"
                  data-testid={rowTestId}
                  style={{ position: 'absolute', top: row.start, height: ROW_PX, left: 0, right: 0 }}
                  onDragStart={(e) => {
                    e.dataTransfer.setData(CAMERA_DRAG_TYPE, c.id);
                    e.dataTransfer.effectAllowed = 'copy';
                  }}
                  onDoubleClick={() => onPick(c.id)}
                  onKeyDown={(e) => {
                    if (e.key !== 'Enter') return;
                    e.preventDefault();
                    onPick(c.id);
                  }}
                >
                  <span className={`dot ${c.online ? 's-online' : 's-offline'}`} aria-label={c.online ? t('video.online') : t('video.offline')} />
                  <span className="camera-name">{c.name}</span>
                  <span className="muted small">
                    {c.district} · {c.codec.toUpperCase()}
                    {c.ptz ? ` · ${t('video.ptzYes')}` : ''}
                  </span>
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
