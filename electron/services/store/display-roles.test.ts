import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dutyOfficer } from '../../../test/support/actors';
import { useStores } from '../../../test/support/store';
import { useTempDirs } from '../../../test/support/temp';
import type { SavedDisplay } from '../../shared/workspace/assignment';

const tempDir = useTempDirs();
const { start: store, close: closeStore } = useStores();

const saved: SavedDisplay[] = [
  { id: '2528732444', label: 'DELL U2723QE', width: 2560, height: 1440, roles: ['console', 'map'] },
  { id: '2779098405', label: '海信 55 寸', width: 3840, height: 2160, roles: ['wall-output'], wallMonitor: 'all' },
];

describe('display roles in the store (worker thread, real SQLite file)', () => {
  it('keeps the roles per workstation across a restart, each change audited with what it was before', async () => {
    const file = path.join(tempDir(), 'vigil.db');
    const s = await store(file);
    const me = { workstationId: dutyOfficer.workstationId };
    expect(await s.call('getDisplayRoles', me)).toEqual([]);
    await s.call('setDisplayRoles', { actor: dutyOfficer, saved });
    await s.call('setDisplayRoles', { actor: dutyOfficer, saved: saved.slice(0, 1) });
    expect(await s.call('getDisplayRoles', { workstationId: 'ws-video-01' })).toEqual([]);
    await closeStore(s);

    const again = await store(file);
    expect(await again.call('getDisplayRoles', me)).toEqual(saved.slice(0, 1));
    await closeStore(again);
    const db = new Database(file, { readonly: true });
    const audit = db.prepare("SELECT workstation_id, target_id, details FROM audit_log WHERE action = 'workspace.display-roles' ORDER BY id").all() as { workstation_id: string; target_id: string; details: string }[];
    db.close();
    expect(audit.map((a) => [a.workstation_id, a.target_id])).toEqual([
      ['ws-dispatch-03', 'ws-dispatch-03'],
      ['ws-dispatch-03', 'ws-dispatch-03'],
    ]);
    expect(JSON.parse(audit[1]!.details)).toEqual({ from: saved, to: saved.slice(0, 1) });
  });

  it('reads a saved value that no longer parses as no roles, rather than trusting it', async () => {
    const file = path.join(tempDir(), 'vigil.db');
    const s = await store(file);
    await s.call('setDisplayRoles', { actor: dutyOfficer, saved });
    await closeStore(s);
    const db = new Database(file);
    // The same role on two displays: something this Vigil would never have written.
    db.prepare("UPDATE workspace_settings SET value = ? WHERE key = 'workspace.displayRoles'").run(JSON.stringify([saved[0], { ...saved[1], roles: ['map'] }]));
    db.close();
    expect(await (await store(file)).call('getDisplayRoles', { workstationId: dutyOfficer.workstationId })).toEqual([]);
  });
});
