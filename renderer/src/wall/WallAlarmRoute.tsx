import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlarmRoute, SlotRef, WallState } from '../../../electron/shared/wall';
import { slotKey } from '../../../electron/shared/wall';
import { formatClock } from '../format/locale';
import { useConsole } from '../state/console-store';
import { priorityKey } from '../views/priority';
import { useWallLink } from './wall-context';
import { useWallView } from './wall-view-store';

const PRIORITIES = [1, 2, 3, 4] as const;

/**
 * Alarm routing: which incidents (by priority) put their cameras on which slots, the slots picked
 * on the drawing; and the alarms on the wall now.
 */
export function WallAlarmRoute({ wall, where }: { wall: WallState; where: (slot: SlotRef) => string }) {
  const { t } = useTranslation();
  return (
    <div className="wall-alarm">
      <p className="muted small">{t('wall.alarm.explain')}</p>
      {/* A change of the route by another console starts the form again from what is saved. */}
      <AlarmRouteForm key={JSON.stringify(wall.alarm)} route={wall.alarm} where={where} />
      <ActiveAlarms wall={wall} where={where} />
    </div>
  );
}

function AlarmRouteForm({ route, where }: { route: AlarmRoute; where: (slot: SlotRef) => string }) {
  const { t } = useTranslation();
  const link = useWallLink();
  const [draft, setDraft] = useState(route);
  const picking = useWallView((s) => s.picking);
  const startPicking = useWallView((s) => s.startPicking);
  const stopPicking = useWallView((s) => s.stopPicking);
  const slots = picking ?? draft.slots;
  // Leaving the tab (or the view) ends picking, so clicks on the drawing select again.
  useEffect(() => () => useWallView.getState().stopPicking(), []);

  const donePicking = () => {
    setDraft({ ...draft, slots: [...(picking ?? draft.slots)] });
    stopPicking();
  };
  const save = async () => {
    const next = { ...draft, slots: [...slots] };
    stopPicking();
    await link.call('wall.setAlarmRoute', { route: next });
  };

  return (
    <div className="wall-alarm-form">
      <label className="checkbox">
        <input type="checkbox" data-testid="wall-alarm-enabled" checked={draft.enabled} onChange={(e) => setDraft({ ...draft, enabled: e.target.checked })} />
        {t('wall.alarm.enabled')}
      </label>
      <label className="wall-field">
        <span className="muted small">{t('wall.alarm.minPriority')}</span>
        <select data-testid="wall-alarm-priority" value={draft.minPriority} onChange={(e) => setDraft({ ...draft, minPriority: Number(e.target.value) })}>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {t('wall.alarm.orMore', { priority: t(priorityKey(p)) })}
            </option>
          ))}
        </select>
      </label>
      <div className="muted small">{t('wall.alarm.slots')}</div>
      {slots.length === 0 ? (
        <p className="muted">{t('wall.alarm.noSlots')}</p>
      ) : (
        <ol className="wall-steps" data-testid="wall-alarm-slots">
          {slots.map((s) => (
            <li key={slotKey(s)} data-slot={slotKey(s)}>
              <span>{where(s)}</span>
              {!picking && (
                <button type="button" onClick={() => setDraft({ ...draft, slots: draft.slots.filter((x) => slotKey(x) !== slotKey(s)) })}>
                  {t('wall.alarm.removeSlot')}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {picking ? (
        <>
          <p className="wall-picking-hint" role="status">
            {t('wall.alarm.pickingHint')}
          </p>
          <button type="button" data-testid="wall-alarm-pick-done" onClick={donePicking}>
            {t('wall.alarm.donePicking')}
          </button>
        </>
      ) : (
        <button type="button" data-testid="wall-alarm-pick" onClick={() => startPicking(draft.slots)}>
          {t('wall.alarm.pick')}
        </button>
      )}
      <div className="wall-list-actions">
        <button type="button" className="primary" data-testid="wall-alarm-save" onClick={() => void save()}>
          {t('wall.alarm.save')}
        </button>
      </div>
    </div>
  );
}

function ActiveAlarms({ wall, where }: { wall: WallState; where: (slot: SlotRef) => string }) {
  const { t } = useTranslation();
  const incidents = useConsole((s) => s.incidents);
  const cameras = useConsole((s) => s.videoPoints);
  const language = useConsole((s) => s.language);
  const cameraName = (id: string) => cameras.find((c) => c.id === id)?.name ?? id;
  return (
    <section className="wall-alarms" aria-labelledby="wall-alarms-title">
      <h3 id="wall-alarms-title">{t('wall.alarm.active')}</h3>
      {wall.alarms.length === 0 ? (
        <p className="muted small">{t('wall.alarm.noActive')}</p>
      ) : (
        <ul className="wall-list">
          {wall.alarms.map((a) => {
            const incident = incidents.get(a.incidentId);
            return (
              <li key={a.incidentId} data-testid="wall-active-alarm" className="alarm">
                <div className="wall-list-head">
                  {incident && <span className={`priority p${incident.priority}`}>{t(priorityKey(incident.priority))}</span>}
                  <strong>{incident?.address ?? a.incidentId}</strong>
                  <span className="muted small">{t('wall.alarm.since', { time: formatClock(language, a.since) })}</span>
                </div>
                {incident?.summary && <div className="small">{incident.summary}</div>}
                <ul className="muted small">
                  {a.shown.map((s) => (
                    <li key={slotKey(s.slot)}>{t('wall.alarm.shows', { slot: where(s.slot), camera: cameraName(s.cameraId) })}</li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
