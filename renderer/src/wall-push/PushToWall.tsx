// "上墙": put this camera, incident or map view on a wall window, from wherever the operator is.
// A button and a menu of the wall's slots by name, each with what it shows now; the slot used
// last on this workstation comes first and has the focus, so Enter, Enter repeats a push. The
// menu is a popover (top layer): it is never clipped by a small video tile, Esc and a click
// elsewhere close it. What main answered is said beside the button.
import '../styles/wall-push.css';
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { slotKey, slotOfKey, slotsOf, type SlotRef, type WallSource, type WallSourceIn } from '../../../electron/shared/wall';
import { useConsole } from '../state/console-store';
import { useDrones } from '../drones/drone-store';
import { useWallLink } from '../wall/wall-context';
import { useWall } from '../wall/wall-store';
import { slotLabel } from './slot-label';

const LAST_SLOT_KEY = 'vigil.wallPush.lastSlot';
const NOTE_MS = 5000;

function lastSlot(): string | null {
  try {
    return localStorage.getItem(LAST_SLOT_KEY);
  } catch {
    return null;
  }
}

function rememberSlot(key: string): void {
  try {
    localStorage.setItem(LAST_SLOT_KEY, key);
  } catch {
    /* private mode: remembered for this page only */
  }
}

export interface PushToWallProps {
  /** What to push; a function is asked at the moment of pushing (the map's view then). Null: nothing to push. */
  source: WallSourceIn | (() => WallSourceIn | null);
  /** The button's text (default "上墙") and its tooltip. */
  label?: string;
  title?: string;
  testId?: string;
  className?: string;
}

type Note = { ok: boolean; text: string };

export function PushToWall({ source, label, title, testId = 'wall-push', className }: PushToWallProps) {
  const { t } = useTranslation();
  const link = useWallLink();
  const wall = useWall((s) => s.wall);
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState<Note | null>(null);
  const [busy, setBusy] = useState(false);
  const usable = !!wall?.available;

  // Slots in the wall's order, the last one used first (so it has the focus when the menu opens).
  const last = lastSlot();
  const slots = useMemo(() => {
    if (!wall) return [];
    const all = slotsOf(wall.layout).map((slot) => ({ slot, key: slotKey(slot), label: slotLabel(wall.layout, slot) }));
    const i = all.findIndex((s) => s.key === last);
    return i > 0 ? [all[i]!, ...all.slice(0, i), ...all.slice(i + 1)] : all;
  }, [wall, last]);
  const showing = useMemo(() => new Map<string, WallSource>((wall?.sources ?? []).map((s) => [slotKey(s.slot), s.source])), [wall]);

  useEffect(() => {
    const el = menu.current;
    if (!el) return;
    const onToggle = (e: Event) => setOpen((e as ToggleEvent).newState === 'open');
    el.addEventListener('toggle', onToggle);
    return () => el.removeEventListener('toggle', onToggle);
  }, []);

  // The items exist only while the menu is open (a tile or a camera list holds many controls).
  // Once they are there: under the button (above it when there is no room), inside the window,
  // and the first item — the last slot used — focused.
  useLayoutEffect(() => {
    const el = menu.current;
    if (!open || !el) return;
    const r = button.current!.getBoundingClientRect();
    const m = el.getBoundingClientRect();
    const below = r.bottom + 4 + m.height <= window.innerHeight;
    el.style.top = `${Math.max(4, below ? r.bottom + 4 : r.top - 4 - m.height)}px`;
    el.style.left = `${Math.max(4, Math.min(r.left, window.innerWidth - m.width - 4))}px`;
    el.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [open]);

  useEffect(() => {
    if (!note) return;
    const timer = setTimeout(() => setNote(null), NOTE_MS);
    return () => clearTimeout(timer);
  }, [note]);

  const push = async (slot: SlotRef, name: string) => {
    menu.current?.hidePopover();
    button.current?.focus();
    const what = typeof source === 'function' ? source() : source;
    if (!what) return;
    rememberSlot(slotKey(slot));
    setBusy(true);
    const answer = await link.push(slot, what);
    setBusy(false);
    if (answer?.status === 'applied' || answer?.status === 'duplicate') setNote({ ok: true, text: t('wallPush.pushed', { slot: name }) });
    else if (answer?.refusal) {
      const gone = answer.refusal.code === 'unknown-slot' || answer.refusal.code === 'unknown-window';
      setNote({ ok: false, text: t('wallPush.refused', { reason: gone ? t('wallPush.slotGone') : answer.refusal.message }) });
    } else {
      // The link posted what went wrong as the wall's latest outcome.
      const outcome = useWall.getState().outcomes.at(-1)?.outcome;
      setNote({ ok: false, text: t('wallPush.failed', { reason: t(`errors.${outcome?.kind === 'failed' ? outcome.code : 'internal'}`) }) });
    }
  };

  const onMenuKey = (e: React.KeyboardEvent) => {
    // Keys in the menu are the menu's: not the video tile's, not the view's shortcuts.
    e.stopPropagation();
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const to = e.key === 'ArrowDown' ? at + 1 : e.key === 'ArrowUp' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? items.length - 1 : null;
    if (to === null || items.length === 0) return;
    e.preventDefault();
    items[(to + items.length) % items.length]!.focus();
  };

  return (
    <span className={`wall-push${className ? ` ${className}` : ''}`} onKeyDown={(e) => e.key === 'Enter' && e.target === button.current && e.stopPropagation()}>
      <button
        ref={button}
        type="button"
        className="wall-push-button"
        popoverTarget={menuId}
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={busy}
        title={title ?? t('wallPush.title')}
        data-testid={testId}
        onClick={(e) => e.stopPropagation()}
        onDoubleClick={(e) => e.stopPropagation()}
      >
        {label ?? t('wallPush.button')}
      </button>
      <div ref={menu} id={menuId} popover="auto" role="menu" aria-label={t('wallPush.menu')} className="wall-push-menu" data-testid="wall-push-menu" onKeyDown={onMenuKey} onClick={(e) => e.stopPropagation()}>
        {!open ? null : !usable ? (
          <p className="wall-push-empty">{t('wallPush.unavailable')}</p>
        ) : slots.length === 0 ? (
          <p className="wall-push-empty">{t('wallPush.noSlots')}</p>
        ) : (
          slots.map((s) => (
            <button key={s.key} type="button" role="menuitem" className="wall-push-slot" data-testid="wall-push-slot" data-slot={s.key} onClick={() => void push(slotOfKey(s.key), s.label)}>
              <span className="wall-push-name">{s.label}</span>
              <SlotContent source={showing.get(s.key)} />
              {s.key === last && <span className="wall-push-last">{t('wallPush.last')}</span>}
            </button>
          ))
        )}
      </div>
      {note && (
        <span className={`wall-push-note${note.ok ? '' : ' bad'}`} role="status" data-testid="wall-push-note">
          {note.text}
        </span>
      )}
    </span>
  );
}

/** What a slot shows now, so the operator sees what a push would replace. */
function SlotContent({ source }: { source: WallSource | undefined }) {
  const { t } = useTranslation();
  const camera = useConsole((s) => (source?.kind === 'camera' ? (s.videoPoints.find((c) => c.id === source.cameraId)?.name ?? source.cameraId) : null));
  const incident = useConsole((s) => (source?.kind === 'incident' ? (s.incidents.get(source.incidentId) ?? null) : null));
  const drone = useDrones((s) => (source?.kind === 'drone' ? (s.drones.find((d) => d.id === source.droneId)?.callsign ?? null) : null));
  const text = !source
    ? t('wallPush.empty')
    : source.kind === 'camera'
      ? t('wallPush.showing.camera', { name: camera })
      : source.kind === 'map'
        ? t('wallPush.showing.map')
        : source.kind === 'drone'
          ? t('wallPush.showing.drone', { name: drone ?? source.droneId })
          : t('wallPush.showing.incident', { type: incident ? t(`incidentType.${incident.type}`) : source.incidentId });
  return <span className="wall-push-what">{text}</span>;
}
