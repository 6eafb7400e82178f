// What the operator sees: the hub's confirmed rows with this workstation's pending actions laid
// on top, in outbox order. Folding at read time (rather than writing guesses into the tables)
// keeps the tables byte-identical to the hub's, and a rejected intent simply stops showing.
import { prep } from './statements';
import type { Database } from 'better-sqlite3';
import type { ChronologyEntry, Rejection } from '../../shared/domain/chronology';
import type { IncidentPlan } from '../../shared/domain/plan';
import { canTransition } from '../../shared/domain/incident-lifecycle';
import type { Incident, IncidentStatus } from '../../shared/domain/incident';
import type { Unit } from '../../shared/domain/unit';
import type { Mutation, Operation } from '../../shared/sync/protocol';

/** An intent on incidents (drone record edits are folded by drone-records.ts). */
type IncidentMutation = Mutation & { op: Exclude<Operation, { kind: `drone.${string}` }> };
import { incidentFromRow, type IncidentRow } from './rows';

/** Intents whose effects the local tables do not show yet: unanswered, or applied but not yet fed back. */
function pending(db: Database, incidentId?: string): IncidentMutation[] {
  const where = "(state = 'pending' OR outcome = 'applied') AND kind LIKE 'incident.%'" + (incidentId ? ' AND incident_id = ?' : '');
  const rows = prep(db, `SELECT payload FROM sync_outbox WHERE ${where} ORDER BY seq`).all(...(incidentId ? [incidentId] : [])) as { payload: string }[];
  return rows.map((r) => JSON.parse(r.payload) as IncidentMutation);
}

function fold(rows: Map<string, Incident>, mutations: readonly IncidentMutation[]): void {
  for (const m of mutations) {
    const op = m.op;
    if (op.kind === 'incident.create') {
      if (!rows.has(op.incident.id)) {
        const { id, type, priority, location, address, district, summary, exercise } = op.incident;
        rows.set(id, { id, type, priority, status: 'new', location, address, district, summary, exercise, createdAt: m.at, updatedAt: m.at, rowVersion: 1, pending: true });
      }
      continue;
    }
    const row = rows.get(op.incidentId);
    if (!row) continue;
    const next = { ...row, pending: true };
    if (op.kind === 'incident.status' && canTransition(row.status, op.to)) next.status = op.to;
    if (op.kind === 'incident.update') {
      if (op.field === 'priority') next.priority = Number(op.to);
      else next[op.field] = op.to;
    }
    rows.set(op.incidentId, next);
  }
}

export function overlayIncident(db: Database, id: string): Incident | null {
  const row = prep(db, 'SELECT * FROM incidents WHERE id = ?').get(id) as IncidentRow | undefined;
  const rows = new Map<string, Incident>(row ? [[id, incidentFromRow(row)]] : []);
  fold(rows, pending(db, id));
  return rows.get(id) ?? null;
}

export function listIncidents(db: Database, opts: { statuses?: readonly IncidentStatus[]; limit: number }): Incident[] {
  const confirmed = prep(db, 'SELECT * FROM incidents ORDER BY created_at DESC LIMIT ?').all(opts.limit) as IncidentRow[];
  const rows = new Map(confirmed.map((r) => [r.id, incidentFromRow(r)] as const));
  const mutations = pending(db);
  // Pending actions on incidents older than the window still belong in it.
  for (const m of mutations) {
    const id = m.op.kind === 'incident.create' ? null : m.op.incidentId;
    if (id && !rows.has(id)) {
      const r = prep(db, 'SELECT * FROM incidents WHERE id = ?').get(id) as IncidentRow | undefined;
      if (r) rows.set(id, incidentFromRow(r));
    }
  }
  fold(rows, mutations);
  const wanted = opts.statuses?.length ? new Set(opts.statuses) : null;
  return [...rows.values()]
    .filter((i) => !wanted || wanted.has(i.status))
    .sort((a, b) => a.priority - b.priority || b.createdAt - a.createdAt)
    .slice(0, opts.limit);
}

export function chronology(db: Database, incidentId: string): ChronologyEntry[] {
  const events = prep(db, 'SELECT * FROM incident_events WHERE incident_id = ? ORDER BY seq, at').all(incidentId) as {
    id: string; kind: string; payload: string; operator_name: string; workstation_id: string; at: number; seq: number | null;
  }[];
  const confirmed: { seq: number; entry: ChronologyEntry }[] = events.map((e) => ({ seq: e.seq ?? 0, entry: {
    id: e.id,
    incidentId,
    kind: e.kind as ChronologyEntry['kind'],
    detail: pick(JSON.parse(e.payload) as Record<string, unknown>),
    operatorName: e.operator_name,
    workstationId: e.workstation_id,
    at: e.at,
    pending: false,
  } }));
  const conflicts = prep(db, 'SELECT * FROM sync_conflicts WHERE incident_id = ? ORDER BY seq').all(incidentId) as {
    id: string; field: string; kept: string; discarded: string; operator_name: string; workstation_id: string; at: number; seq: number;
  }[];
  for (const c of conflicts) {
    confirmed.push({ seq: c.seq, entry: { id: c.id, incidentId, kind: 'conflict', detail: { field: c.field, kept: c.kept, discarded: c.discarded }, operatorName: c.operator_name, workstationId: c.workstation_id, at: c.at, pending: false } });
  }
  // The hub's order (its seq), never a workstation clock; this workstation's pending entries follow.
  const entries = confirmed.sort((a, b) => a.seq - b.seq).map((c) => c.entry);
  for (const m of pending(db, incidentId)) {
    const op = m.op;
    const base = { id: m.id, incidentId, operatorName: m.actor.operatorName, workstationId: m.actor.workstationId, at: m.at, pending: true };
    if (op.kind === 'incident.create') entries.push({ ...base, kind: 'created', detail: {} });
    else if (op.kind === 'incident.status') entries.push({ ...base, kind: 'status', detail: { from: op.from, to: op.to } });
    else if (op.kind === 'incident.note') entries.push({ ...base, kind: 'note', detail: { text: op.text } });
    else if (op.kind === 'incident.planStep') {
      const step = prep(db, 'SELECT text FROM plan_steps WHERE plan_id = ? AND ordinal = ?').get(op.planId, op.ordinal) as { text: string } | undefined;
      entries.push({ ...base, kind: 'plan_step', detail: { text: step?.text ?? `#${op.ordinal}`, outcome: op.outcome } });
    } else if (op.kind === 'incident.assign' || op.kind === 'incident.release') {
      const callsign = (prep(db, 'SELECT callsign FROM units WHERE id = ?').get(op.unitId) as { callsign: string } | undefined)?.callsign;
      entries.push({ ...base, kind: op.kind === 'incident.assign' ? 'assign' : 'release', detail: { unitId: op.unitId, ...(callsign ? { callsign } : {}) } });
    }
  }
  return entries;
}

function pick(p: Record<string, unknown>): ChronologyEntry['detail'] {
  const out: ChronologyEntry['detail'] = {};
  for (const k of ['from', 'to', 'text', 'unitId', 'callsign', 'field', 'kept', 'discarded', 'outcome'] as const) if (typeof p[k] === 'string') (out as Record<string, string>)[k] = p[k];
  return out;
}

export function listUnits(db: Database): Unit[] {
  const rows = prep(db, 
      `SELECT u.*, (SELECT incident_id FROM incident_units iu WHERE iu.unit_id = u.id AND iu.released_at IS NULL ORDER BY assigned_at DESC LIMIT 1) AS incident_id
       FROM units u ORDER BY u.kind, u.callsign`,
    )
    .all() as { id: string; callsign: string; kind: string; status: string; lat: number | null; lon: number | null; status_since: number; row_version: number; incident_id: string | null }[];
  const units = new Map<string, Unit>(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        callsign: r.callsign,
        kind: r.kind as Unit['kind'],
        status: r.status as Unit['status'],
        location: r.lat === null || r.lon === null ? null : { lat: r.lat, lon: r.lon },
        statusSince: r.status_since,
        incidentId: r.incident_id,
        rowVersion: r.row_version,
      },
    ]),
  );
  for (const m of pending(db)) {
    const op = m.op;
    if (op.kind !== 'incident.assign' && op.kind !== 'incident.release') continue;
    const u = units.get(op.unitId);
    if (!u) continue;
    units.set(op.unitId, op.kind === 'incident.assign' ? { ...u, status: 'dispatched', incidentId: op.incidentId } : { ...u, status: 'available', incidentId: null });
  }
  return [...units.values()];
}

export function listRejections(db: Database): Rejection[] {
  const rows = prep(db, 'SELECT mutation_id, kind, incident_id, reason, summary, at FROM sync_rejections WHERE dismissed_at IS NULL ORDER BY at DESC').all() as {
    mutation_id: string; kind: string; incident_id: string | null; reason: string; summary: string; at: number;
  }[];
  return rows.map((r) => ({ mutationId: r.mutation_id, kind: r.kind, incidentId: r.incident_id, reason: r.reason, summary: r.summary, at: r.at }));
}

/** The plan for the incident's type, newest version, with each step's state: confirmed, then pending. */
export function incidentPlan(db: Database, incidentId: string): IncidentPlan | null {
  const incident = overlayIncident(db, incidentId);
  if (!incident) return null;
  const plan = prep(db, 'SELECT id, name, version FROM plans WHERE incident_type = ? ORDER BY version DESC, id LIMIT 1').get(incident.type) as { id: string; name: string; version: number } | undefined;
  if (!plan) return null;
  const steps = prep(db, 'SELECT ordinal, text, required FROM plan_steps WHERE plan_id = ? ORDER BY ordinal').all(plan.id) as { ordinal: number; text: string; required: number }[];
  const recorded = new Map<number, { state: 'done' | 'skipped'; pending: boolean; at: number; operatorName: string }>();
  const confirmed = prep(
    db,
    "SELECT json_extract(payload, '$.ordinal') AS ordinal, json_extract(payload, '$.outcome') AS outcome, at, operator_name FROM incident_events WHERE incident_id = ? AND kind = 'plan_step' AND json_extract(payload, '$.planId') = ? ORDER BY seq",
  ).all(incidentId, plan.id) as { ordinal: number; outcome: 'done' | 'skipped'; at: number; operator_name: string }[];
  for (const c of confirmed) if (!recorded.has(c.ordinal)) recorded.set(c.ordinal, { state: c.outcome, pending: false, at: c.at, operatorName: c.operator_name });
  for (const m of pending(db, incidentId)) {
    if (m.op.kind === 'incident.planStep' && m.op.planId === plan.id && !recorded.has(m.op.ordinal)) recorded.set(m.op.ordinal, { state: m.op.outcome, pending: true, at: m.at, operatorName: m.actor.operatorName });
  }
  return {
    id: plan.id,
    name: plan.name,
    version: plan.version,
    steps: steps.map((s) => {
      const r = recorded.get(s.ordinal);
      return { ordinal: s.ordinal, text: s.text, required: s.required === 1, state: r?.state ?? 'open', pending: r?.pending ?? false, at: r?.at ?? null, operatorName: r?.operatorName ?? null };
    }),
  };
}
