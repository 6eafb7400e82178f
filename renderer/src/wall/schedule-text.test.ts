import { describe, expect, it } from 'vitest';
import { orderedDays, parseTimes, timesText, toggleDay } from './schedule-text';

describe('a preset schedule as typed', () => {
  it('reads times separated by commas or spaces (either width), sorted, without repeats', () => {
    expect(parseTimes('20:00, 8:00，08:00  7：30')).toEqual(['07:30', '08:00', '20:00']);
    expect(parseTimes('23:59')).toEqual(['23:59']);
  });

  it('refuses what is not a time of day, and nothing at all', () => {
    for (const bad of ['', '  ', '24:00', '8:60', '8', 'eight', '08:00, x']) expect(parseTimes(bad)).toBeNull();
    expect(parseTimes(Array.from({ length: 25 }, (_, i) => `${String(i % 24).padStart(2, '0')}:${i < 24 ? '00' : '30'}`).join(','))).toBeNull();
  });

  it('writes times back for editing', () => {
    expect(timesText({ times: ['08:00', '20:00'], days: [] })).toBe('08:00, 20:00');
    expect(timesText(null)).toBe('');
  });

  it('keeps weekdays in roster order, Monday first and Sunday last', () => {
    expect(orderedDays([0, 3, 1])).toEqual([1, 3, 0]);
    expect(toggleDay([1, 3], 0)).toEqual([1, 3, 0]);
    expect(toggleDay([1, 3, 0], 3)).toEqual([1, 0]);
  });
});
