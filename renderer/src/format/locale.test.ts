import { describe, expect, it } from 'vitest';
import { formatAge, formatClock, formatDuration, formatSyncTime } from './locale';

const now = Date.UTC(2026, 10, 29, 9, 30, 0);

describe('locale formatting', () => {
  it('says how long ago in the operator’s language, in the largest whole unit', () => {
    expect(formatAge('zh-CN', now - 3 * 60_000, now)).toBe('3分钟前');
    expect(formatAge('en', now - 3 * 60_000, now)).toBe('3 min. ago');
    expect(formatAge('zh-CN', now - 3 * 3600_000, now)).toBe('3小时前');
    expect(formatAge('en', now - 3 * 86_400_000, now)).toBe('3 days ago');
    // A clock a little ahead of the hub never shows a time in the future.
    expect(formatAge('en', now + 5000, now)).toBe('0 sec. ago');
  });

  it('shows a 24-hour clock in both languages', () => {
    const at = new Date(2026, 10, 29, 21, 5, 9).getTime(); // local time, whatever the zone
    expect(formatClock('zh-CN', at)).toBe('21:05:09');
    expect(formatClock('en', at)).toBe('21:05:09');
  });

  it('shows a sync time as the time alone today, with the date otherwise', () => {
    const at = new Date(2026, 10, 29, 8, 1, 2).getTime();
    expect(formatSyncTime('zh-CN', at, new Date(2026, 10, 29, 23, 0, 0).getTime())).toBe('08:01:02');
    const yesterday = formatSyncTime('en', at, new Date(2026, 10, 30, 0, 5, 0).getTime());
    expect(yesterday).toContain('08:01:02');
    expect(yesterday).toContain('2026');
  });
});

describe('durations', () => {
  it('count whole minutes, and hours past sixty', () => {
    expect(formatDuration('zh-CN', 12 * 60_000 + 59_000)).toBe('12分钟');
    expect(formatDuration('zh-CN', 65 * 60_000)).toBe('1小时05分');
    expect(formatDuration('en', 65 * 60_000)).toBe('1 h 05 min');
    expect(formatDuration('en', -1)).toBe('0 min');
  });
});
