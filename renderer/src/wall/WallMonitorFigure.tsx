import type { PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlacedMonitor } from '../../../electron/shared/wall';
import { monitorName } from './wall-drawing';

const NAME_PX = 11;
const PAD_PX = 4;

/** A monitor as built: its bezel (outer rectangle) and picture area. Clicking the picture selects the monitor. */
export function WallMonitorFigure({ monitor, selected, onPointerDown }: { monitor: PlacedMonitor; selected: boolean; onPointerDown: (e: PointerEvent) => void }) {
  const { outer, active } = monitor;
  return (
    <g className={`wall-monitor${monitor.present ? '' : ' missing'}${selected ? ' selected' : ''}`} data-testid="wall-monitor" data-monitor={monitorName(monitor)} data-present={monitor.present} onPointerDown={onPointerDown}>
      <rect className="monitor-bezel" x={outer.x} y={outer.y} width={outer.width} height={outer.height} />
      <rect className="monitor-screen" x={active.x} y={active.y} width={active.width} height={active.height} />
    </g>
  );
}

/**
 * Drawn above the slots: each monitor's name (and turn) unless its cells already bear it,
 * and over a monitor without output a hatch and "无输出", so whatever lies there is seen to be
 * missing from the wall.
 */
export function WallMonitorMarks({ monitor, scale, named }: { monitor: PlacedMonitor; scale: number; named: boolean }) {
  const { t } = useTranslation();
  const { active } = monitor;
  const name = monitorName(monitor);
  const px = (n: number) => n / scale;
  return (
    <g className="wall-monitor-marks" pointerEvents="none">
      {!monitor.present && (
        <>
          <rect className="monitor-hatch" x={active.x} y={active.y} width={active.width} height={active.height} fill="url(#wall-hatch)" />
          <text className="monitor-missing" data-testid="wall-monitor-missing" x={active.x + active.width / 2} y={active.y + active.height / 2} fontSize={px(14)} textAnchor="middle" dominantBaseline="middle">
            {t('wall.monitor.missing', { monitor: name })}
          </text>
        </>
      )}
      {(!named || monitor.rotation !== 0) && (
        <text className="monitor-name" x={active.x + active.width - px(PAD_PX)} y={active.y + active.height - px(PAD_PX)} fontSize={px(NAME_PX)} textAnchor="end">
          {monitor.rotation ? t('wall.monitor.rotated', { monitor: name, degrees: monitor.rotation }) : name}
        </text>
      )}
    </g>
  );
}
