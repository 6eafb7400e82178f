// The base map choice, beside the map's title: the bundled world map, an imported MBTiles map, or
// a configured online source (with its datum). Kept by main for this workstation, so every
// window follows and it survives a restart.
import { useTranslation } from 'react-i18next';
import type { BasemapChoice } from '../../../electron/shared/domain/tile-source';
import { useConsole } from '../state/console-store';
import { useMain } from '../shell/main-context';
import { choiceOf, pickBasemap, type Basemap, type TileSource } from './basemap';

const valueOf = (c: BasemapChoice) => (c.kind === 'bundled' ? 'bundled' : `${c.kind}:${c.id}`);

export function BasemapPicker({ current, mbtiles }: { current: Basemap; mbtiles: readonly TileSource[] }) {
  const { t } = useTranslation();
  const main = useMain();
  const online = useConsole((s) => s.mapSettings.onlineSources);
  // Only maps Leaflet can draw: raster MBTiles.
  const raster = mbtiles.filter((m) => pickBasemap([m]) !== null);
  const choices: { choice: BasemapChoice; label: string }[] = [
    { choice: { kind: 'bundled' }, label: t('map.basemapBundled') },
    ...raster.map((m) => ({ choice: { kind: 'mbtiles', id: m.id } as const, label: t('map.basemapMbtiles', { name: m.metadata.name }) })),
    ...online.map((o) => ({ choice: { kind: 'online', id: o.id } as const, label: t('map.basemapOnline', { name: o.name, datum: t(`map.datum.${o.datum}`) }) })),
  ];
  return (
    <label className="map-basemap-picker">
      <span className="muted">{t('map.basemapLabel')}</span>
      <select
        data-testid="map-basemap"
        value={valueOf(choiceOf(current))}
        onChange={(e) => {
          const picked = choices.find((c) => valueOf(c.choice) === e.target.value);
          if (picked) void main.setBasemap(picked.choice);
        }}
      >
        {choices.map((c) => (
          <option key={valueOf(c.choice)} value={valueOf(c.choice)}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}
