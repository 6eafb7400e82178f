// The Displays panel: the workstation's monitors drawn to scale where they sit, a role editor for
// the chosen one, and where every role window is. Roles are saved through main, which checks
// them again and restores the windows by them at the next start.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { WINDOW_ROLES } from '../../../electron/shared/domain/identity';
import type { Display } from '../../../electron/shared/workspace/display';
import type { Placement } from '../../../electron/shared/workspace/placement';
import { windowKey } from '../../../electron/shared/workspace/role-window';
import type { WorkspaceState } from '../../../electron/shared/workspace/state';
import { useMain } from '../shell/main-context';
import { windowRole } from '../shell/window-role';
import { useConsole } from '../state/console-store';
import type { FailureCode } from '../state/outcome';
import { useWorkspace } from '../state/workspace-store';
import { draftChanged, draftOf, draftProblem, setWallMonitor, toAssignment, toggleRole, type RoleDraft } from './role-draft';
import { openRoleWindow } from './role-windows';
import { toScale } from './to-scale';

/** The drawing's box in CSS pixels; the arrangement is fitted into it, keeping proportions. */
const DRAWING = { width: 640, height: 220 };

/** How the last save went; translated when shown, so it follows a change of language. */
type Message = { ok: true } | { ok: false; code: FailureCode } | null;

export function DisplaysPanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const state = useWorkspace((s) => s.state);
  const failed = useWorkspace((s) => s.failed);
  const dialog = useRef<HTMLDialogElement>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [message, setMessage] = useState<Message>(null);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  return (
    <dialog
      ref={dialog}
      className="displays-panel"
      aria-labelledby="displays-title"
      data-testid="displays-panel"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="displays-head">
        <h2 id="displays-title">{t('displays.title')}</h2>
        <button type="button" className="map-close" onClick={onClose} aria-label={t('displays.close')}>
          ×
        </button>
      </div>
      {state && state.displays.length > 0 ? (
        <>
          <Source state={state} />
          <RolesEditor state={state} selected={selected} onSelect={setSelected} onMessage={setMessage} />
          {message && (
            <p className="small">
              <span role="status" className={message.ok ? 'tag ok' : 'tag bad'} data-testid="displays-result">
                {message.ok ? t('displays.saved') : t('displays.refused', { reason: t(`errors.${message.code}`) })}
              </span>
            </p>
          )}
          <Absent state={state} />
          <Windows state={state} />
        </>
      ) : (
        <p className="muted">{failed ? t('displays.loadFailed', { reason: t(`errors.${failed}`) }) : t('displays.none')}</p>
      )}
    </dialog>
  );
}

function displayName(t: ReturnType<typeof useTranslation>['t'], displays: readonly Display[], id: string): string {
  const i = displays.findIndex((d) => d.id === id);
  return displays[i]?.label || t('displays.unnamed', { n: i + 1 });
}

function Source({ state }: { state: WorkspaceState }) {
  const { t } = useTranslation();
  const main = useMain();
  const host = useConsole((s) => s.session?.host);
  const access = useWorkspace((s) => s.access);
  return (
    <div className="displays-source">
      <p className="small" data-testid="displays-source" data-source={state.source}>
        <span className="muted">{t('displays.source.label')}</span> {t(`displays.source.${state.source}`)}
      </p>
      {host === 'browser' && state.source !== 'screens' && access === 'prompt' && (
        <p className="small">
          <button type="button" data-testid="displays-detect" onClick={() => void main.workspace.detectScreens()}>
            {t('displays.detect')}
          </button>{' '}
          <span className="muted">{t('displays.detectHint')}</span>
        </p>
      )}
      {host === 'browser' && access === 'denied' && <p className="small muted">{t('displays.denied')}</p>}
    </div>
  );
}

function RolesEditor({ state, selected, onSelect, onMessage }: { state: WorkspaceState; selected: string | null; onSelect: (id: string) => void; onMessage: (m: Message) => void }) {
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

function Absent({ state }: { state: WorkspaceState }) {
  const { t } = useTranslation();
  if (state.absent.length === 0) return null;
  return (
    <section className="displays-section" aria-labelledby="displays-absent-title">
      <h3 id="displays-absent-title">{t('displays.absentTitle')}</h3>
      <ul className="displays-list">
        {state.absent.map((a, i) => (
          <li key={a.id} data-testid="display-absent" data-display-id={a.id}>
            {t('displays.absentItem', { name: a.label || t('displays.unnamed', { n: state.displays.length + i + 1 }), width: a.width, height: a.height, roles: a.roles.map((r) => t(`displays.roles.${r}`)).join('、') })}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Windows({ state }: { state: WorkspaceState }) {
  const { t } = useTranslation();
  const host = useConsole((s) => s.session?.host);
  const [blocked, setBlocked] = useState(false);
  const own = windowKey({ role: windowRole(location.search) });
  const label = (p: Placement) => (p.role === 'wall-output' ? t('displays.wallOutputName', { monitor: p.monitor ?? 'all' }) : t(`displays.roles.${p.role}`));
  const where = (p: Placement) => (p.onAssignedDisplay ? t('displays.onAssigned') : state.roles.some((r) => r.roles.includes(p.role)) || state.absent.some((a) => a.roles.includes(p.role)) ? t('displays.moved') : t('displays.unassigned'));
  return (
    <section className="displays-section" aria-labelledby="displays-windows-title">
      <h3 id="displays-windows-title">{t('displays.windowsTitle')}</h3>
      <ul className="displays-list">
        {state.windows.map((p) => (
          <li key={p.key} data-testid="display-window" data-key={p.key} data-display-id={p.displayId} data-bounds={`${p.bounds.x},${p.bounds.y},${p.bounds.width}x${p.bounds.height}`}>
            <strong>{label(p)}</strong> → {displayName(t, state.displays, p.displayId)}{' '}
            <span className="mono small muted">
              {p.bounds.width}×{p.bounds.height} @ {p.bounds.x},{p.bounds.y}
            </span>{' '}
            <span className={p.onAssignedDisplay ? 'tag ok' : 'tag'}>{where(p)}</span>
            {host === 'browser' &&
              (p.key === own ? (
                <span className="muted small">{t('displays.thisWindow')}</span>
              ) : (
                <button type="button" data-testid={`display-window-open-${p.key}`} onClick={() => setBlocked(!openRoleWindow(p))}>
                  {t('displays.open')}
                </button>
              ))}
          </li>
        ))}
      </ul>
      {blocked && <p className="small inline-error">{t('displays.blocked')}</p>}
      {host === 'browser' && <p className="small muted">{t('displays.browserNote')}</p>}
    </section>
  );
}
