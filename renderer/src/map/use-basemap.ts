// The base map a window's maps show, from the operator's choice (kept by main, pushed to every
// window) and the imported MBTiles maps the host lists.
import { useEffect, useMemo, useState } from 'react';
import { useConsole } from '../state/console-store';
import { mbtilesSources, resolveBasemap, type Basemap, type TileSource } from './basemap';

export function useBasemap(): { basemap: Basemap | null; mbtiles: readonly TileSource[]; refreshMbtiles: () => void } {
  const settings = useConsole((s) => s.mapSettings);
  const [mbtiles, setMbtiles] = useState<TileSource[] | null>(null);
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    let live = true;
    void mbtilesSources(asked > 0).then((list) => live && setMbtiles(list));
    return () => {
      live = false;
    };
  }, [asked]);
  const basemap = useMemo(() => (mbtiles ? resolveBasemap(settings.basemap, mbtiles, settings.onlineSources) : null), [mbtiles, settings]);
  return { basemap, mbtiles: mbtiles ?? [], refreshMbtiles: () => setAsked((n) => n + 1) };
}
