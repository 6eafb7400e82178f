import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../state/console-store';
import { isFinished } from '../state/incident-order';
import { fitProjection, viewCone } from './map-projection';

const W = 1000;
const H = 640;
/** Cones drawn at least this big so a 100 m camera is visible across a whole city. */
const MIN_CONE = 9;

export function MapView() {
  const { t } = useTranslation();
  const incidents = useConsole((s) => s.incidents);
  const cameras = useConsole((s) => s.videoPoints);
  const selectedId = useConsole((s) => s.selectedIncidentId);
  const select = useConsole((s) => s.selectIncident);
  const rows = useMemo(() => [...incidents.values()], [incidents]);
  const projection = useMemo(() => fitProjection([...rows.map((i) => i.location), ...cameras.map((c) => c.location)], W, H), [rows, cameras]);

  return (
    <section className="view view-map" aria-labelledby="map-title">
      <div className="pane">
        <div className="pane-head">
          <h1 id="map-title">{t('map.title')}</h1>
          <span className="muted">{t('map.schematic')}</span>
          <span className="legend">
            <span className="legend-incident" aria-hidden="true" /> {t('map.legendIncident')}
            <span className="legend-camera" aria-hidden="true" /> {t('map.legendCamera')}
          </span>
        </div>
        {!projection ? (
          <p className="empty">{t('map.empty')}</p>
        ) : (
          <svg className="schematic" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="map-title" data-testid="map-schematic">
            {cameras.map((c) => {
              const { x, y } = projection.toXY(c.location);
              const r = Math.max(MIN_CONE, (c.rangeM ?? 100) * projection.perMetre);
              return (
                <g key={c.id} className={`camera ${c.online ? '' : 'offline'}`} data-testid="map-camera">
                  <title>{c.name}</title>
                  <path className="cone" d={viewCone(x, y, c.headingDeg, c.fovDeg, r)} />
                  <circle className="camera-dot" cx={x} cy={y} r={3} />
                </g>
              );
            })}
            {rows.map((i) => {
              const { x, y } = projection.toXY(i.location);
              const selected = i.id === selectedId;
              const label = `${t(`incidentType.${i.type}`)} · ${i.address}`;
              return (
                <g
                  key={i.id}
                  className={`incident p${i.priority} ${isFinished(i) ? 'finished' : ''} ${selected ? 'selected' : ''}`}
                  data-testid="map-incident"
                  role="button"
                  tabIndex={0}
                  aria-label={label}
                  aria-pressed={selected}
                  onClick={() => select(i.id)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      select(i.id);
                    }
                  }}
                >
                  <title>{label}</title>
                  <circle cx={x} cy={y} r={selected ? 11 : 8} />
                  {selected && (
                    <text x={x + 14} y={y + 5}>
                      {label}
                    </text>
                  )}
                </g>
              );
            })}
          </svg>
        )}
      </div>
    </section>
  );
}
