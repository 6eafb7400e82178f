// Drone records between a real hub (HubStore on a SQLite file, its socket.io server) and a real
// workstation database (SQLite file, all migrations), through the workstation's socket link and
// sync engine: records and their credentials down, an operator's edit up exactly once, an edit
// made offline reconciled when the hub comes back, and a refused edit shown as a rejection.
import path from 'node:path';
import Database from 'better-sqlite3';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../test/support/temp';
import { directSyncPort } from '../../../test/support/direct-sync-port';
import { HubStore } from '../../hub/hub-store';
import { startHubServer, type HubServer } from '../../hub/server';
import type { DroneWire, Mutation } from '../../shared/sync/protocol';
import { SyncEngine } from '../sync/engine';
import { connectSocketLink } from '../sync/socket-link';
import type { HubLink } from '../sync/hub-link';
import { migrate } from './migration';
import { migrations } from './migrations';
import { keyringOf, newKey, SecretBox } from '../secrets/secret-box';
import { useSecretBox } from './credentials';
import { droneSources, listDroneRecords, saveDroneAction } from './drone-records';
import { listRejections } from './overlay';
import { outboxCounts } from './outbox';
import { systemClock } from './writers';

const tempDir = useTempDirs();
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const actor = { operatorId: 'op-1', operatorName: '李娜', workstationId: 'ws-1' };
const silent = pino({ level: 'silent' });
const dock: Omit<DroneWire, 'rowVersion'> = {
  id: 'drone-dock1', callsign: '机场1号', model: 'DJI Dock 2', streamUrl: 'rtmp://10.2.0.8/live/dock1', codec: 'h264', telemetry: 'hub',
  credentials: { username: 'pilot', password: 's3cret-rtmp' }, updatedAt: 1_800_000_000_000,
};

async function world() {
  const dir = tempDir();
  const hub = new HubStore(path.join(dir, 'hub.db'), undefined, {}, { synchronous: 'NORMAL' });
  hub.setWorkstationSecret('ws-1', 'secret-one');
  cleanups.push(() => hub.close());
  const db = new Database(path.join(dir, 'ws.db'));
  cleanups.push(() => db.close());
  migrate(db, migrations);
  useSecretBox(db, new SecretBox(keyringOf([newKey()])));
  let server: HubServer | null = null;
  const open = async () => {
    server = await startHubServer({ store: hub, port: server?.port ?? 0, log: silent });
    cleanups.push(() => server?.close());
  };
  await open();
  const link = (): HubLink => {
    const l = connectSocketLink({ url: server!.url, hello: { protocol: 1, workstationId: 'ws-1', secret: 'secret-one', clientId: 'client-1' }, timeoutMs: 3000 });
    cleanups.push(() => l.close());
    return l;
  };
  /** A sync round once the link is up (5 s at most). */
  const sync = async (l: HubLink) => {
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('link not up within 5 s')), 5000);
      l.onConnection((up) => up && (clearTimeout(t), resolve()));
    });
    await new SyncEngine(directSyncPort(db, Date.now), l).sync();
  };
  const hubDrone = (id: string) => hub.db.prepare('SELECT callsign, model, stream_url, telemetry, row_version FROM drones WHERE id = ?').get(id);
  const droneUpdates = () => hub.db.prepare("SELECT outcome, reason FROM mutation_results WHERE kind = 'drone.update'").all();
  return { hub, db, link, sync, hubDrone, droneUpdates, server: () => server!, reopen: open };
}

describe('drone records synced with the hub', () => {
  it('come down with their credentials kept for main; windows get neither address nor credentials', async () => {
    const w = await world();
    w.hub.system((x) => x.upsertDrone(dock));
    await w.sync(w.link());
    expect(listDroneRecords(w.db)).toEqual([{ id: 'drone-dock1', callsign: '机场1号', model: 'DJI Dock 2', telemetry: 'hub', codec: 'h264', origin: 'hub', hasStream: true }]);
    expect(JSON.stringify(listDroneRecords(w.db))).not.toMatch(/s3cret|pilot|rtmp:/);
    expect(droneSources(w.db)).toEqual([
      { id: 'drone-dock1', callsign: '机场1号', model: 'DJI Dock 2', telemetry: 'hub', codec: 'h264', streamUrl: 'rtmp://10.2.0.8/live/dock1', username: 'pilot', password: 's3cret-rtmp' },
    ]);
    // Credentials are stored apart from the record, as a camera's are, and sealed: the password is not in the row.
    expect(w.db.prepare('SELECT username FROM drone_credentials').all()).toEqual([{ username: 'pilot' }]);
    const stored = w.db.prepare('SELECT secret FROM drone_credentials').get() as { secret: Buffer };
    expect(stored.secret.includes(Buffer.from('s3cret-rtmp'))).toBe(false);

    // A later hub change replaces the record; credentials taken away are gone here too.
    w.hub.system((x) => x.upsertDrone({ ...dock, model: 'DJI Dock 3', credentials: null }));
    await w.sync(w.link());
    expect(droneSources(w.db)[0]).toMatchObject({ model: 'DJI Dock 3', username: null, password: null });
  });

  it('an operator’s edit reaches the hub exactly once, even when its answer is lost and it is sent again', async () => {
    const w = await world();
    w.hub.system((x) => x.upsertDrone(dock));
    const l = w.link();
    await w.sync(l);
    const saved = saveDroneAction(w.db, actor, { id: 'drone-dock1', callsign: '机场一号', telemetry: 'klv' }, systemClock);
    expect(saved).toMatchObject({ callsign: '机场一号', telemetry: 'klv' }); // shown at once, before the hub answers
    expect(w.db.prepare("SELECT action, target_kind, target_id FROM audit_log WHERE action = 'drone.update'").all()).toEqual([{ action: 'drone.update', target_kind: 'drone', target_id: 'drone-dock1' }]);
    await w.sync(l);
    expect(w.hubDrone('drone-dock1')).toEqual({ callsign: '机场一号', model: 'DJI Dock 2', stream_url: 'rtmp://10.2.0.8/live/dock1', telemetry: 'klv', row_version: 2 });
    expect(w.droneUpdates()).toEqual([{ outcome: 'applied', reason: null }]);
    expect(outboxCounts(w.db)).toEqual({ pending: 0, rejected: 0 });
    expect(listDroneRecords(w.db)[0]).toMatchObject({ callsign: '机场一号', telemetry: 'klv' });

    // A second edit, then its answer lost: the outbox sends the same mutation again. The hub
    // answers as the first time and applies nothing.
    const again = saveDroneAction(w.db, actor, { id: 'drone-dock1', callsign: '机场1号', telemetry: 'hub', streamUrl: 'srt://10.2.0.9:9000' }, systemClock);
    expect(again.callsign).toBe('机场1号');
    const sent = JSON.parse((w.db.prepare("SELECT payload FROM sync_outbox WHERE kind = 'drone.update'").get() as { payload: string }).payload) as Mutation;
    await w.sync(l);
    expect(outboxCounts(w.db).pending).toBe(0);
    const logged = () => w.hub.db.prepare("SELECT count(*) AS n FROM change_log WHERE entity = 'drone'").get();
    const before = logged();
    const answer = await l.push({ clientNow: Date.now(), mutations: [sent] });
    expect(answer.results).toMatchObject([{ n: sent.n, id: sent.id, outcome: 'applied' }]);
    expect(logged()).toEqual(before);
    expect(w.droneUpdates()).toHaveLength(2);
    expect(w.hubDrone('drone-dock1')).toMatchObject({ callsign: '机场1号', stream_url: 'srt://10.2.0.9:9000', row_version: 3 });
    expect(droneSources(w.db)[0]).toMatchObject({ streamUrl: 'srt://10.2.0.9:9000', username: 'pilot' });
  });

  it('an edit made offline shows at once, goes when the hub is back, and merges with what the hub changed meanwhile', async () => {
    const w = await world();
    w.hub.system((x) => x.upsertDrone(dock));
    await w.sync(w.link());
    await w.server().close(); // the hub is unreachable from here on
    const offline = connectSocketLink({ url: w.server().url, hello: { protocol: 1, workstationId: 'ws-1', secret: 'secret-one', clientId: 'client-1' }, timeoutMs: 500 });
    cleanups.push(() => offline.close());
    await expect(new SyncEngine(directSyncPort(w.db, Date.now), offline).sync()).rejects.toThrow();

    saveDroneAction(w.db, actor, { id: 'drone-dock1', callsign: '鹰眼9', telemetry: 'none', streamUrl: null }, systemClock);
    expect(listDroneRecords(w.db)[0]).toMatchObject({ callsign: '鹰眼9', telemetry: 'none', hasStream: false });
    expect(droneSources(w.db)[0]).toMatchObject({ streamUrl: null });
    expect(outboxCounts(w.db).pending).toBe(1);
    // Meanwhile the platform changed the aircraft model.
    w.hub.system((x) => x.upsertDrone({ ...dock, model: 'Matrice 4TD' }));

    await w.reopen();
    await w.sync(w.link());
    expect(w.hubDrone('drone-dock1')).toEqual({ callsign: '鹰眼9', model: 'Matrice 4TD', stream_url: null, telemetry: 'none', row_version: 3 });
    expect(outboxCounts(w.db)).toEqual({ pending: 0, rejected: 0 });
    expect(listDroneRecords(w.db)).toEqual([{ id: 'drone-dock1', callsign: '鹰眼9', model: 'Matrice 4TD', telemetry: 'none', codec: 'h264', origin: 'hub', hasStream: false }]);
    expect(w.droneUpdates()).toEqual([{ outcome: 'applied', reason: null }]);
  });

  it('an edit the hub refuses stops showing and is listed for the operator with the hub’s reason', async () => {
    const w = await world();
    w.hub.system((x) => x.upsertDrone(dock));
    await w.sync(w.link());
    saveDroneAction(w.db, actor, { id: 'drone-dock1', callsign: '鹰眼7', telemetry: 'hub' }, systemClock);
    // Before it arrives, the platform gives that callsign to another drone.
    w.hub.system((x) => x.upsertDrone({ ...dock, id: 'drone-eagle7', callsign: '鹰眼7', streamUrl: 'udp://0.0.0.0:5600', credentials: null }));
    await w.sync(w.link());
    expect(w.droneUpdates()).toEqual([{ outcome: 'rejected', reason: 'callsign 鹰眼7 is taken by another drone' }]);
    expect(listDroneRecords(w.db).map((d) => [d.id, d.callsign])).toEqual([['drone-dock1', '机场1号'], ['drone-eagle7', '鹰眼7']]);
    expect(listRejections(w.db)).toMatchObject([{ kind: 'drone.update', reason: 'callsign 鹰眼7 is taken by another drone', summary: '鹰眼7' }]);
    // Refused locally too, before anything is queued, when this workstation already knows.
    expect(() => saveDroneAction(w.db, actor, { id: 'drone-dock1', callsign: '鹰眼7', telemetry: 'hub' }, systemClock)).toThrow(/taken/);
    expect(() => saveDroneAction(w.db, actor, { id: 'drone-nope', callsign: 'x', telemetry: 'hub' }, systemClock)).toThrow(/not a hub drone/);
    expect(outboxCounts(w.db).pending).toBe(0);
    // The hub judges again whatever a workstation sends: a drone it does not have is refused.
    const other = { clientId: 'client-2', workstationId: 'ws-1' };
    const result = w.hub.push(other, Date.now(), [{ n: 1, id: '0190a0e0-0000-7000-8000-000000000001', schema: 1, at: Date.now(), actor, op: { kind: 'drone.update', droneId: 'drone-nope', callsign: 'x', telemetry: 'hub' } }]);
    expect(result.results).toMatchObject([{ outcome: 'rejected', reason: 'unknown drone' }]);
  });
});
