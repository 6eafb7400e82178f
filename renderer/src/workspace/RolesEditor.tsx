// The displays drawn to scale (a radio group: click, or arrow keys) and the chosen one's roles,
// edited as a draft and saved through main.
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { WINDOW_ROLES } from '../../../electron/shared/domain/identity';
import type { WorkspaceState } from '../../../electron/shared/workspace/state';
import { useMain } from '../shell/main-context';
import type { FailureCode } from '../state/outcome';
import { displayName } from './display-name';
import { draftChanged, draftOf, draftProblem, setWallMonitor, toAssignment, toggleRole, type RoleDraft } from './role-draft';
import { toScale } from './to-scale';

/** The drawing's box in CSS pixels; the arrangement is fitted into it, keeping proportions. */
const DRAWING = { width: 640, height: 220 };

/** How the last save went; translated when shown, so it follows a change of language. */
export type SaveMessage = { ok: true } | { ok: false; code: FailureCode } | null;

export function RolesEditor({ state, selected, onSelect, onMessage }: { state: WorkspaceState; selected: string | null; onSelect: (id: string) => void; onMessage: (m: SaveMessage) => void }) {
  const { t } = useTranslation();
  const main = useMain();
  const [base, setBase] = useState(state);
  const [draft, setDraft] = useState<RoleDraft>(() => draftOf(state));
  const [busy, setBusy] = useState(false);
  const tiles = useRef(new Map<string, HTMLButtonElement>());
  // Main's answer changed (saved here, elsewhere, or a display came or went): start from it.
  if (base !== state) {
    setBase(state);
    setDraft(draftOf(state));
  }
  const displays = state.displays;
  const current = displays.find((d) => d.id === selected) ?? displays[0]!;
  const entry = draft.get(current.id) ?? { roles: [], wallMonitor: 'all' };
  const problem = draftProblem(draft);
  const changed = draftChanged(draft, state);
  const drawing = toScale(displays, DRAWING);
  const name = (id: string) => displayName(t, displays, id);

  function move(e: KeyboardEvent<HTMLButtonElement>): void {
    const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const i = displays.findIndex((d) => d.id === current.id);
    const next = displays[(i + step + displays.length) % displays.length]!;
    onSelect(next.id);
    tiles.current.get(next.id)?.focus();
  }

  async function save(): Promise<void> {
    if (busy || problem || !changed) return;
    setBusy(true);
    const got = await main.workspace.setRoles(toAssignment(draft));
    onMessage(got.ok ? { ok: true } : { ok: false, code: got.code });
    setBusy(false);
  }

  return (
    <>
      <div className="display-drawing">
        <div className="display-arrangement" role="radiogroup" aria-label={t('displays.arrangementLabel')} style={{ width: drawing.width, height: drawing.height }}>
          {drawing.items.map((item) => {
            const d = displays.find((x) => x.id === item.id)!;
            const roles = draft.get(d.id)?.roles ?? [];
            const isCurrent = d.id === current.id;
            return (
              <button
                type="button"
                role="radio"
                key={d.id}
                ref={(el) => {
                  if (el) tiles.current.set(d.id, el);
                  else tiles.current.delete(d.id);
                }}
                aria-checked={isCurrent}
                tabIndex={isCurrent ? 0 : -1}
                className={isCurrent ? 'display-tile selected' : 'display-tile'}
                style={{ left: item.left, top: item.top, width: item.width, height: item.height }}
                data-testid="display-tile"
                data-display-id={d.id}
                data-roles={roles.join(' ')}
                title={t('displays.facts', { width: d.bounds.width, height: d.bounds.height, x: d.bounds.x, y: d.bounds.y, scale: d.scaleFactor })}
                onClick={() => onSelect(d.id)}
                onKeyDown={move}
              >
                <span className="display-name">{name(d.id)}</span>
                {d.primary && <span className="tag">{t('displays.primary')}</span>}
                <span className="display-tile-roles">{roles.length ? roles.map((r) => t(`displays.roles.${r}`)).join(' · ') : t('displays.noRoles')}</span>
              </button>
            );
          })}
        </div>
      </div>
      <fieldset className="display-role-editor" data-testid="display-role-editor" data-display-id={current.id}>
        <legend>{t('displays.rolesOf', { name: name(current.id) })}</legend>
        <p className="small muted">
          {t('displays.facts', { width: current.bounds.width, height: current.bounds.height, x: current.bounds.x, y: current.bounds.y, scale: current.scaleFactor })}
        </p>
        <div className="display-role-choices">
          {WINDOW_ROLES.map((role) => {
            const elsewhere = role === 'wall-output' ? undefined : [...draft].find(([id, e]) => id !== current.id && e.roles.includes(role))?.[0];
            return (
              <label key={role} className="checkbox">
                <input type="checkbox" data-testid={`display-role-${role}`} checked={entry.roles.includes(role)} onChange={() => setDraft(toggleRole(draft, current.id, role))} />
                {t(`displays.roles.${role}`)}
                {elsewhere && <span className="muted small">{t('displays.onOther', { name: name(elsewhere) })}</span>}
              </label>
            );
          })}
        </div>
        {entry.roles.includes('wall-output') && (
          <label className="display-wall-monitor">
            {t('displays.wallMonitor')}
            <input
              type="text"
              className="mono"
              data-testid="display-wall-monitor"
              maxLength={8}
              value={entry.wallMonitor}
              aria-invalid={problem?.kind === 'monitor-invalid' && problem.displayId === current.id}
              aria-describedby="display-wall-monitor-hint"
              onChange={(e) => setDraft(setWallMonitor(draft, current.id, e.target.value))}
            />
            <span id="display-wall-monitor-hint" className="muted small">
              {t('displays.wallMonitorHint')}
            </span>
          </label>
        )}
        <p className="small muted">{t('displays.oneDisplay')}</p>
      </fieldset>
      {problem && (
        <p className="small inline-error" data-testid="displays-problem" data-problem={problem.kind}>
          {t(`displays.problem.${problem.kind}`, problem.kind === 'monitor-twice' ? { monitor: problem.monitor } : {})}
        </p>
      )}
      <div className="form-actions">
        <button type="button" disabled={!changed || busy} onClick={() => setDraft(draftOf(state))}>
          {t('displays.revert')}
        </button>
        <button type="button" className="primary" data-testid="displays-save" disabled={!changed || busy || problem !== null} onClick={() => void save()}>
          {t('displays.save')}
        </button>
      </div>
    </>
  );
}
