import { describe, expect, it } from 'vitest';
import { bootstrapPercent, clockSkew, hubTone, isHubUnreachable } from './hub-health';

describe('hub health', () => {
  it('calls the hub unreachable when offline or reconnecting, not while first connecting', () => {
    expect(isHubUnreachable('offline')).toBe(true);
    expect(isHubUnreachable('reconnecting')).toBe(true);
    expect(isHubUnreachable('connecting')).toBe(false);
    expect(isHubUnreachable('online')).toBe(false);
    expect(isHubUnreachable('not-configured')).toBe(false);
  });

  it('colours online green, trying amber, offline red and standalone neutral', () => {
    expect([hubTone('online'), hubTone('connecting'), hubTone('reconnecting'), hubTone('offline'), hubTone('not-configured')]).toEqual(['ok', 'warn', 'warn', 'bad', 'idle']);
  });

  it('warns about clock skew only beyond five minutes, either way', () => {
    expect(clockSkew(null)).toBeNull();
    expect(clockSkew(5 * 60_000)).toBeNull();
    expect(clockSkew(-5 * 60_000)).toBeNull();
    // Skew is hub minus local: positive means this workstation is behind.
    expect(clockSkew(5 * 60_000 + 1)).toEqual({ minutes: 5, localAhead: false });
    expect(clockSkew(-7 * 60_000 - 20_000)).toEqual({ minutes: 7, localAhead: true });
  });

  it('shows bootstrap progress as a clamped whole percentage', () => {
    expect(bootstrapPercent(0, 0)).toBe(0);
    expect(bootstrapPercent(1200, 5000)).toBe(24);
    expect(bootstrapPercent(6000, 5000)).toBe(100);
  });
});
