import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NewIncident } from '../../../electron/shared/domain/incident';
import { CITY_CENTRE, emptyForm, firstInvalid, parseIncidentForm, type IncidentFormFields } from './incident-form';

const filled = (over: Partial<IncidentFormFields> = {}): IncidentFormFields => ({ ...emptyForm(), address: '德城区 新湖大街 58 号', ...over });

describe('new-incident form', () => {
  it('starts at the city centre, with no address', () => {
    const f = emptyForm();
    expect([Number(f.lat), Number(f.lon)]).toEqual([CITY_CENTRE.lat, CITY_CENTRE.lon]);
    expect(f.address).toBe('');
    expect(f.exercise).toBe(false);
  });

  it('requires an address: blank or only spaces is refused at the field', () => {
    expect(parseIncidentForm(emptyForm())).toEqual({ ok: false, errors: { address: 'required' } });
    expect(parseIncidentForm(filled({ address: '   ' }))).toEqual({ ok: false, errors: { address: 'required' } });
  });

  it('turns the typed strings into the request, trimmed', () => {
    const got = parseIncidentForm(filled({ type: 'fire', priority: '1', address: '  晶华路 加油站 ', district: ' 德城区 ', summary: ' 有烟 ', lat: '37.44', lon: '116.33', exercise: true }));
    expect(got).toEqual({
      ok: true,
      value: { type: 'fire', priority: 1, location: { lat: 37.44, lon: 116.33 }, address: '晶华路 加油站', district: '德城区', summary: '有烟', exercise: true },
    });
  });

  it('reports every bad field at once, in form order', () => {
    const got = parseIncidentForm(filled({ type: 'arson', priority: '0', address: 'x'.repeat(201), district: 'y'.repeat(61), summary: 'z'.repeat(2001), lat: '91', lon: 'abc' }));
    expect(got).toEqual({
      ok: false,
      errors: { type: 'invalid', priority: 'invalid', address: 'tooLong', district: 'tooLong', summary: 'tooLong', lat: 'outOfRange', lon: 'notNumber' },
    });
    if (!got.ok) expect(firstInvalid(got.errors)).toBe('type');
  });

  it('refuses empty and non-finite coordinates', () => {
    expect(parseIncidentForm(filled({ lat: '' }))).toEqual({ ok: false, errors: { lat: 'required' } });
    expect(parseIncidentForm(filled({ lon: 'Infinity' }))).toEqual({ ok: false, errors: { lon: 'notNumber' } });
    expect(parseIncidentForm(filled({ lon: '-180.5' }))).toEqual({ ok: false, errors: { lon: 'outOfRange' } });
    expect(parseIncidentForm(filled({ lat: '-90', lon: '180' })).ok).toBe(true);
  });

  it('never lets through anything main’s schema would refuse', () => {
    const field = fc.oneof(fc.string(), fc.constantFrom('', ' ', '1', '4', '5', '37.4', '-200', 'NaN', 'fire', 'other'));
    fc.assert(
      fc.property(fc.record({ type: field, priority: field, address: field, district: field, summary: field, lat: field, lon: field, exercise: fc.boolean() }), (f) => {
        const got = parseIncidentForm(f);
        if (got.ok) expect(NewIncident.strict().safeParse(got.value).success).toBe(true);
      }),
    );
  });
});
