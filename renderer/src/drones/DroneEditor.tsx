// The small editor of a hub drone record in the drone panel: callsign, where its position comes
// from, and a new stream address (the current one stays in main and is never shown; left empty,
// it is kept). Saved as an action for the hub: works offline, shows at once.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DRONE_TELEMETRY_SOURCES, DroneEdit, type Drone } from '../../../electron/shared/domain/drone';
import { useMain } from '../shell/main-context';
import type { FailureCode } from '../state/outcome';

type Problem = 'badCallsign' | 'badStream';
type Result = { ok: true } | { ok: false; code: FailureCode | Problem };

export function DroneEditor({ drone, onDone }: { drone: Drone; onDone: () => void }) {
  const { t } = useTranslation();
  const main = useMain();
  const [callsign, setCallsign] = useState(drone.callsign);
  const [telemetry, setTelemetry] = useState<Drone['telemetry']>(drone.telemetry);
  const [stream, setStream] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    const parsed = DroneEdit.safeParse({ id: drone.id, callsign, telemetry, ...(stream.trim() ? { streamUrl: stream.trim() } : {}) });
    if (!parsed.success) {
      setResult({ ok: false, code: parsed.error.issues.some((i) => i.path[0] === 'callsign') ? 'badCallsign' : 'badStream' });
      return;
    }
    setBusy(true);
    const got = await main.drones.save(parsed.data);
    setBusy(false);
    setResult(got.ok ? { ok: true } : { ok: false, code: got.code });
    if (got.ok) setStream('');
  }

  const message = (r: Result): string => {
    if (r.ok) return t('drones.edit.saved');
    if (r.code === 'badCallsign' || r.code === 'badStream') return t(`drones.edit.${r.code}`);
    if (r.code === 'conflict') return t('drones.edit.callsignTaken');
    return t('errors.actionFailed', { action: t('drones.edit.save'), reason: t(`errors.${r.code}`) });
  };

  return (
    <form className="drone-editor" data-testid="drone-editor" onSubmit={(e) => void submit(e)} aria-label={t('drones.edit.title')}>
      <label>
        {t('drones.edit.callsign')}
        <input type="text" data-testid="drone-edit-callsign" maxLength={40} autoFocus value={callsign} onChange={(e) => setCallsign(e.target.value)} />
      </label>
      <label>
        {t('drones.edit.telemetry')}
        <select data-testid="drone-edit-telemetry" value={telemetry} onChange={(e) => setTelemetry(e.target.value as Drone['telemetry'])}>
          {DRONE_TELEMETRY_SOURCES.map((s) => (
            <option key={s} value={s}>
              {t(`drones.source.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('drones.edit.stream')}
        <input type="text" className="mono" data-testid="drone-edit-stream" maxLength={500} placeholder={t(drone.hasStream ? 'drones.edit.streamKeep' : 'drones.edit.streamNone')} value={stream} onChange={(e) => setStream(e.target.value)} />
      </label>
      <p className="muted small">{t('drones.edit.streamHint')}</p>
      <div className="map-card-actions">
        <button type="submit" className="primary" data-testid="drone-edit-save" disabled={busy}>
          {t('drones.edit.save')}
        </button>
        <button type="button" data-testid="drone-edit-close" onClick={onDone}>
          {t('drones.edit.close')}
        </button>
        {result && (
          <span role="status" className={result.ok ? 'tag ok' : 'tag bad'} data-testid="drone-edit-result" data-ok={result.ok}>
            {message(result)}
          </span>
        )}
      </div>
    </form>
  );
}
