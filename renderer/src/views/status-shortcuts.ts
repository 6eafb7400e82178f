// Single-key status changes for the selected incident. Keyed by KeyboardEvent.code (the
// physical key), so they work the same whatever the keyboard layout and while a Chinese IME
// is switched on, when e.key reads 'Process'.
import type { IncidentStatus } from '../../../electron/shared/domain/incident';
import { canTransition } from '../../../electron/shared/domain/incident-lifecycle';

export const STATUS_SHORTCUTS = {
  KeyD: 'dispatched',
  KeyR: 'en_route',
  KeyS: 'on_scene',
  KeyC: 'closed',
  KeyX: 'cancelled',
} as const satisfies Record<string, IncidentStatus>;

export type ShortcutStatus = (typeof STATUS_SHORTCUTS)[keyof typeof STATUS_SHORTCUTS];

const CODE_OF = Object.fromEntries(Object.entries(STATUS_SHORTCUTS).map(([code, status]) => [status, code])) as Record<ShortcutStatus, string>;

/** The letter shown on a button and in the hint ('D'), or null for a status without a key. */
export function shortcutLetter(status: IncidentStatus): string | null {
  const code = (CODE_OF as Partial<Record<IncidentStatus, string>>)[status];
  return code ? code.slice(3) : null;
}

/**
 * The status a key press asks for, or null when the key is not a status key or the incident
 * cannot go there from where it is (the same state machine main checks).
 */
export function statusForKey(code: string, from: IncidentStatus): IncidentStatus | null {
  const to = (STATUS_SHORTCUTS as Partial<Record<string, IncidentStatus>>)[code];
  return to && canTransition(from, to) ? to : null;
}
