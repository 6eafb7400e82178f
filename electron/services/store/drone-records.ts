// The hub's drone records on this workstation (docs/drones.md), with this workstation's pending
// edits folded on top as overlay.ts does for incidents: the table stays as the hub sent it, a
// pending `drone.update` shows (and takes effect in main) at once, a rejected one stops showing.
import type { Database } from 'better-sqlite3';
import { ServiceError } from '../../shared/contract/errors';
import type { Drone, DroneEdit } from '../../shared/domain/drone';
import type { Actor } from '../../shared/domain/identity';
import type { Mutation } from '../../shared/sync/protocol';
import { openDroneCredential } from './credentials';
import { enqueue } from './outbox';
import { prep } from './statements';
import type { Clock } from './writers';

interface DroneRow {
  id: string; callsign: string; model: string; stream_url: string | null; codec: Drone['codec']; telemetry_source: Drone['telemetry'];
  username: string | null; secret: Buffer | null;
}

/** Everything main's drone service needs to read a drone: never part of a reply to a window. */
export interface DroneSource {
  id: string;
  callsign: string;
  model: string;
  telemetry: Drone['telemetry'];
  codec: Drone['codec'];
  streamUrl: string | null;
  username: string | null;
  password: string | null;
}

type DroneUpdate = Extract<Mutation['op'], { kind: 'drone.update' }>;

function pendingEdits(db: Database): DroneUpdate[] {
  const rows = prep(db, "SELECT payload FROM sync_outbox WHERE (state = 'pending' OR outcome = 'applied') AND kind = 'drone.update' ORDER BY seq").all() as { payload: string }[];
  return rows.map((r) => (JSON.parse(r.payload) as Mutation).op as DroneUpdate);
}

type Record = Omit<DroneSource, 'password'> & { secret: Buffer | null };

/** The hub's drone records with pending edits folded on top; credentials still sealed. */
function droneRecords(db: Database): Record[] {
  const rows = prep(
    db,
    `SELECT d.id, d.callsign, d.model, d.stream_url, d.codec, d.telemetry_source, c.username, c.secret
       FROM drones d LEFT JOIN drone_credentials c ON c.drone_id = d.id WHERE d.origin = 'hub' ORDER BY d.callsign`,
  ).all() as DroneRow[];
  const byId = new Map(
    rows.map((r): [string, Record] => [r.id, { id: r.id, callsign: r.callsign, model: r.model, telemetry: r.telemetry_source, codec: r.codec, streamUrl: r.stream_url, username: r.username, secret: r.secret }]),
  );
  for (const e of pendingEdits(db)) {
    const d = byId.get(e.droneId);
    if (d) byId.set(e.droneId, { ...d, callsign: e.callsign, telemetry: e.telemetry, streamUrl: e.streamUrl === undefined ? d.streamUrl : e.streamUrl });
  }
  return [...byId.values()];
}

/** The drone records, edits folded on top, with their stream addresses and credentials (main only). */
export function droneSources(db: Database): DroneSource[] {
  return droneRecords(db).map(({ secret, ...d }) => ({ ...d, password: secret ? openDroneCredential(db, d.id, secret) : null }));
}

/** The drone records as windows see them: no address, no credentials (nothing is opened for them). */
export function listDroneRecords(db: Database): Drone[] {
  return droneRecords(db).map((d) => ({ id: d.id, callsign: d.callsign, model: d.model, telemetry: d.telemetry, codec: d.codec, origin: 'hub', hasStream: d.streamUrl !== null }));
}

/**
 * An operator's edit of a hub drone record: checked against what this workstation shows, then
 * queued for the hub (which judges it again) in one transaction with its audit row.
 */
export function saveDroneAction(db: Database, actor: Actor, edit: DroneEdit, clock: Clock): Drone {
  return db
    .transaction((): Drone => {
      const shown = listDroneRecords(db);
      const drone = shown.find((d) => d.id === edit.id);
      if (!drone) throw new ServiceError('not-found', `drone ${edit.id} is not a hub drone record`);
      if (shown.some((d) => d.id !== edit.id && d.callsign === edit.callsign)) throw new ServiceError('conflict', `callsign ${edit.callsign} is taken by another drone`);
      const op: DroneUpdate = { kind: 'drone.update', droneId: edit.id, callsign: edit.callsign, telemetry: edit.telemetry, ...(edit.streamUrl !== undefined ? { streamUrl: edit.streamUrl } : {}) };
      // The address itself is not audited: it may name a private network the log should not.
      enqueue(db, actor, op, clock.now(), { action: 'drone.update', details: { callsign: edit.callsign, telemetry: edit.telemetry, streamChanged: edit.streamUrl !== undefined } });
      return listDroneRecords(db).find((d) => d.id === edit.id)!;
    })
    .immediate();
}
