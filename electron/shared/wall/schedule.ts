// When scheduled presets fall due. Times are the workstation's local wall-clock ("HH:MM" on
// weekdays), which is what a duty roster says; `local` turns an instant into it (injected so the
// tests can pin a time zone).
import type { Schedule } from './wall-state';

export type LocalTime = (at: number) => { day: number; minute: number };

export const systemLocalTime: LocalTime = (at) => {
  const d = new Date(at);
  return { day: d.getDay(), minute: d.getHours() * 60 + d.getMinutes() };
};

const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;

/**
 * Whether a scheduled minute starts in (from, to]. Only the last day is looked at when the gap is
 * longer (a workstation that was off does not replay a day of presets at start).
 */
export function isDue(schedule: Schedule, from: number, to: number, local: LocalTime = systemLocalTime): boolean {
  if (!(to > from)) return false;
  const wanted = new Set(schedule.times.map((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5))));
  const first = Math.max(Math.floor(from / MINUTE) + 1, Math.floor(to / MINUTE) - DAY_MINUTES + 1);
  for (let m = first; m <= Math.floor(to / MINUTE); m++) {
    const t = local(m * MINUTE);
    if (wanted.has(t.minute) && (schedule.days.length === 0 || schedule.days.includes(t.day))) return true;
  }
  return false;
}
