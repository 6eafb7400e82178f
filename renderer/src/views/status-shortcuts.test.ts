import { describe, expect, it } from 'vitest';
import { INCIDENT_STATUSES } from '../../../electron/shared/domain/incident';
import { canTransition, nextStatuses } from '../../../electron/shared/domain/incident-lifecycle';
import { STATUS_SHORTCUTS, shortcutLetter, statusForKey } from './status-shortcuts';

describe('status shortcuts', () => {
  it('maps D/R/S/C/X to dispatched, en route, on scene, closed, cancelled', () => {
    expect(statusForKey('KeyD', 'new')).toBe('dispatched');
    expect(statusForKey('KeyR', 'new')).toBe('en_route');
    expect(statusForKey('KeyS', 'dispatched')).toBe('on_scene');
    expect(statusForKey('KeyC', 'on_scene')).toBe('closed');
    expect(statusForKey('KeyX', 'en_route')).toBe('cancelled');
  });

  it('refuses a key the state machine does not allow from the current status', () => {
    expect(statusForKey('KeyD', 'on_scene')).toBeNull(); // no going back
    expect(statusForKey('KeyD', 'dispatched')).toBeNull(); // not to the same status
    expect(statusForKey('KeyC', 'closed')).toBeNull();
    expect(statusForKey('KeyX', 'cancelled')).toBeNull();
  });

  it('ignores keys that are not status keys', () => {
    expect(statusForKey('KeyN', 'new')).toBeNull();
    expect(statusForKey('Enter', 'new')).toBeNull();
    expect(statusForKey('toString', 'new')).toBeNull();
  });

  it('agrees with the lifecycle for every key and every status', () => {
    for (const from of INCIDENT_STATUSES) {
      for (const [code, to] of Object.entries(STATUS_SHORTCUTS)) {
        expect(statusForKey(code, from)).toBe(canTransition(from, to) ? to : null);
      }
    }
  });

  it('gives every status an open incident can move to a key, and shows it as a letter', () => {
    for (const from of INCIDENT_STATUSES) for (const to of nextStatuses(from)) expect(shortcutLetter(to)).toMatch(/^[A-Z]$/);
    expect(shortcutLetter('dispatched')).toBe('D');
    expect(shortcutLetter('cancelled')).toBe('X');
    expect(shortcutLetter('new')).toBeNull();
  });
});
