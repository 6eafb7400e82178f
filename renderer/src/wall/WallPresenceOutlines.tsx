import { useTranslation } from 'react-i18next';
import type { Presence } from '../../../electron/shared/wall';
import type { SlotShape } from './wall-drawing';
import { editorName, focusRect, othersFocus, shortConsoleId } from './wall-presence';

const TAG_PX = 12;

/** What other consoles have selected: a dashed outline and "张伟 · 调度台2 正在编辑" on each. */
export function WallPresenceOutlines({ editors, consoleId, shapes, scale }: { editors: readonly Presence[]; consoleId: string; shapes: readonly SlotShape[]; scale: number }) {
  const { t } = useTranslation();
  const px = (n: number) => n / scale;
  return (
    <g className="wall-presence" pointerEvents="none">
      {othersFocus(editors, consoleId).map(({ focus, editors: who }) => {
        const r = focusRect(shapes, focus);
        if (!r) return null;
        const names = who.map((e) => editorName(e, t('wall.presence.unnamed', { id: shortConsoleId(e.consoleId) }))).join('、');
        return (
          <g key={focus} data-testid="wall-presence-outline" data-focus={focus}>
            <rect className="presence-outline" x={r.x + px(3)} y={r.y + px(3)} width={Math.max(0, r.width - px(6))} height={Math.max(0, r.height - px(6))} />
            <text className="presence-tag" x={r.x + r.width - px(8)} y={r.y + r.height - px(8)} fontSize={px(TAG_PX)} textAnchor="end">
              {t('wall.slot.editing', { names })}
            </text>
          </g>
        );
      })}
    </g>
  );
}
