import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { INCIDENT_TYPES } from '../../../electron/shared/domain/incident';
import { isSubmitEnter } from '../shell/keys';
import { useMain } from '../shell/main-context';
import { useNow } from '../shell/use-now';
import { useConsole } from '../state/console-store';
import type { FailureCode } from '../state/outcome';
import { possibleDuplicates } from './duplicates';
import { LIMITS, PRIORITIES, emptyForm, firstInvalid, parseIncidentForm, type FieldErrors, type FormField, type IncidentFormFields } from './incident-form';
import { priorityKey } from './priority';

const fieldId = (f: FormField | 'exercise') => `incident-form-${f}`;

/** Puts the focus back where the operator works once the dialog has gone. */
function focusLater(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

/**
 * Registers a new incident. A modal dialog: Enter registers (not while an IME is composing),
 * Shift+Enter starts a new line in the summary, Escape closes. Problems show at the field;
 * a refusal from main shows as its translated code, and the form keeps what was typed.
 */
export function IncidentForm() {
  const { t } = useTranslation();
  const main = useMain();
  const setOpen = useConsole((s) => s.setCreatingIncident);
  const exerciseMode = useConsole((s) => s.exerciseMode);
  const incidents = useConsole((s) => s.incidents);
  const select = useConsole((s) => s.selectIncident);
  const [fields, setFields] = useState<IncidentFormFields>(() => {
    const s = useConsole.getState();
    const blank = emptyForm(s.exerciseMode);
    // Opened by a right-click on the map: start at that spot (then forget it).
    return s.draftLocation ? { ...blank, lat: s.draftLocation.lat.toFixed(6), lon: s.draftLocation.lon.toFixed(6) } : blank;
  });
  useEffect(() => () => useConsole.getState().setDraftLocation(null), []);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [refused, setRefused] = useState<FailureCode | null>(null);
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const now = useNow(30_000);
  const lat = Number(fields.lat);
  const lon = Number(fields.lon);
  const duplicates = useMemo(
    () => {
      const type = INCIDENT_TYPES.find((x) => x === fields.type);
      return type && Number.isFinite(lat) && Number.isFinite(lon) ? possibleDuplicates({ type, location: { lat, lon } }, incidents.values(), now) : [];
    },
    [fields.type, lat, lon, incidents, now],
  );

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  function close(): void {
    setOpen(false);
    focusLater('new-incident');
  }

  function set<K extends keyof IncidentFormFields>(key: K, value: IncidentFormFields[K]): void {
    setFields((f) => ({ ...f, [key]: value }));
    if (key !== 'exercise') setErrors((e) => ({ ...e, [key]: undefined }));
  }

  async function submit(e: FormEvent<HTMLFormElement>): Promise<void> {
    e.preventDefault();
    if (busy) return;
    const parsed = parseIncidentForm({ ...fields, exercise: fields.exercise || exerciseMode });
    if (!parsed.ok) {
      setErrors(parsed.errors);
      const first = firstInvalid(parsed.errors);
      if (first) document.getElementById(fieldId(first))?.focus();
      return;
    }
    setErrors({});
    setRefused(null);
    setBusy(true);
    const got = await main.createIncident(parsed.value);
    setBusy(false);
    if (!got.ok) {
      setRefused(got.code);
      return;
    }
    // The link has selected the new incident; hand the keyboard back to the queue showing it.
    setOpen(false);
    requestAnimationFrame(() => {
      document.getElementById(`incident-${got.value.id}`)?.scrollIntoView({ block: 'nearest' });
      document.getElementById('incident-queue')?.focus();
    });
  }

  function onKeyDown(e: KeyboardEvent<HTMLFormElement>): void {
    if (e.key !== 'Enter') return;
    const target = e.target as HTMLElement;
    // Buttons act on their own Enter (Cancel must cancel); Shift+Enter is a new line in the summary.
    if (target.tagName === 'BUTTON' || (target.tagName === 'TEXTAREA' && e.shiftKey)) return;
    e.preventDefault();
    if (isSubmitEnter(e.nativeEvent)) e.currentTarget.requestSubmit();
  }

  const error = (f: FormField): ReactNode => {
    const code = errors[f];
    if (!code) return null;
    const max = f === 'address' || f === 'district' || f === 'summary' ? LIMITS[f] : 0;
    return (
      <span id={`${fieldId(f)}-error`} className="field-error" data-testid={`incident-form-error-${f}`}>
        {t(`incidents.form.fieldError.${code}`, { max })}
      </span>
    );
  };
  const aria = (f: FormField) => ({
    id: fieldId(f),
    'data-testid': fieldId(f),
    'aria-invalid': errors[f] ? true : undefined,
    'aria-describedby': errors[f] ? `${fieldId(f)}-error` : undefined,
  });

  return (
    <dialog
      ref={dialog}
      className="incident-form"
      aria-labelledby="incident-form-title"
      data-testid="incident-form"
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
      onClose={() => {
        // Chromium closes the dialog itself on a repeated Escape; follow it. A close that was
        // followed by showModal again (StrictMode re-running the effect) is not a real close.
        if (!dialog.current?.open && useConsole.getState().creatingIncident) close();
      }}
    >
      <form noValidate onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown}>
        <h2 id="incident-form-title">{t('incidents.form.title')}</h2>
        <div className="form-grid">
          <label htmlFor={fieldId('type')}>{t('incidents.form.type')}</label>
          <div>
            <select {...aria('type')} value={fields.type} onChange={(e) => set('type', e.target.value)}>
              {INCIDENT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`incidentType.${type}`)}
                </option>
              ))}
            </select>
            {error('type')}
          </div>

          <label htmlFor={fieldId('priority')}>{t('incidents.form.priority')}</label>
          <div>
            <select {...aria('priority')} value={fields.priority} onChange={(e) => set('priority', e.target.value)}>
              {PRIORITIES.map((p) => (
                <option key={p} value={String(p)}>
                  {t(priorityKey(p))}
                </option>
              ))}
            </select>
            {error('priority')}
          </div>

          <label htmlFor={fieldId('address')}>
            {t('incidents.form.address')} <span className="muted small">{t('incidents.form.required')}</span>
          </label>
          <div>
            <input {...aria('address')} type="text" autoComplete="off" aria-required="true" value={fields.address} onChange={(e) => set('address', e.target.value)} />
            {error('address')}
          </div>

          <label htmlFor={fieldId('district')}>{t('incidents.form.district')}</label>
          <div>
            <input {...aria('district')} type="text" autoComplete="off" value={fields.district} onChange={(e) => set('district', e.target.value)} />
            {error('district')}
          </div>

          <label htmlFor={fieldId('summary')}>{t('incidents.form.summary')}</label>
          <div>
            <textarea {...aria('summary')} rows={3} value={fields.summary} onChange={(e) => set('summary', e.target.value)} />
            {error('summary')}
          </div>

          <span className="form-label">{t('incidents.detail.location')}</span>
          <div>
            <div className="coords">
              <label htmlFor={fieldId('lat')}>{t('incidents.form.lat')}</label>
              <input {...aria('lat')} type="number" step="any" min={-90} max={90} value={fields.lat} onChange={(e) => set('lat', e.target.value)} />
              <label htmlFor={fieldId('lon')}>{t('incidents.form.lon')}</label>
              <input {...aria('lon')} type="number" step="any" min={-180} max={180} value={fields.lon} onChange={(e) => set('lon', e.target.value)} />
            </div>
            {error('lat')}
            {error('lon')}
            <span className="muted small">{t('incidents.form.coordsHint')}</span>
          </div>

          <span className="form-label" aria-hidden="true" />
          <label className="checkbox" htmlFor={fieldId('exercise')}>
            <input
              id={fieldId('exercise')}
              data-testid={fieldId('exercise')}
              type="checkbox"
              checked={fields.exercise || exerciseMode}
              disabled={exerciseMode}
              onChange={(e) => set('exercise', e.target.checked)}
            />
            {t('incidents.form.exercise')}
          </label>
        </div>

        {duplicates.length > 0 && (
          <div className="duplicates" role="status" data-testid="duplicate-warning">
            <p>{t('incidents.form.duplicates')}</p>
            <ul>
              {duplicates.map((d) => (
                <li key={d.incident.id}>
                  <span>{d.incident.address}</span>
                  <span className="muted small">{t('incidents.cameras.distanceM', { m: Math.round(d.distanceM) })}</span>
                  <button
                    type="button"
                    data-testid="duplicate-candidate"
                    onClick={() => {
                      select(d.incident.id);
                      setOpen(false);
                      focusLater('incident-queue');
                    }}
                  >
                    {t('incidents.form.openExisting')}
                  </button>
                  <button
                    type="button"
                    className="primary"
                    data-testid="duplicate-merge"
                    disabled={busy}
                    onClick={() => {
                      // The new report joins the incident already open: its details go into that
                      // chronology as a note, and no second incident is created.
                      setBusy(true);
                      const text = t('incidents.form.mergedNote', { address: fields.address.trim() || '—', summary: fields.summary.trim() || '—' });
                      void main.addNote(d.incident.id, text).then((ok) => {
                        setBusy(false);
                        if (!ok) return;
                        select(d.incident.id);
                        setOpen(false);
                        focusLater('incident-queue');
                      });
                    }}
                  >
                    {t('incidents.form.mergeInto')}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}

        {refused && (
          <p className="inline-error" role="alert" data-testid="incident-form-error" data-code={refused}>
            {t('incidents.form.refused', { reason: t(`errors.${refused}`) })}
          </p>
        )}

        <div className="form-actions">
          <span className="muted small">{t('incidents.form.keyHint')}</span>
          <button type="button" data-testid="incident-form-cancel" onClick={close}>
            {t('incidents.form.cancel')}
          </button>
          <button type="submit" className="primary" data-testid="incident-form-submit" disabled={busy}>
            {busy ? t('incidents.form.submitting') : t('incidents.form.submit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
