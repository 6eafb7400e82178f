// How the link to the command-centre hub looks to an operator: pure, so the rules are tested
// without a DOM.
import type { HubStatus } from '../../../electron/shared/contract/status';

export type Tone = 'ok' | 'warn' | 'bad' | 'idle';
export type HubState = HubStatus['state'];

const TONE: Readonly<Record<HubState, Tone>> = {
  'not-configured': 'idle',
  connecting: 'warn',
  online: 'ok',
  reconnecting: 'warn',
  offline: 'bad',
};

export const hubTone = (state: HubState): Tone => TONE[state];

/** The hub cannot be reached right now: work goes on locally and actions queue in the outbox. */
export const isHubUnreachable = (state: HubState): boolean => state === 'offline' || state === 'reconnecting';

/** Beyond this the two clocks disagree enough to mislead an operator reading times. */
export const CLOCK_SKEW_LIMIT_MS = 5 * 60_000;

export interface ClockSkew {
  /** Whole minutes, at least 1 when reported. */
  minutes: number;
  /** This workstation's clock is ahead of the hub's (skew is hub minus local, so negative). */
  localAhead: boolean;
}

/** A clock difference worth telling the operator about, or null. */
export function clockSkew(skewMs: number | null): ClockSkew | null {
  if (skewMs === null || Math.abs(skewMs) <= CLOCK_SKEW_LIMIT_MS) return null;
  return { minutes: Math.round(Math.abs(skewMs) / 60_000), localAhead: skewMs < 0 };
}

/** Bootstrap progress as a whole percentage, clamped: totals can move while downloading. */
export function bootstrapPercent(received: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.max(0, Math.floor((received / total) * 100)));
}
