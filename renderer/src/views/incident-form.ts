// The new-incident form's fields as typed (strings, as inputs give them) and the check that
// turns them into an incidents.create request. The limits mirror NewIncident in
// electron/shared/domain/incident.ts so the operator hears about a problem at the field,
// before main refuses the whole request.
import type { ParamsIn } from '../../../electron/shared/contract/requests';
import { INCIDENT_TYPES, type IncidentType } from '../../../electron/shared/domain/incident';

/** Dezhou city centre (WGS-84): where a call without a known position is first placed. */
export const CITY_CENTRE = { lat: 37.4355, lon: 116.3575 } as const;

export const PRIORITIES = [1, 2, 3, 4] as const;

export const LIMITS = { address: 200, district: 60, summary: 2000 } as const;

export interface IncidentFormFields {
  type: string;
  priority: string;
  address: string;
  district: string;
  summary: string;
  lat: string;
  lon: string;
  exercise: boolean;
}

export type FormField = Exclude<keyof IncidentFormFields, 'exercise'>;
export type FieldError = 'required' | 'tooLong' | 'notNumber' | 'outOfRange' | 'invalid';
export type FieldErrors = Partial<Record<FormField, FieldError>>;

export type NewIncidentParams = ParamsIn<'incidents.create'>;

export type ParsedForm = { ok: true; value: NewIncidentParams } | { ok: false; errors: FieldErrors };

/** The order fields appear in, so the first invalid one can take the focus. */
export const FIELD_ORDER: readonly FormField[] = ['type', 'priority', 'address', 'district', 'summary', 'lat', 'lon'];

/** A blank form; in exercise mode every new incident is a drill. */
export function emptyForm(exercise = false): IncidentFormFields {
  return {
    type: INCIDENT_TYPES[0],
    priority: '2',
    address: '',
    district: '',
    summary: '',
    lat: String(CITY_CENTRE.lat),
    lon: String(CITY_CENTRE.lon),
    exercise,
  };
}

const isIncidentType = (s: string): s is IncidentType => (INCIDENT_TYPES as readonly string[]).includes(s);

function parseDegrees(raw: string, limit: number): number | FieldError {
  const s = raw.trim();
  if (s === '') return 'required';
  const n = Number(s);
  if (!Number.isFinite(n)) return 'notNumber';
  return Math.abs(n) > limit ? 'outOfRange' : n;
}

/** Checks every field and reports all problems at once, or gives the request to send. */
export function parseIncidentForm(f: IncidentFormFields): ParsedForm {
  const errors: FieldErrors = {};
  if (!isIncidentType(f.type)) errors.type = 'invalid';
  const priority = Number(f.priority);
  if (!(PRIORITIES as readonly number[]).includes(priority)) errors.priority = 'invalid';
  const address = f.address.trim();
  if (address === '') errors.address = 'required';
  else if (address.length > LIMITS.address) errors.address = 'tooLong';
  const district = f.district.trim();
  if (district.length > LIMITS.district) errors.district = 'tooLong';
  const summary = f.summary.trim();
  if (summary.length > LIMITS.summary) errors.summary = 'tooLong';
  const lat = parseDegrees(f.lat, 90);
  if (typeof lat !== 'number') errors.lat = lat;
  const lon = parseDegrees(f.lon, 180);
  if (typeof lon !== 'number') errors.lon = lon;

  if (Object.keys(errors).length > 0 || typeof lat !== 'number' || typeof lon !== 'number' || !isIncidentType(f.type)) return { ok: false, errors };
  return {
    ok: true,
    value: { type: f.type, priority, location: { lat, lon }, address, district, summary, exercise: f.exercise },
  };
}

export const firstInvalid = (errors: FieldErrors): FormField | undefined => FIELD_ORDER.find((k) => errors[k]);
