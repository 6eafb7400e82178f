// Dates, times and numbers in the operator's language, in the workstation's own time zone
// (the control room's clock). Formatters are built once per language: they are not cheap.
import type { Language } from '../../../electron/shared/domain/identity';

interface Formatters {
  clock: Intl.DateTimeFormat;
  date: Intl.DateTimeFormat;
  dateTime: Intl.DateTimeFormat;
  relative: Intl.RelativeTimeFormat;
  coordinate: Intl.NumberFormat;
  integer: Intl.NumberFormat;
}

const cache = new Map<Language, Formatters>();

function formatters(language: Language): Formatters {
  let f = cache.get(language);
  if (!f) {
    f = {
      clock: new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }),
      date: new Intl.DateTimeFormat(language, { year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short' }),
      dateTime: new Intl.DateTimeFormat(language, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }),
      relative: new Intl.RelativeTimeFormat(language, { numeric: 'always', style: 'short' }),
      coordinate: new Intl.NumberFormat(language, { minimumFractionDigits: 5, maximumFractionDigits: 5 }),
      integer: new Intl.NumberFormat(language),
    };
    cache.set(language, f);
  }
  return f;
}

export const formatClock = (language: Language, at: number): string => formatters(language).clock.format(at);
export const formatDate = (language: Language, at: number): string => formatters(language).date.format(at);
export const formatDateTime = (language: Language, at: number): string => formatters(language).dateTime.format(at);
export const formatCoordinate = (language: Language, degrees: number): string => formatters(language).coordinate.format(degrees);
/** One decimal place: distances in km. */
export const formatDecimal = (language: Language, n: number): string => new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n);
export const formatInteger = (language: Language, n: number): string => formatters(language).integer.format(n);

// Sizes for people: one decimal above a kilobyte, binary units as disks and logs are measured.
const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

export function formatBytes(language: Language, bytes: number | null): string {
  if (bytes === null) return '—';
  let n = bytes;
  let u = 0;
  while (n >= 1024 && u < BYTE_UNITS.length - 1) {
    n /= 1024;
    u++;
  }
  return `${u === 0 ? formatInteger(language, n) : formatDecimal(language, n)} ${BYTE_UNITS[u]}`;
}

/** How long ago, in the largest whole unit that fits: "3 分钟前", "2 hr. ago". */
export function formatAge(language: Language, at: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - at) / 1000));
  const rel = formatters(language).relative;
  if (seconds < 60) return rel.format(-seconds, 'second');
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return rel.format(-minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return rel.format(-hours, 'hour');
  return rel.format(-Math.floor(hours / 24), 'day');
}

/** When something last happened: the time alone if it was today, else date and time. */
export function formatSyncTime(language: Language, at: number, now: number): string {
  const a = new Date(at);
  const b = new Date(now);
  const sameDay = a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
  return sameDay ? formatClock(language, at) : formatDateTime(language, at);
}

/** How long, in whole minutes (hours past 60): for timers that tick while an operator watches. */
export function formatDuration(language: Language, ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (language === 'zh-CN') return h > 0 ? `${h}小时${String(m).padStart(2, '0')}分` : `${m}分钟`;
  return h > 0 ? `${h} h ${String(m).padStart(2, '0')} min` : `${m} min`;
}
