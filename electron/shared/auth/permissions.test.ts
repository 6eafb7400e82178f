import { describe, expect, it } from 'vitest';
import { METHODS } from '../contract/requests';
import { events } from '../contract/events';
import { ROLES } from '../domain/operator';
import { mayCall, mayReceive, PERMISSIONS, refusalFor } from './permissions';

describe('the permission table', () => {
  it('names every request of the contract, and nothing else', () => {
    // A request added to requests.ts without a row here fails this (and the type check).
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...METHODS].sort());
  });

  it('gives every request at least one role or opens it before sign-in, with only known roles', () => {
    for (const m of METHODS) {
      const access = PERMISSIONS[m];
      if (access === 'signed-out') continue;
      expect(access.length, m).toBeGreaterThan(0);
      for (const r of access) expect(ROLES, m).toContain(r);
    }
  });

  it('lets a supervisor make every request', () => {
    expect(METHODS.filter((m) => !mayCall(m, 'supervisor'))).toEqual([]);
  });

  it('keeps a viewer to reading: no incident action, no wall change, no settings, no audit log', () => {
    const viewerMay = METHODS.filter((m) => mayCall(m, 'viewer'));
    for (const m of viewerMay) expect(m, m).toMatch(/^(session\.|incidents\.(list|chronology|plan)$|units\.list|maps\.settings|sync\.(status|rejections)$|videoPoints\.list|wall\.(join|state|focus)$|workspace\.(setLanguage|displays|reportDisplays|windowState|saveWindowState)$|windows\.open|store\.status|drones\.list$|diagnostics\.get$)/);
    for (const m of ['incidents.create', 'incidents.setStatus', 'incidents.assignUnit', 'wall.push', 'audit.export', 'maps.import', 'drones.save', 'backups.run', 'backups.restore'] as const) expect(refusalFor(m, 'viewer')).toBe('forbidden');
  });

  it('keeps dispatching to operators and supervisors, and the audit log to supervisors', () => {
    for (const r of ROLES) {
      expect(mayCall('incidents.setStatus', r)).toBe(r === 'operator' || r === 'supervisor');
      expect(mayCall('audit.export', r)).toBe(r === 'supervisor');
      expect(mayCall('audit.list', r)).toBe(r === 'supervisor');
      // Putting a backup in place of the database in use is the duty officer's decision.
      expect(mayCall('backups.restore', r)).toBe(r === 'supervisor');
    }
    expect(mayCall('wall.savePreset', 'wall')).toBe(true);
    expect(mayCall('wall.savePreset', 'operator')).toBe(false);
  });

  it('refuses everything but the sign-in screen’s requests before anyone signs in', () => {
    const open = METHODS.filter((m) => refusalFor(m, null) === null).sort();
    expect(open).toEqual(['session.get', 'session.signIn', 'store.status', 'workspace.setLanguage']);
    expect(refusalFor('incidents.list', null)).toBe('signed-out');
  });

  it('pushes no city data to a window before sign-in', () => {
    const heard = Object.keys(events).filter((e) => mayReceive(e, null)).sort();
    expect(heard).toEqual(['hub.status', 'session.changed', 'store.status', 'workspace.language']);
    expect(Object.keys(events).every((e) => mayReceive(e, 'viewer'))).toBe(true);
  });
});
