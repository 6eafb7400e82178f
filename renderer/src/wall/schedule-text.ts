// A preset's schedule as an operator types it: times "8:00, 20:30" and weekdays. Pure.
import type { Schedule } from '../../../electron/shared/wall';

/** Monday first, as Chinese duty rosters are written; 0 is Sunday as in the schedule itself. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0] as const;

/** Times separated by spaces or commas (either width), as sorted unique "HH:MM"; null if any is not a time or there are none (or over 24). */
export function parseTimes(text: string): string[] | null {
  const parts = text.split(/[\s,，、;；]+/).filter(Boolean);
  if (parts.length === 0) return null;
  const times = new Set<string>();
  for (const p of parts) {
    const m = /^(\d{1,2})[:：](\d{2})$/.exec(p);
    if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return null;
    times.add(`${m[1]!.padStart(2, '0')}:${m[2]}`);
  }
  return times.size > 24 ? null : [...times].sort();
}

export function timesText(schedule: Schedule | null): string {
  return schedule ? schedule.times.join(', ') : '';
}

/** Weekdays in roster order; none chosen means every day. */
export function orderedDays(days: readonly number[]): number[] {
  return WEEKDAYS.filter((d) => days.includes(d));
}

export function toggleDay(days: readonly number[], day: number): number[] {
  return orderedDays(days.includes(day) ? days.filter((d) => d !== day) : [...days, day]);
}
