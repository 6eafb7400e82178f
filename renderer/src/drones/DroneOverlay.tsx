// A drone's telemetry over its video tile: altitude, heading, position and how old the telemetry
// is (stale after STALE_MS, drawn so). Re-rendered once a second so the age keeps counting.
import { useTranslation } from 'react-i18next';
import { formatInteger } from '../format/locale';
import { useNow } from '../shell/use-now';
import { useConsole } from '../state/console-store';
import { STALE_MS, useDrones } from './drone-store';

export function DroneOverlay({ id }: { id: string }) {
  const { t } = useTranslation();
  const language = useConsole((s) => s.language);
  const latest = useDrones((s) => s.latest.get(id));
  const now = useNow(1000);
  if (!latest) {
    return (
      <div className="drone-overlay stale" data-testid="drone-overlay" data-stale="true">
        {t('drones.noTelemetry')}
      </div>
    );
  }
  const d = latest.t;
  const ageS = Math.max(0, Math.round((now - latest.seenAt) / 1000));
  const stale = now - latest.seenAt > STALE_MS;
  const deg = (v: number | null) => (v === null ? '—' : `${formatInteger(language, Math.round(v) % 360)}°`);
  return (
    <dl className={`drone-overlay${stale ? ' stale' : ''}`} data-testid="drone-overlay" data-stale={String(stale)}>
      <dt>{t('drones.altitude')}</dt>
      <dd data-testid="drone-altitude">{d.altitudeM === null ? '—' : t('drones.metres', { m: formatInteger(language, Math.round(d.altitudeM)) })}</dd>
      <dt>{t('drones.heading')}</dt>
      <dd data-testid="drone-heading">{deg(d.headingDeg)}</dd>
      <dt>{t('drones.position')}</dt>
      <dd data-testid="drone-position">{d.position ? `${d.position.lat.toFixed(5)}, ${d.position.lon.toFixed(5)}` : '—'}</dd>
      <dt>{t('drones.age')}</dt>
      <dd data-testid="drone-age">{stale ? t('drones.staleFor', { s: formatInteger(language, ageS) }) : t('drones.seconds', { s: formatInteger(language, ageS) })}</dd>
    </dl>
  );
}
