import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDue, type LocalTime } from './schedule';

const utc: LocalTime = (at) => ({ day: new Date(at).getUTCDay(), minute: new Date(at).getUTCHours() * 60 + new Date(at).getUTCMinutes() });
const monday0759 = Date.UTC(2026, 10, 30, 7, 59, 30);

describe('preset schedules', () => {
  const weekdays8 = { times: ['08:00'], days: [1, 2, 3, 4, 5] };
  it('falls due once as its minute starts, on its days only', () => {
    expect(isDue(weekdays8, monday0759, monday0759 + 29_000, utc)).toBe(false);
    expect(isDue(weekdays8, monday0759, monday0759 + 30_000, utc)).toBe(true);
    expect(isDue(weekdays8, monday0759 + 30_000, monday0759 + 90_000, utc)).toBe(false);
    const saturday = monday0759 + 5 * 86_400_000;
    expect(isDue(weekdays8, saturday, saturday + 60_000, utc)).toBe(false);
    expect(isDue({ times: ['08:00'], days: [] }, saturday, saturday + 60_000, utc)).toBe(true);
  });

  it('ticks of any length find each scheduled minute exactly once over a day', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 600_000 }), { minLength: 1, maxLength: 400 }), fc.integer({ min: 0, max: 1439 }), (steps, minute) => {
        const hhmm = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
        const start = Date.UTC(2026, 10, 30, 0, 0, 0);
        let t = start, due = 0;
        for (const step of steps) {
          if (isDue({ times: [hhmm], days: [] }, t, t + step, utc)) due++;
          t += step;
        }
        const boundary = start + minute * 60_000;
        expect(due).toBe(boundary > start && boundary <= t && t - start < 86_400_000 ? 1 : due);
        if (t - start < 86_400_000) expect(due).toBe(boundary > start && boundary <= t ? 1 : 0);
      }),
    );
  });

  it('after a long gap (switched off) it does not replay a day of presets: at most the last day', () => {
    expect(isDue({ times: ['03:00'], days: [] }, monday0759 - 10 * 86_400_000, monday0759, utc)).toBe(true);
    expect(isDue({ times: ['07:59'], days: [] }, monday0759 - 60_000, monday0759, utc)).toBe(true);
  });
});
