// The hub's state and its one writer. Every change commits with the next sequence number of
// its stream inside the same transaction, so the feed never skips or reorders a commit.
// Synchronous (better-sqlite3) on purpose: one writer, one transaction at a time.
import { prep } from '../services/store/statements';
import Database from 'better-sqlite3';
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { canTransition, isFinal } from '../shared/domain/incident-lifecycle';
import type { IncidentStatus } from '../shared/domain/incident';
import type { Actor } from '../shared/domain/identity';
import {
  MAX_PAGE,
  type Change,
  type ChangesPage,
  type DroneWire,
  type ChangesRequest,
  type Item,
  type Mutation,
  type MutationResult,
  type Operation,
  type PlanWire,
  type PushResult,
  type SnapshotPage,
  type SnapshotRequest,
  type Stream,
  type UnitWire,
  type VideoPointWire,
  STREAM_OF,
} from '../shared/sync/protocol';
import { migrate } from '../services/store/migration';
import { HubOperators } from './hub-operators';
import {
  assignmentKey,
  assignmentWire,
  conflictWire,
  droneWire,
  eventWire,
  incidentWire,
  planWire,
  unitWire,
  videoPointWire,
  type AssignmentRow,
  type ConflictRow,
  type DroneRow,
  type EventRow,
  type IncidentRow,
  type PlanRow,
  type UnitRow,
  type VideoPointRow,
} from './hub-rows';
import { hubMigrations } from './hub-schema';

export interface HubClock {
  now(): number;
}

/** Switches that break the hub on purpose, so the fault suite can prove it notices. Never set outside tests. */
export interface HubSabotage {
  noDedup?: boolean;
}

export interface Client {
  clientId: string;
  workstationId: string;
}

/**
 * The parts of a snapshot, parents before children. Pages are read at different moments, so
 * children (which never change parent) are limited to those created up to the snapshot's seq:
 * their parents existed then and were listed by an earlier part. Later ones come by the feed,
 * which always carries a parent before its children.
 */
const PARTS: Readonly<Record<Stream, readonly { table: string; key: string; upToAsOf?: boolean; item: (row: never) => Item }[]>> = {
  incidents: [
    { table: 'units', key: 'id', item: (r: UnitRow) => ({ entity: 'unit', op: 'upsert', row: unitWire(r) }) },
    { table: 'plans', key: 'id', item: (r: PlanRow) => ({ entity: 'plan', op: 'upsert', row: planWire(r) }) },
    { table: 'incidents', key: 'id', item: (r: IncidentRow) => ({ entity: 'incident', op: 'upsert', row: incidentWire(r) }) },
    { table: 'events', key: 'id', upToAsOf: true, item: (r: EventRow) => ({ entity: 'event', op: 'upsert', row: eventWire(r) }) },
    { table: 'assignments', key: 'key', upToAsOf: true, item: (r: AssignmentRow) => ({ entity: 'assignment', op: 'upsert', row: assignmentWire(r) }) },
    { table: 'conflicts', key: 'id', upToAsOf: true, item: (r: ConflictRow) => ({ entity: 'conflict', op: 'upsert', row: conflictWire(r) }) },
  ],
  video_points: [
    { table: 'video_points', key: 'id', item: (r: VideoPointRow) => ({ entity: 'video_point', op: 'upsert', row: videoPointWire(r) }) },
    { table: 'drones_wire', key: 'id', item: (r: DroneRow) => ({ entity: 'drone', op: 'upsert', row: droneWire(r) }) },
  ],
};

/** The stream an operation's effects land in: a result's seq is that stream's head. */
const streamOfOperation = (op: Operation): Stream => (op.kind.startsWith('drone.') ? 'video_points' : 'incidents');

/** A drone's record as it now stands, as a change to log (credentials included: they travel to main only). */
function droneUpsert(db: Database.Database, id: string): Item {
  return { entity: 'drone', op: 'upsert', row: droneWire(prep(db, 'SELECT * FROM drones_wire WHERE id = ?').get(id) as DroneRow) };
}

const SKEW_FLAG_MS = 5 * 60_000;

/** A field value every workstation's schema accepts; anything else would stop their feeds. */
function invalidFieldValue(field: 'priority' | 'address' | 'district' | 'summary', value: string): string | null {
  if (field === 'priority') return /^[1-4]$/.test(value) ? null : 'priority must be 1 to 4';
  if (field === 'address') return value.trim().length >= 1 && value.length <= 200 ? null : 'address must be 1 to 200 characters';
  if (field === 'district') return value.length <= 60 ? null : 'district must be at most 60 characters';
  return value.length <= 2000 ? null : 'summary must be at most 2000 characters';
}

export class HubStore {
  readonly db: Database.Database;
  private listeners = new Set<(stream: Stream, changes: Change[], head: number) => void>();
  private readonly snapshotTotals = new Map<string, number>();
  /** Operators who sign in at workstations, and their tokens. */
  readonly operators: HubOperators;

  constructor(
    file: string,
    private readonly clock: HubClock = { now: () => Date.now() },
    private readonly sabotage: HubSabotage = {},
    options: { synchronous?: 'FULL' | 'NORMAL'; tokenTtlMs?: number } = {},
  ) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db, hubMigrations);
    this.operators = new HubOperators(this.db, clock, options.tokenTtlMs);
  }

  close(): void {
    this.db.close();
  }

  /** Called after each commit with the changes it made: the server pushes them as a hint. */
  onCommit(listener: (stream: Stream, changes: Change[], head: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ---- workstations ------------------------------------------------------------------------

  setWorkstationSecret(workstationId: string, secret: string): void {
    const salt = randomBytes(16);
    const hash = `scrypt:${salt.toString('base64')}:${scryptSync(secret, salt, 32).toString('base64')}`;
    prep(this.db, 'INSERT INTO workstations (id, secret_hash, created_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET secret_hash = excluded.secret_hash')
      .run(workstationId, hash, this.clock.now());
  }

  authenticate(workstationId: string, secret: string): boolean {
    const row = prep(this.db, 'SELECT secret_hash FROM workstations WHERE id = ?').get(workstationId) as { secret_hash: string } | undefined;
    // Hash even for an unknown workstation, so the answer takes as long either way.
    const [, salt, expected] = (row?.secret_hash ?? `scrypt:${Buffer.alloc(16).toString('base64')}:${Buffer.alloc(32).toString('base64')}`).split(':');
    const got = scryptSync(secret, Buffer.from(salt!, 'base64'), 32);
    return timingSafeEqual(got, Buffer.from(expected!, 'base64')) && row !== undefined;
  }

  // ---- feed ----------------------------------------------------------------------------------

  head(stream: Stream): { head: number; floor: number } {
    return prep(this.db, 'SELECT head, floor FROM stream_heads WHERE stream = ?').get(stream) as { head: number; floor: number };
  }

  changes(req: ChangesRequest): ChangesPage {
    const { head, floor } = this.head(req.stream);
    if (req.after < floor || req.after > head) return { kind: 'resync', stream: req.stream, floor };
    const rows = prep(this.db, 'SELECT seq, entity, op, row FROM change_log WHERE stream = ? AND seq > ? ORDER BY seq LIMIT ?')
      .all(req.stream, req.after, Math.min(req.limit, MAX_PAGE)) as { seq: number; entity: string; op: string; row: string }[];
    return { kind: 'changes', stream: req.stream, head, changes: rows.map((r) => ({ seq: r.seq, entity: r.entity, op: r.op, row: JSON.parse(r.row) }) as Change) };
  }

  snapshot(req: SnapshotRequest): SnapshotPage {
    return this.db
      .transaction((): SnapshotPage => {
        const asOf = req.token?.asOf ?? this.head(req.stream).head;
        const parts = PARTS[req.stream];
        let part = req.token?.part ?? 0;
        let after = req.token?.after ?? '';
        const items: Item[] = [];
        const limit = Math.min(req.limit, MAX_PAGE);
        while (part < parts.length && items.length < limit) {
          const p = parts[part]!;
          const want = limit - items.length;
          const rows = (
            p.upToAsOf
              ? prep(this.db, `SELECT * FROM ${p.table} WHERE ${p.key} > ? AND seq <= ? ORDER BY ${p.key} LIMIT ?`).all(after, asOf, want)
              : prep(this.db, `SELECT * FROM ${p.table} WHERE ${p.key} > ? ORDER BY ${p.key} LIMIT ?`).all(after, want)
          ) as Record<string, unknown>[];
          for (const r of rows) items.push(p.item(r as never));
          if (rows.length < want) {
            part++;
            after = '';
          } else {
            after = String(rows.at(-1)![p.key]);
          }
        }
        // Counted once per snapshot (its asOf), not on every page: the progress bar needs no more.
        const key = `${req.stream}:${asOf}`;
        let total = this.snapshotTotals.get(key);
        if (total === undefined) {
          total = parts.reduce((n, p) => n + (prep(this.db, `SELECT count(*) AS n FROM ${p.table}${p.upToAsOf ? ' WHERE seq <= ?' : ''}`).get(...(p.upToAsOf ? [asOf] : [])) as { n: number }).n, 0);
          if (this.snapshotTotals.size > 64) this.snapshotTotals.clear();
          this.snapshotTotals.set(key, total);
        }
        return { stream: req.stream, asOf, items, next: part < parts.length ? { asOf, part, after } : null, total };
      })
      .deferred();
  }

  /** Drops changes older than the newest `keep` of a stream; a cursor behind that must resync. */
  truncate(stream: Stream, keep: number): void {
    this.db.transaction(() => {
      const { head } = this.head(stream);
      const floor = Math.max(0, head - keep);
      prep(this.db, 'DELETE FROM change_log WHERE stream = ? AND seq <= ?').run(stream, floor);
      prep(this.db, 'UPDATE stream_heads SET floor = max(floor, ?) WHERE stream = ?').run(floor, stream);
    })();
  }

  // ---- workstation mutations ------------------------------------------------------------------

  /**
   * Applies a workstation's batch, each mutation in its own transaction with its effects, its
   * result row and the client's last_n, so a crash anywhere leaves whole mutations only.
   */
  push(client: Client, clientNow: number, mutations: readonly Mutation[]): PushResult {
    const hubNow = this.clock.now();
    const skewMs = hubNow - clientNow;
    const results: MutationResult[] = [];
    let expected: number | null = null;
    for (const m of mutations) {
      let outcome: MutationResult | { expected: number };
      try {
        outcome = this.db
        .transaction((): MutationResult | { expected: number } => {
          const c = this.clientRow(client, hubNow, skewMs);
          if (m.n <= c.last_n && !this.sabotage.noDedup) {
            const prior = prep(this.db, 'SELECT n, mutation_id AS id, outcome, reason, seq FROM mutation_results WHERE client_id = ? AND n = ?').get(client.clientId, m.n) as MutationResult | undefined;
            // A replay of an applied mutation: the first answer again, nothing applied twice.
            if (!prior || prior.id === m.id) return prior ?? { n: m.n, id: m.id, outcome: 'rejected', reason: 'duplicate of a mutation whose result has expired', seq: this.head(streamOfOperation(m.op)).head };
            // The same number for a different action: this client's database was restored or copied.
            // Refuse it by its own id, so the workstation shows it instead of sending it for ever.
            return { n: m.n, id: m.id, outcome: 'rejected', reason: `mutation number ${m.n} was already used by another action of this client (database restored or copied?)`, seq: this.head(streamOfOperation(m.op)).head };
          }
          if (m.n > c.last_n + 1 && !this.sabotage.noDedup) return { expected: c.last_n + 1 };
          const reason = this.apply(m, Math.min(hubNow, m.at + skewMs), client);
          const seq = this.head(streamOfOperation(m.op)).head;
          const result: MutationResult = { n: m.n, id: m.id, outcome: reason ? 'rejected' : 'applied', reason, seq };
          prep(this.db, 'INSERT INTO mutation_results (client_id, n, mutation_id, kind, outcome, reason, seq, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
            .run(client.clientId, m.n, m.id, m.op.kind, result.outcome, reason, seq, hubNow);
          prep(this.db, 'UPDATE clients SET last_n = max(last_n, ?) WHERE client_id = ?').run(m.n, client.clientId);
          return result;
        })
        .immediate();
      } catch (e) {
        this.pendingNotices.clear(); // rolled back: nothing of it may be announced
        throw e;
      }
      if ('expected' in outcome) {
        expected = outcome.expected;
        break;
      }
      results.push(outcome);
    }
    this.flush();
    return { results, expected, skewMs };
  }

  private clientRow(client: Client, now: number, skewMs: number): { last_n: number } {
    prep(this.db, 
        `INSERT INTO clients (client_id, workstation_id, first_seen, last_seen, skew_ms) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (client_id) DO UPDATE SET last_seen = excluded.last_seen, skew_ms = excluded.skew_ms`,
      )
      .run(client.clientId, client.workstationId, now, now, Math.abs(skewMs) > SKEW_FLAG_MS ? skewMs : null);
    return prep(this.db, 'SELECT last_n FROM clients WHERE client_id = ?').get(client.clientId) as { last_n: number };
  }

  private apply(m: Mutation, at: number, client: Client): string | null {
    if (m.actor.workstationId !== client.workstationId) return 'actor does not belong to this workstation';
    return this.applyOperation(m.op, m.actor, at);
  }

  /**
   * The effects of one action; returns the reason it was rejected, or null. Call only inside a
   * transaction (push, or system()).
   */
  applyOperation(op: Operation, actor: Actor, at: number): string | null {
    if (op.kind === 'drone.update') return this.updateDrone(op, at);
    if (op.kind === 'incident.create') {
      const i = op.incident;
      if (this.incident(i.id)) return 'an incident with this id already exists';
      prep(this.db, 
          `INSERT INTO incidents (id, type, priority, status, lat, lon, address, district, summary, exercise, created_at, updated_at, closed_at, row_version)
           VALUES (?, ?, ?, 'new', ?, ?, ?, ?, ?, ?, ?, ?, NULL, 1)`,
        )
        .run(i.id, i.type, i.priority, i.location.lat, i.location.lon, i.address, i.district, i.summary, i.exercise ? 1 : 0, at, at);
      this.emitIncident(i.id);
      this.addEvent(i.id, 'created', { type: i.type, priority: i.priority }, actor, at);
      return null;
    }
    const incident = this.incident(op.incidentId);
    if (!incident) return 'unknown incident';
    switch (op.kind) {
      case 'incident.status': {
        const current = incident.status as IncidentStatus;
        if (current === op.to) return `already ${op.to}`;
        if (isFinal(current)) return `incident is already ${current}`;
        if (!canTransition(current, op.to)) return `cannot go from ${current} to ${op.to}`;
        const closedAt = isFinal(op.to) ? at : null;
        prep(this.db, 'UPDATE incidents SET status = ?, closed_at = ?, updated_at = ?, row_version = row_version + 1 WHERE id = ?').run(op.to, closedAt, at, op.incidentId);
        this.emitIncident(op.incidentId);
        this.addEvent(op.incidentId, 'status', { from: current, to: op.to }, actor, at);
        if (isFinal(op.to)) for (const a of this.openAssignments(op.incidentId)) this.release(a, at, actor);
        return null;
      }
      case 'incident.note':
        this.addEvent(op.incidentId, 'note', { text: op.text }, actor, at);
        return null;
      case 'incident.assign': {
        if (isFinal(incident.status as IncidentStatus)) return `incident is already ${incident.status}`;
        const unit = prep(this.db, 'SELECT * FROM units WHERE id = ?').get(op.unitId) as UnitRow | undefined;
        if (!unit) return 'unknown unit';
        const open = prep(this.db, 'SELECT * FROM assignments WHERE unit_id = ? AND released_at IS NULL').get(op.unitId) as AssignmentRow | undefined;
        if (open?.incident_id === op.incidentId) return null; // already assigned here: adding again changes nothing
        if (open) return `unit ${unit.callsign} is assigned to another incident`;
        if (unit.status === 'off_duty') return `unit ${unit.callsign} is off duty`;
        // assigned_at is part of the key: a re-assignment within the same millisecond moves one on.
        const last = prep(this.db, 'SELECT max(assigned_at) AS t FROM assignments WHERE incident_id = ? AND unit_id = ?').get(op.incidentId, op.unitId) as { t: number | null };
        const a = { incidentId: op.incidentId, unitId: op.unitId, assignedAt: last.t !== null && last.t >= at ? last.t + 1 : at };
        prep(this.db, 'INSERT INTO assignments (key, incident_id, unit_id, assigned_at, released_at, seq) VALUES (?, ?, ?, ?, NULL, ?)')
          .run(assignmentKey(a), a.incidentId, a.unitId, a.assignedAt, this.head('incidents').head + 1);
        this.emitAssignment(assignmentKey(a));
        this.setUnitStatus(op.unitId, 'dispatched', at);
        this.addEvent(op.incidentId, 'assign', { unitId: op.unitId, callsign: unit.callsign }, actor, at);
        return null;
      }
      case 'incident.release': {
        const open = this.openAssignments(op.incidentId).find((a) => a.unit_id === op.unitId);
        if (open) this.release(open, at, actor);
        return null; // releasing a unit that is not there changes nothing
      }
      case 'incident.planStep': {
        const plan = prep(this.db, 'SELECT * FROM plans WHERE id = ?').get(op.planId) as PlanRow | undefined;
        if (!plan) return 'unknown plan';
        if (plan.incident_type !== incident.type) return 'plan does not apply to this type of incident';
        const step = (JSON.parse(plan.steps) as PlanWire['steps']).find((x) => x.ordinal === op.ordinal);
        if (!step) return `plan has no step ${op.ordinal}`;
        const done = prep(this.db, "SELECT json_extract(payload, '$.outcome') AS outcome FROM events WHERE incident_id = ? AND kind = 'plan_step' AND json_extract(payload, '$.planId') = ? AND json_extract(payload, '$.ordinal') = ?").get(op.incidentId, op.planId, op.ordinal) as { outcome: string } | undefined;
        if (done) return `step ${op.ordinal} is already recorded as ${done.outcome}`;
        this.addEvent(op.incidentId, 'plan_step', { planId: op.planId, ordinal: op.ordinal, text: step.text, required: step.required, outcome: op.outcome }, actor, at);
        return null;
      }
      case 'incident.update': {
        const column = op.field;
        const current = String(incident[column]);
        if (current === op.to) return null;
        const invalid = invalidFieldValue(column, op.to);
        if (invalid) return invalid;
        if (current !== op.from) {
          // Someone changed this field after the operator saw it: theirs stands, and both see it.
          const id = uuidv7();
          const seq = this.head('incidents').head + 1;
          prep(this.db, 'INSERT INTO conflicts (id, incident_id, field, kept, discarded, operator_name, workstation_id, at, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
            .run(id, op.incidentId, column, current, op.to, actor.operatorName, actor.workstationId, at, seq);
          this.log({ entity: 'conflict', op: 'upsert', row: conflictWire(prep(this.db, 'SELECT * FROM conflicts WHERE id = ?').get(id) as ConflictRow) });
          return `${column} was changed meanwhile to “${current}”; kept that, recorded the conflict`;
        }
        prep(this.db, `UPDATE incidents SET ${column} = ?, updated_at = ?, row_version = row_version + 1 WHERE id = ?`)
          .run(column === 'priority' ? Number(op.to) : op.to, at, op.incidentId);
        this.emitIncident(op.incidentId);
        return null;
      }
    }
  }

  /** An operator's edit of a drone record: last writer wins, the callsign stays unique. */
  private updateDrone(op: Extract<Operation, { kind: 'drone.update' }>, at: number): string | null {
    const drone = prep(this.db, 'SELECT * FROM drones WHERE id = ?').get(op.droneId) as DroneRow | undefined;
    if (!drone) return 'unknown drone';
    const other = prep(this.db, 'SELECT id FROM drones WHERE callsign = ? AND id <> ?').get(op.callsign, op.droneId);
    if (other) return `callsign ${op.callsign} is taken by another drone`;
    const streamUrl = op.streamUrl === undefined ? drone.stream_url : op.streamUrl;
    if (drone.callsign === op.callsign && drone.telemetry === op.telemetry && drone.stream_url === streamUrl) return null; // nothing to change
    prep(this.db, 'UPDATE drones SET callsign = ?, telemetry = ?, stream_url = ?, updated_at = ?, row_version = row_version + 1 WHERE id = ?')
      .run(op.callsign, op.telemetry, streamUrl, at, op.droneId);
    this.emitDrone(op.droneId);
    return null;
  }

  /** Logs a drone's record as it now stands. */
  private emitDrone(id: string): void {
    this.log(droneUpsert(this.db, id));
  }

  private incident(id: string): IncidentRow | undefined {
    return prep(this.db, 'SELECT * FROM incidents WHERE id = ?').get(id) as IncidentRow | undefined;
  }

  private openAssignments(incidentId: string): AssignmentRow[] {
    return prep(this.db, 'SELECT * FROM assignments WHERE incident_id = ? AND released_at IS NULL ORDER BY key').all(incidentId) as AssignmentRow[];
  }

  private release(a: AssignmentRow, at: number, actor: Actor): void {
    prep(this.db, 'UPDATE assignments SET released_at = ? WHERE key = ?').run(at, a.key);
    this.emitAssignment(a.key);
    this.setUnitStatus(a.unit_id, 'available', at);
    const callsign = (prep(this.db, 'SELECT callsign FROM units WHERE id = ?').get(a.unit_id) as { callsign: string }).callsign;
    this.addEvent(a.incident_id, 'release', { unitId: a.unit_id, callsign }, actor, at);
  }

  private setUnitStatus(unitId: string, status: UnitWire['status'], at: number): void {
    prep(this.db, 'UPDATE units SET status = ?, status_since = ?, updated_at = ?, row_version = row_version + 1 WHERE id = ?').run(status, at, at, unitId);
    this.emitUnit(unitId);
  }

  private addEvent(incidentId: string, kind: EventRow['kind'], payload: Record<string, unknown>, actor: Actor, at: number): void {
    const id = uuidv7();
    const seq = this.head('incidents').head + 1;
    prep(this.db, 'INSERT INTO events (id, incident_id, kind, payload, operator_id, operator_name, workstation_id, at, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, incidentId, kind, JSON.stringify(payload), actor.operatorId, actor.operatorName, actor.workstationId, at, seq);
    this.log({ entity: 'event', op: 'upsert', row: eventWire(prep(this.db, 'SELECT * FROM events WHERE id = ?').get(id) as EventRow) });
  }

  private emitIncident(id: string): void {
    this.log({ entity: 'incident', op: 'upsert', row: incidentWire(this.incident(id)!) });
  }
  private emitAssignment(key: string): void {
    this.log({ entity: 'assignment', op: 'upsert', row: assignmentWire(prep(this.db, 'SELECT * FROM assignments WHERE key = ?').get(key) as AssignmentRow) });
  }
  private emitUnit(id: string): void {
    this.log({ entity: 'unit', op: 'upsert', row: unitWire(prep(this.db, 'SELECT * FROM units WHERE id = ?').get(id) as UnitRow) });
  }

  // ---- the change log --------------------------------------------------------------------------

  private pendingNotices = new Map<Stream, Change[]>();

  /** Appends a change with the next sequence of its stream. Only ever called inside a transaction. */
  private log(item: Item): void {
    const stream = STREAM_OF[item.entity];
    const seq = this.head(stream).head + 1;
    prep(this.db, 'INSERT INTO change_log (stream, seq, entity, op, row) VALUES (?, ?, ?, ?, ?)').run(stream, seq, item.entity, item.op, JSON.stringify(item.row));
    prep(this.db, 'UPDATE stream_heads SET head = ? WHERE stream = ?').run(seq, stream);
    const list = this.pendingNotices.get(stream) ?? [];
    list.push({ ...item, seq } as Change);
    this.pendingNotices.set(stream, list);
  }

  /** Tells listeners what committed. A rolled-back transaction's changes are discarded first by the caller. */
  private flush(): void {
    if (!this.db.inTransaction) {
      for (const [stream, changes] of this.pendingNotices) {
        const committed = changes.filter((c) => c.seq <= this.head(stream).head);
        if (committed.length) for (const l of this.listeners) l(stream, committed, this.head(stream).head);
      }
      this.pendingNotices.clear();
    }
  }

  // ---- system writes: the simulator and a city platform's own feeds ---------------------------

  /** Runs `work` as one hub transaction with change-log appends, then notifies listeners. */
  system<T>(work: (w: SystemWriter) => T): T {
    try {
      return this.db.transaction(() => work(new SystemWriter(this, (item) => this.log(item))))();
    } catch (e) {
      this.pendingNotices.clear();
      throw e;
    } finally {
      this.flush();
    }
  }
}

/** What the simulator (and later, a real platform adapter) may write on the hub. */
export class SystemWriter {
  constructor(
    private readonly hub: HubStore,
    private readonly log: (item: Item) => void,
  ) {}

  upsertUnit(u: UnitWire): void {
    prep(this.hub.db, 
        `INSERT INTO units (id, callsign, kind, status, lat, lon, status_since, updated_at, row_version) VALUES (@id, @callsign, @kind, @status, @lat, @lon, @statusSince, @updatedAt, 1)
         ON CONFLICT (id) DO UPDATE SET callsign = excluded.callsign, kind = excluded.kind, status = excluded.status, lat = excluded.lat, lon = excluded.lon,
           status_since = excluded.status_since, updated_at = excluded.updated_at, row_version = units.row_version + 1`,
      )
      .run({ ...u, lat: u.location?.lat ?? null, lon: u.location?.lon ?? null });
    this.log({ entity: 'unit', op: 'upsert', row: unitWire(prep(this.hub.db, 'SELECT * FROM units WHERE id = ?').get(u.id) as UnitRow) });
  }

  upsertVideoPoint(v: Omit<VideoPointWire, 'rowVersion'>): void {
    prep(this.hub.db, 
        `INSERT INTO video_points (id, name, lat, lon, heading_deg, fov_deg, range_m, main_url, sub_url, codec, ptz, department, district, online, updated_at, row_version)
         VALUES (@id, @name, @lat, @lon, @headingDeg, @fovDeg, @rangeM, @mainUrl, @subUrl, @codec, @ptz, @department, @district, @online, @updatedAt, 1)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, lat = excluded.lat, lon = excluded.lon, heading_deg = excluded.heading_deg, fov_deg = excluded.fov_deg,
           range_m = excluded.range_m, main_url = excluded.main_url, sub_url = excluded.sub_url, codec = excluded.codec, ptz = excluded.ptz,
           department = excluded.department, district = excluded.district, online = excluded.online, updated_at = excluded.updated_at, row_version = video_points.row_version + 1`,
      )
      .run({ ...v, lat: v.location.lat, lon: v.location.lon, ptz: v.ptz ? 1 : 0, online: v.online ? 1 : 0 });
    this.log({ entity: 'video_point', op: 'upsert', row: videoPointWire(prep(this.hub.db, 'SELECT * FROM video_points WHERE id = ?').get(v.id) as VideoPointRow) });
  }

  /** A plan edit bumps its version; workstations replace their copy when the version is higher. */
  upsertPlan(p: Omit<PlanWire, 'version'>): void {
    prep(
      this.hub.db,
      `INSERT INTO plans (id, incident_type, name, version, steps, updated_at) VALUES (@id, @incidentType, @name, 1, @steps, @updatedAt)
       ON CONFLICT (id) DO UPDATE SET incident_type = excluded.incident_type, name = excluded.name, steps = excluded.steps,
         updated_at = excluded.updated_at, version = plans.version + 1`,
    ).run({ ...p, steps: JSON.stringify(p.steps) });
    this.log({ entity: 'plan', op: 'upsert', row: planWire(prep(this.hub.db, 'SELECT * FROM plans WHERE id = ?').get(p.id) as PlanRow) });
  }

  /** A drone record from the platform (or the simulator); `credentials` null removes stored ones. */
  upsertDrone(d: Omit<DroneWire, 'rowVersion'>): void {
    prep(
      this.hub.db,
      `INSERT INTO drones (id, callsign, model, stream_url, codec, telemetry, updated_at, row_version) VALUES (@id, @callsign, @model, @streamUrl, @codec, @telemetry, @updatedAt, 1)
       ON CONFLICT (id) DO UPDATE SET callsign = excluded.callsign, model = excluded.model, stream_url = excluded.stream_url, codec = excluded.codec,
         telemetry = excluded.telemetry, updated_at = excluded.updated_at, row_version = drones.row_version + 1`,
    ).run({ id: d.id, callsign: d.callsign, model: d.model, streamUrl: d.streamUrl, codec: d.codec, telemetry: d.telemetry, updatedAt: d.updatedAt });
    if (d.credentials) {
      prep(this.hub.db, 'INSERT INTO drone_credentials (drone_id, username, secret) VALUES (?, ?, ?) ON CONFLICT (drone_id) DO UPDATE SET username = excluded.username, secret = excluded.secret')
        .run(d.id, d.credentials.username, d.credentials.password);
    } else {
      prep(this.hub.db, 'DELETE FROM drone_credentials WHERE drone_id = ?').run(d.id);
    }
    this.log(droneUpsert(this.hub.db, d.id));
  }

  deleteVideoPoint(id: string): void {
    if (prep(this.hub.db, 'DELETE FROM video_points WHERE id = ?').run(id).changes) this.log({ entity: 'video_point', op: 'delete', row: { id } });
  }

  /** An action of the platform itself (a call taker, a sensor, the simulator), with the same rules as a workstation's. */
  act(op: Operation, actor: Actor, at: number): string | null {
    return this.hub.applyOperation(op, actor, at);
  }
}
