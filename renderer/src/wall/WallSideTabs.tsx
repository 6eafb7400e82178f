import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlotRef, WallState } from '../../../electron/shared/wall';
import { slotRefName } from './slot-text';
import type { SlotShape } from './wall-drawing';
import { WallAlarmRoute } from './WallAlarmRoute';
import { WallHistory } from './WallHistory';
import { WallModelEditor } from './WallModelEditor';
import { WallPresets } from './WallPresets';
import { WallTours } from './WallTours';

const TABS = ['presets', 'tours', 'alarm', 'history', 'model'] as const;
type Tab = (typeof TABS)[number];

/** The wall's saved things and settings, one tab each: presets, tours, alarm routing, history, the wall as built. */
export function WallSideTabs({ wall, shapes, selectedSlot }: { wall: WallState; shapes: readonly SlotShape[]; selectedSlot: SlotRef | null }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('presets');
  const onKey = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = TABS[(TABS.indexOf(tab) + step + TABS.length) % TABS.length]!;
    setTab(next);
    document.getElementById(`wall-tab-${next}`)?.focus();
  };
  const where = (slot: SlotRef) => slotRefName(t, shapes, slot);

  return (
    <div className="pane wall-side-tabs">
      <div className="wall-tabs" role="tablist" aria-label={t('wall.tabs.label')} onKeyDown={onKey}>
        {TABS.map((k) => (
          <button key={k} type="button" role="tab" id={`wall-tab-${k}`} aria-selected={tab === k} aria-controls="wall-tab-panel" tabIndex={tab === k ? 0 : -1} data-testid={`wall-tab-${k}`} onClick={() => setTab(k)}>
            {t(`wall.tabs.${k}`)}
          </button>
        ))}
      </div>
      <div className="wall-tab-panel" role="tabpanel" id="wall-tab-panel" aria-labelledby={`wall-tab-${tab}`}>
        {tab === 'presets' && <WallPresets wall={wall} />}
        {tab === 'tours' && <WallTours wall={wall} shapes={shapes} selectedSlot={selectedSlot} />}
        {tab === 'alarm' && <WallAlarmRoute wall={wall} where={where} />}
        {tab === 'history' && <WallHistory wall={wall} />}
        {tab === 'model' && <WallModelEditor wall={wall} />}
      </div>
    </div>
  );
}
