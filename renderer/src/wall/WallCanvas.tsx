import { useMemo, useRef, useState, type DragEvent, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { slotKey, type WallRect, type WallState } from '../../../electron/shared/wall';
import { useConsole } from '../state/console-store';
import { CAMERA_DRAG_TYPE } from '../video/VideoTile';
import { alarmedSlots, contentOf, sourcesByKey, unseenIds } from './slot-content';
import { cycle, neighbour } from './slot-navigation';
import { shortSlotName, slotName } from './slot-text';
import { useElementSize } from './use-element-size';
import type { WallEdits } from './use-wall-edits';
import type { ResolvedSelection } from './use-wall-selection';
import { fitWall, slotAt, toWall, type Point, type SlotShape } from './wall-drawing';
import { wallKeyAction } from './wall-keys';
import { WallMonitorFigure, WallMonitorMarks } from './WallMonitorFigure';
import { WallPresenceOutlines } from './WallPresenceOutlines';
import { slotDomId, WallSlotFigure } from './WallSlotFigure';
import { useWall } from './wall-store';
import { monitorKey, useWallView } from './wall-view-store';
import { clampInto, draggedCorner, moved, newWindowRect, resized, snapCorner, snapEdges, snapMove, type Corner } from './window-moves';

/** Edges within this many screen pixels snap together. */
const SNAP_PX = 8;
/** A press that moves less than this is a click, not a drag. */
const DRAG_PX = 3;

type Drag = { id: string; grip: Corner | 'body'; start: Point; from: WallRect; rect: WallRect; moved: boolean };

const cornerOf = (r: WallRect, c: Corner): Point => ({ x: c === 'nw' || c === 'sw' ? r.x : r.x + r.width, y: c === 'nw' || c === 'ne' ? r.y : r.y + r.height });
const sameRect = (a: WallRect, b: WallRect) => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

/**
 * The wall drawn to scale (an SVG whose units are the wall's millimetres): monitors with their
 * bezels, split cells, free windows by z, what each shows, and other consoles' selections. The
 * operator selects, moves and resizes here by mouse or keyboard, and drops cameras onto slots.
 */
export function WallCanvas({ wall, shapes, selected, edits }: { wall: WallState; shapes: SlotShape[]; selected: ResolvedSelection; edits: WallEdits }) {
  const geometry = wall.geometry!;
  const { t } = useTranslation();
  const picking = useWallView((s) => s.picking);
  const select = useWallView((s) => s.select);
  const togglePicked = useWallView((s) => s.togglePicked);
  const editors = useWall((s) => s.editors);
  const consoleId = useWall((s) => s.consoleId);
  const cameras = useConsole((s) => s.videoPoints);
  const incidents = useConsole((s) => s.incidents);
  const svg = useRef<SVGSVGElement>(null);
  const size = useElementSize(svg);
  const [drag, setDrag] = useState<Drag | null>(null);
  const [dropKey, setDropKey] = useState<string | null>(null);

  const margin = Math.max(geometry.width, geometry.height) * 0.01;
  const view = { x: -margin, y: -margin, width: geometry.width + 2 * margin, height: geometry.height + 2 * margin };
  const scale = size.width > 0 ? Math.min(size.width / view.width, size.height / view.height) : 0.2;
  const pointAt = (e: { clientX: number; clientY: number }): Point => {
    const p = toWall(fitWall(svg.current!.getBoundingClientRect(), view), { x: e.clientX, y: e.clientY });
    return { x: p.x + view.x, y: p.y + view.y };
  };

  const cameraById = useMemo(() => new Map(cameras.map((c) => [c.id, c])), [cameras]);
  const sources = useMemo(() => sourcesByKey(wall), [wall]);
  const alarms = useMemo(() => alarmedSlots(wall), [wall]);
  const unseen = useMemo(() => unseenIds(wall), [wall]);
  const edges = useMemo(() => snapEdges(geometry), [geometry]);
  const touring = useMemo(() => new Set(wall.running.flatMap((r) => wall.tours.find((x) => x.id === r.tourId)?.slot ?? []).map(slotKey)), [wall]);
  const unsplit = geometry.monitors.filter((m) => !wall.layout.splits.some((s) => s.monitor.row === m.row && s.monitor.column === m.column));
  // Everything Tab and the arrows can land on: slots, and monitors without a split.
  const selectables = [...shapes.map((s) => ({ key: s.key, rect: s.rect })), ...unsplit.map((m) => ({ key: monitorKey(m), rect: m.active }))];
  const pickedKeys = picking?.map(slotKey) ?? null;
  const drawn = drag ? shapes.map((s) => (s.key === drag.id ? { ...s, rect: drag.rect } : s)) : shapes;

  function selectKey(key: string): void {
    const m = unsplit.find((x) => monitorKey(x) === key);
    if (m) return select({ kind: 'monitor', monitor: { row: m.row, column: m.column } });
    const s = shapes.find((x) => x.key === key);
    if (s) select({ kind: 'slot', slot: s.slot });
  }

  function onKeyDown(e: KeyboardEvent<SVGSVGElement>): void {
    const { shape, target, monitor, key } = selected;
    if (picking && shape && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      togglePicked(shape.slot);
      return;
    }
    const action = wallKeyAction(e, target);
    if (!action) return;
    if (action.kind === 'cycle') {
      const next = cycle(selectables.map((s) => s.key), key, action.back);
      // Past either end the key is left alone, so focus moves on out of the drawing.
      if (next) {
        e.preventDefault();
        selectKey(next);
      }
      return;
    }
    e.preventDefault();
    const windowId = shape && !shape.slot.cell ? shape.slot.window : null;
    switch (action.kind) {
      case 'go': {
        const next = key ? neighbour(selectables, key, action.direction) : selectables[0]?.key;
        if (next) selectKey(next);
        return;
      }
      case 'reshape': {
        const w = windowId && edits.current(windowId);
        if (!w) return;
        const r = action.dw || action.dh ? resized(w, action.dw, action.dh, geometry) : moved(w, action.dx, action.dy, geometry);
        if (!sameRect(r, w)) edits.reshape(w.id, r);
        return;
      }
      case 'remove':
        if (windowId) edits.remove(windowId);
        return;
      case 'clear':
        if (shape) edits.show(shape.slot, null);
        return;
      case 'new':
        edits.add(newWindowRect(geometry, monitor));
        return;
      case 'raise':
        if (windowId) edits.raise(windowId);
        return;
      case 'split':
        if (monitor) edits.split(monitor, action.n);
        return;
      case 'deselect':
        select(null);
        return;
    }
  }

  function onSlotPointerDown(shape: SlotShape, e: PointerEvent, grip: Corner | 'body'): void {
    if (e.button !== 0) return;
    e.stopPropagation();
    if (picking) {
      togglePicked(shape.slot);
      return;
    }
    select({ kind: 'slot', slot: shape.slot });
    if (shape.slot.cell) return;
    svg.current!.setPointerCapture(e.pointerId);
    setDrag({ id: shape.key, grip, start: pointAt(e), from: shape.rect, rect: shape.rect, moved: false });
  }

  function onPointerMove(e: PointerEvent): void {
    if (!drag) return;
    const p = pointAt(e);
    const dx = p.x - drag.start.x, dy = p.y - drag.start.y;
    const tolerance = SNAP_PX / scale;
    let r: WallRect;
    if (drag.grip === 'body') {
      r = moved(drag.from, dx, dy, geometry);
      if (!e.altKey) r = clampInto(snapMove(r, edges, tolerance), geometry);
    } else {
      // The corner follows the pointer as it was grabbed, not the pointer's exact spot on the handle.
      const c = cornerOf(drag.from, drag.grip);
      r = draggedCorner(drag.from, drag.grip, { x: c.x + dx, y: c.y + dy }, geometry);
      if (!e.altKey) r = snapCorner(r, drag.grip, edges, tolerance);
    }
    setDrag({ ...drag, rect: r, moved: drag.moved || Math.hypot(dx, dy) * scale >= DRAG_PX });
  }

  function onPointerUp(): void {
    if (drag?.moved && !sameRect(drag.rect, drag.from)) edits.reshape(drag.id, drag.rect);
    setDrag(null);
  }

  function onDragOver(e: DragEvent): void {
    if (!e.dataTransfer.types.includes(CAMERA_DRAG_TYPE)) return;
    const over = slotAt(shapes, pointAt(e));
    e.preventDefault();
    e.dataTransfer.dropEffect = over ? 'copy' : 'none';
    setDropKey(over?.key ?? null);
  }

  function onDrop(e: DragEvent): void {
    const cameraId = e.dataTransfer.getData(CAMERA_DRAG_TYPE);
    const over = slotAt(shapes, pointAt(e));
    setDropKey(null);
    if (!cameraId || !over) return;
    e.preventDefault();
    edits.show(over.slot, { kind: 'camera', cameraId });
    select({ kind: 'slot', slot: over.slot });
    svg.current?.focus();
  }

  const px = (n: number) => n / scale;
  return (
    <svg
      ref={svg}
      className={`wall-canvas${picking ? ' picking' : ''}${drag?.moved ? ' dragging' : ''}`}
      viewBox={`${view.x} ${view.y} ${view.width} ${view.height}`}
      tabIndex={0}
      role="listbox"
      aria-label={t('wall.drawing')}
      aria-activedescendant={selected.shape ? slotDomId(selected.shape.key) : undefined}
      data-testid="wall-canvas"
      data-revision={wall.revision}
      onKeyDown={onKeyDown}
      onPointerDown={(e) => {
        if (e.button === 0 && !picking) select(null);
      }}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => setDrag(null)}
      onDragOver={onDragOver}
      onDragLeave={(e) => {
        if (!svg.current?.contains(e.relatedTarget as Node | null)) setDropKey(null);
      }}
      onDrop={onDrop}
    >
      <defs>
        <pattern id="wall-hatch" patternUnits="userSpaceOnUse" width={px(9)} height={px(9)} patternTransform="rotate(45)">
          <line className="hatch-line" x1={0} y1={0} x2={0} y2={px(9)} />
        </pattern>
      </defs>
      <rect className="wall-back" x={0} y={0} width={geometry.width} height={geometry.height} />
      {geometry.monitors.map((m) => {
        const isUnsplit = unsplit.includes(m);
        return (
          <WallMonitorFigure
            key={`${m.row},${m.column}`}
            monitor={m}
            selected={selected.selection?.kind === 'monitor' && selected.monitor?.row === m.row && selected.monitor.column === m.column}
            onPointerDown={(e) => {
              if (e.button !== 0 || picking) return;
              e.stopPropagation();
              if (isUnsplit) select({ kind: 'monitor', monitor: { row: m.row, column: m.column } });
            }}
          />
        );
      })}
      {drawn.map((s) => {
        const content = contentOf(sources.get(s.key), cameraById, incidents);
        const picked = pickedKeys ? pickedKeys.indexOf(s.key) : -1;
        return (
          <WallSlotFigure
            key={s.key}
            shape={s}
            content={content}
            name={slotName(t, s)}
            shortName={shortSlotName(s)}
            scale={scale}
            flags={{
              selected: selected.key === s.key,
              dropTarget: dropKey === s.key,
              alarm: alarms.has(s.key),
              unseen: !s.slot.cell && unseen.has(s.slot.window),
              touring: touring.has(s.key),
              picked: picked >= 0 ? picked : null,
            }}
            onPointerDown={(e, grip) => onSlotPointerDown(s, e, grip)}
          />
        );
      })}
      {geometry.monitors.map((m) => (
        <WallMonitorMarks key={`${m.row},${m.column}`} monitor={m} scale={scale} named={!unsplit.includes(m)} />
      ))}
      <WallPresenceOutlines editors={editors} consoleId={consoleId} shapes={drawn} scale={scale} />
    </svg>
  );
}
