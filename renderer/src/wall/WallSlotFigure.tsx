import type { PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlotContent } from './slot-content';
import { contentText } from './slot-text';
import { fitLabel, type SlotShape } from './wall-drawing';
import type { Corner } from './window-moves';

const LABEL_PX = 13;
const NAME_PX = 11;
const PAD_PX = 5;
const HANDLE_PX = 11;
const CORNERS: readonly Corner[] = ['nw', 'ne', 'sw', 'se'];

export type SlotFlags = { selected: boolean; dropTarget: boolean; alarm: boolean; unseen: boolean; touring: boolean; picked: number | null };

/** DOM id of a slot's figure (for aria-activedescendant); slot keys hold '#' and '.'. */
export const slotDomId = (key: string) => `wall-slot-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/**
 * One slot on the wall drawing: its rectangle, what it shows, and its flags (alarm, partly
 * unseen, on tour, picked for alarm routing). A selected free window gets corner handles.
 */
export function WallSlotFigure({ shape, content, name, shortName, scale, flags, onPointerDown }: { shape: SlotShape; content: SlotContent; name: string; shortName: string; scale: number; flags: SlotFlags; onPointerDown: (e: PointerEvent, grip: Corner | 'body') => void }) {
  const { t } = useTranslation();
  const { rect } = shape;
  const isWindow = shape.slot.cell === null;
  const px = (n: number) => n / scale;
  const text = contentText(t, content);
  const room = rect.width * scale - 2 * PAD_PX;
  const tall = rect.height * scale;
  const fittedName = fitLabel(name, room, NAME_PX);
  const marks = [
    flags.alarm && { key: 'alarm', text: t('wall.slot.alarm') },
    flags.unseen && { key: 'unseen', text: t('wall.slot.unseen') },
    flags.touring && { key: 'tour', text: t('wall.slot.tour') },
    content.kind === 'camera' && content.name && !content.online && { key: 'offline', text: t('wall.slot.offline') },
  ].filter((m): m is { key: string; text: string } => !!m);
  const classes = ['wall-slot', isWindow ? 'wall-window' : 'wall-cell', `shows-${content.kind}`, flags.selected && 'selected', flags.dropTarget && 'drop-target', flags.alarm && 'alarm', flags.unseen && 'unseen', flags.picked !== null && 'picked'].filter(Boolean).join(' ');

  return (
    <g
      id={slotDomId(shape.key)}
      role="option"
      aria-selected={flags.selected}
      aria-label={`${name}: ${text}${marks.length ? ` (${marks.map((m) => m.text).join(', ')})` : ''}`}
      className={classes}
      data-testid={isWindow ? 'wall-window' : 'wall-cell'}
      data-slot={shape.key}
      data-x={Math.round(rect.x)}
      data-y={Math.round(rect.y)}
      data-width={Math.round(rect.width)}
      data-height={Math.round(rect.height)}
      data-content={content.kind === 'camera' ? content.cameraId : content.kind}
      onPointerDown={(e) => onPointerDown(e, 'body')}
    >
      {flags.unseen && <title>{t('wall.slot.unseenLong')}</title>}
      <rect className="slot-area" x={rect.x} y={rect.y} width={rect.width} height={rect.height} />
      {tall > LABEL_PX + 2 * PAD_PX && (
        <text className="slot-label" x={rect.x + px(PAD_PX)} y={rect.y + px(PAD_PX + LABEL_PX)} fontSize={px(LABEL_PX)}>
          {fitLabel(text, room, LABEL_PX)}
        </text>
      )}
      {tall > LABEL_PX + NAME_PX + 3 * PAD_PX && (
        <text className="slot-name" x={rect.x + px(PAD_PX)} y={rect.y + px(2 * PAD_PX + LABEL_PX + NAME_PX)} fontSize={px(NAME_PX)}>
          {fittedName === name ? name : fitLabel(shortName, room, NAME_PX)}
        </text>
      )}
      {marks.length > 0 && tall > 2 * (LABEL_PX + PAD_PX) + NAME_PX && (
        <text className="slot-marks" x={rect.x + px(PAD_PX)} y={rect.y + rect.height - px(PAD_PX)} fontSize={px(NAME_PX)}>
          {marks.map((m, i) => (
            <tspan key={m.key} className={`mark-${m.key}`}>
              {i > 0 ? ' · ' : ''}
              {m.text}
            </tspan>
          ))}
        </text>
      )}
      {flags.picked !== null && (
        <text className="slot-picked" x={rect.x + rect.width / 2} y={rect.y + rect.height / 2} fontSize={px(LABEL_PX)} textAnchor="middle" dominantBaseline="middle">
          {t('wall.slot.picked', { n: flags.picked + 1 })}
        </text>
      )}
      {isWindow &&
        flags.selected &&
        CORNERS.map((c) => (
          <rect
            key={c}
            className={`slot-handle handle-${c}`}
            data-testid="wall-handle"
            data-corner={c}
            x={(c === 'nw' || c === 'sw' ? rect.x : rect.x + rect.width) - px(HANDLE_PX / 2)}
            y={(c === 'nw' || c === 'ne' ? rect.y : rect.y + rect.height) - px(HANDLE_PX / 2)}
            width={px(HANDLE_PX)}
            height={px(HANDLE_PX)}
            onPointerDown={(e) => {
              e.stopPropagation();
              onPointerDown(e, c);
            }}
          />
        ))}
    </g>
  );
}
