// Operator actions while sync is the source of truth: each action is one local transaction
// that writes the outbox row (the intent the hub will judge) and the audit row. What the
// operator sees is the hub's data with the pending intents laid on top (overlay.ts).
import { prep } from './statements';
import type { Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { ServiceError } from '../../shared/contract/errors';
import type { Actor } from '../../shared/domain/identity';
import { canTransition } from '../../shared/domain/incident-lifecycle';
import type { Incident, IncidentStatus, NewIncident } from '../../shared/domain/incident';
import type { Mutation, MutationResult, Operation } from '../../shared/sync/protocol';
import { appendAudit } from './audit';
import { incidentPlan, overlayIncident } from './overlay';
import { readCursor, settleOutbox } from './sync-apply';
import type { Clock } from './writers';

/** This database's identity towards the hub; a new (or recovered) database is a new client. */
export function clientId(db: Database): string {
  const row = prep(db, "SELECT value FROM meta WHERE key = 'sync.client_id'").get() as { value: string } | undefined;
  if (row) return row.value;
  const id = uuidv7();
  prep(db, "INSERT INTO meta (key, value) VALUES ('sync.client_id', ?)").run(id);
  return id;
}

export function enqueue(db: Database, actor: Actor, op: Operation, at: number, audit: { action: string; details: Record<string, unknown> }): void {
  const id = uuidv7();
  const incidentId = op.kind === 'drone.update' ? null : op.kind === 'incident.create' ? op.incident.id : op.incidentId;
  const info = prep(db, 'INSERT INTO sync_outbox (mutation_id, kind, payload, created_at, incident_id) VALUES (?, ?, ?, ?, ?)')
    .run(id, op.kind, '{}', at, incidentId);
  const n = Number(info.lastInsertRowid);
  const mutation: Mutation = { n, id, schema: 1, at, actor, op };
  prep(db, 'UPDATE sync_outbox SET payload = ? WHERE seq = ?').run(JSON.stringify(mutation), n);
  const target = op.kind === 'drone.update' ? { targetKind: 'drone', targetId: op.droneId } : { targetKind: 'incident', targetId: incidentId! };
  appendAudit(db, actor, at, { action: audit.action, ...target, details: { ...audit.details, mutation: id } });
}

function current(db: Database, id: string): Incident {
  const incident = overlayIncident(db, id);
  if (!incident) throw new ServiceError('not-found', `incident ${id} not found`);
  return incident;
}

export function createIncidentAction(db: Database, actor: Actor, input: NewIncident, clock: Clock): Incident {
  return db
    .transaction((): Incident => {
      const id = uuidv7();
      const at = clock.now();
      enqueue(db, actor, { kind: 'incident.create', incident: { id, ...input } }, at, { action: 'incident.create', details: { type: input.type, priority: input.priority } });
      return current(db, id);
    })
    .immediate();
}

export function setStatusAction(db: Database, actor: Actor, id: string, to: IncidentStatus, clock: Clock): Incident {
  return db
    .transaction((): Incident => {
      const from = current(db, id).status;
      if (!canTransition(from, to)) throw new ServiceError('conflict', `cannot go from ${from} to ${to}`);
      enqueue(db, actor, { kind: 'incident.status', incidentId: id, from, to }, clock.now(), { action: 'incident.status', details: { from, to } });
      return current(db, id);
    })
    .immediate();
}

export function addNoteAction(db: Database, actor: Actor, id: string, text: string, clock: Clock): void {
  db.transaction(() => {
    current(db, id);
    enqueue(db, actor, { kind: 'incident.note', incidentId: id, text }, clock.now(), { action: 'incident.note', details: { length: text.length } });
  }).immediate();
}

export function assignmentAction(db: Database, actor: Actor, kind: 'incident.assign' | 'incident.release', id: string, unitId: string, clock: Clock): void {
  db.transaction(() => {
    current(db, id);
    if (!prep(db, 'SELECT 1 FROM units WHERE id = ?').get(unitId)) throw new ServiceError('not-found', `unit ${unitId} not found`);
    enqueue(db, actor, { kind, incidentId: id, unitId }, clock.now(), { action: kind, details: { unitId } });
  }).immediate();
}

export function updateFieldAction(db: Database, actor: Actor, id: string, field: 'priority' | 'address' | 'district' | 'summary', to: string, clock: Clock): Incident {
  return db
    .transaction((): Incident => {
      const from = String(current(db, id)[field]);
      enqueue(db, actor, { kind: 'incident.update', incidentId: id, field, from, to }, clock.now(), { action: 'incident.update', details: { field } });
      return current(db, id);
    })
    .immediate();
}

/** A step of the incident's plan, done or skipped; a step is recorded once. */
export function planStepAction(db: Database, actor: Actor, id: string, ordinal: number, outcome: 'done' | 'skipped', clock: Clock): void {
  db.transaction(() => {
    const plan = incidentPlan(db, id);
    if (!plan) throw new ServiceError('not-found', `no response plan for incident ${id}`);
    const step = plan.steps.find((s) => s.ordinal === ordinal);
    if (!step) throw new ServiceError('not-found', `plan ${plan.id} has no step ${ordinal}`);
    if (step.state !== 'open') throw new ServiceError('conflict', `step ${ordinal} is already ${step.state}`);
    enqueue(db, actor, { kind: 'incident.planStep', incidentId: id, planId: plan.id, ordinal, outcome }, clock.now(), { action: 'incident.planStep', details: { planId: plan.id, ordinal, outcome } });
  }).immediate();
}

// ---- the engine's side --------------------------------------------------------------------

/** The oldest mutations the hub has not answered yet, in order. */
export function outboxBatch(db: Database, limit: number): Mutation[] {
  return (prep(db, "SELECT payload FROM sync_outbox WHERE state = 'pending' ORDER BY seq LIMIT ?").all(limit) as { payload: string }[]).map(
    (r) => JSON.parse(r.payload) as Mutation,
  );
}

/** Records the hub's answers; rows the feed has already passed are settled at once. */
export function recordResults(db: Database, results: readonly MutationResult[], now: number): void {
  db.transaction(() => {
    const mark = prep(db, "UPDATE sync_outbox SET state = 'acked', outcome = ?, reason = ?, ack_seq = ?, attempts = attempts + 1 WHERE seq = ? AND mutation_id = ?");
    for (const r of results) mark.run(r.outcome, r.reason, r.seq, r.n, r.id);
    // Answers can arrive after the feed already brought their effects: settle those now.
    for (const stream of ['incidents', 'video_points'] as const) {
      const cursor = readCursor(db, stream);
      if (cursor.phase === 'live') settleOutbox(db, cursor.seq, now, stream);
    }
  }).immediate();
}

export function outboxCounts(db: Database): { pending: number; rejected: number } {
  const pending = (prep(db, 'SELECT count(*) AS n FROM sync_outbox').get() as { n: number }).n;
  const rejected = (prep(db, 'SELECT count(*) AS n FROM sync_rejections WHERE dismissed_at IS NULL').get() as { n: number }).n;
  return { pending, rejected };
}
