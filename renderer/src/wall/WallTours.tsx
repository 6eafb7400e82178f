import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlotRef, Tour, WallState } from '../../../electron/shared/wall';
import { useNow } from '../shell/use-now';
import { slotRefName } from './slot-text';
import { draftOfTour, newTourDraft, type TourDraft } from './tour-draft';
import { TourEditor } from './TourEditor';
import { useArmed } from './use-armed';
import { useWallLink } from './wall-context';
import type { SlotShape } from './wall-drawing';

/** Tours: cameras (in one slot) or presets (the whole wall) in turn, each for its dwell time; started and stopped here. */
export function WallTours({ wall, shapes, selectedSlot }: { wall: WallState; shapes: readonly SlotShape[]; selectedSlot: SlotRef | null }) {
  const { t } = useTranslation();
  const link = useWallLink();
  const [editing, setEditing] = useState<TourDraft | null>(null);
  const remove = useArmed();
  const now = useNow(1000);
  const where = (slot: SlotRef | null) => (slot ? slotRefName(t, shapes, slot) : t('wall.tours.wholeWall'));

  if (editing) return <TourEditor draft={editing} wall={wall} where={where} selectedSlot={selectedSlot} onClose={() => setEditing(null)} />;
  return (
    <div className="wall-tours">
      <button type="button" className="primary" data-testid="wall-tour-new" onClick={() => setEditing(newTourDraft(`tour-${crypto.randomUUID().slice(0, 8)}`))}>
        {t('wall.tours.new')}
      </button>
      {wall.tours.length === 0 ? (
        <p className="empty">{t('wall.tours.empty')}</p>
      ) : (
        <ul className="wall-list">
          {wall.tours.map((tour) => (
            <TourRow key={tour.id} tour={tour} wall={wall} now={now} where={where(tour.slot)}>
              <button type="button" onClick={() => setEditing(draftOfTour(tour))}>
                {t('wall.tours.edit')}
              </button>
              <button type="button" className={remove.armed === tour.id ? 'danger' : undefined} onClick={() => remove.press(tour.id, () => void link.call('wall.removeTour', { id: tour.id }))}>
                {remove.armed === tour.id ? t('wall.tours.confirmRemove') : t('wall.tours.remove')}
              </button>
            </TourRow>
          ))}
        </ul>
      )}
    </div>
  );
}

function TourRow({ tour, wall, now, where, children }: { tour: Tour; wall: WallState; now: number; where: string; children: React.ReactNode }) {
  const { t } = useTranslation();
  const link = useWallLink();
  const run = wall.running.find((r) => r.tourId === tour.id);
  return (
    <li data-testid="wall-tour" data-name={tour.name} data-running={!!run} className={run ? 'running' : undefined}>
      <div className="wall-list-head">
        <strong>{tour.name}</strong>
        <span className="muted small">{t('wall.tours.summary', { steps: tour.steps.length, dwell: tour.dwellSeconds, slot: where })}</span>
      </div>
      {run && (
        <div className="wall-tour-running" data-testid="wall-tour-running" role="status">
          {t('wall.tours.running', { step: run.step + 1, count: tour.steps.length, seconds: Math.max(0, Math.ceil((run.nextAt - now) / 1000)) })}
          <span className="muted small"> · {t('wall.tours.startedBy', { by: run.startedBy.operator })}</span>
        </div>
      )}
      <div className="wall-list-actions">
        {run ? (
          <button type="button" className="danger" data-testid="wall-tour-stop" onClick={() => void link.call('wall.stopTour', { id: tour.id })}>
            {t('wall.tours.stop')}
          </button>
        ) : (
          <button type="button" className="primary" data-testid="wall-tour-start" onClick={() => void link.call('wall.startTour', { id: tour.id })}>
            {t('wall.tours.start')}
          </button>
        )}
        {children}
      </div>
    </li>
  );
}
