// The sync protocol between a workstation and the command-centre hub, as schemas. Both sides
// validate every message against these before acting; docs/sync-protocol.md explains them.
// Pure: zod only.
import { z } from 'zod';
import { GeoPoint, IncidentStatus, IncidentType, Priority, Timestamp } from '../domain/incident';
import { UnitKind, UnitStatus } from '../domain/unit';
import { Drone, DroneStreamUrl } from '../domain/drone';

export const SYNC_PROTOCOL = 1;
/** The hub also accepts outbox rows written by the previous schema of mutations. */
export const MUTATION_SCHEMAS = [1] as const;
export const MAX_PUSH_MUTATIONS = 100;
export const MAX_PAGE = 1000;
/** socket.io's maxHttpBufferSize on the hub: one message larger than this is refused. */
export const MAX_MESSAGE_BYTES = 4 << 20;

export const STREAMS = ['incidents', 'video_points'] as const;
export const Stream = z.enum(STREAMS);
export type Stream = z.infer<typeof Stream>;

const id = z.string().min(1).max(64);
const text = (max: number) => z.string().max(max);
const seq = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

// ---- rows as they travel (full rows: a change replaces the row, it never patches it) --------

export const IncidentWire = z.object({
  id,
  type: IncidentType,
  priority: Priority,
  status: IncidentStatus,
  location: GeoPoint,
  address: text(200),
  district: text(60),
  summary: text(2000),
  exercise: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  closedAt: Timestamp.nullable(),
  rowVersion: z.number().int().positive(),
}).strict();
export type IncidentWire = z.infer<typeof IncidentWire>;

export const EventWire = z.object({
  id,
  incidentId: id,
  kind: z.enum(['created', 'status', 'note', 'assign', 'release', 'plan_step']),
  payload: z.record(z.string(), z.unknown()),
  operatorId: text(64),
  operatorName: text(64),
  workstationId: text(64),
  at: Timestamp,
  seq,
}).strict();
export type EventWire = z.infer<typeof EventWire>;

export const AssignmentWire = z.object({
  incidentId: id,
  unitId: id,
  assignedAt: Timestamp,
  releasedAt: Timestamp.nullable(),
}).strict();
export type AssignmentWire = z.infer<typeof AssignmentWire>;

export const UnitWire = z.object({
  id,
  callsign: text(40),
  kind: UnitKind,
  status: UnitStatus,
  location: GeoPoint.nullable(),
  statusSince: Timestamp,
  updatedAt: Timestamp,
  rowVersion: z.number().int().positive(),
}).strict();
export type UnitWire = z.infer<typeof UnitWire>;

/** A response plan (预案): the checklist an operator follows for one type of incident. */
export const PlanWire = z.object({
  id,
  incidentType: IncidentType,
  name: text(120),
  /** Bumped on every edit; it is the plan's row version on the wire. */
  version: z.number().int().positive(),
  steps: z.array(z.object({ ordinal: z.number().int().min(1).max(100), text: text(500).min(1), required: z.boolean() }).strict()).min(1).max(100),
  updatedAt: Timestamp,
}).strict();
export type PlanWire = z.infer<typeof PlanWire>;

/** A scalar edit that lost to a change the operator had not seen: kept so both sides see it. */
export const ConflictWire = z.object({
  id,
  incidentId: id,
  field: z.enum(['priority', 'address', 'district', 'summary']),
  kept: text(2000),
  discarded: text(2000),
  operatorName: text(64),
  workstationId: text(64),
  at: Timestamp,
  seq,
}).strict();
export type ConflictWire = z.infer<typeof ConflictWire>;

export const VideoPointWire = z.object({
  id,
  name: text(120),
  location: GeoPoint,
  headingDeg: z.number().min(0).lt(360).nullable(),
  fovDeg: z.number().gt(0).max(360).nullable(),
  rangeM: z.number().positive().nullable(),
  /** For main's stream service only; never forwarded to a window. */
  mainUrl: text(500).nullable(),
  subUrl: text(500).nullable(),
  codec: z.enum(['h264', 'h265', 'unknown']),
  ptz: z.boolean(),
  department: text(60),
  district: text(60),
  online: z.boolean(),
  updatedAt: Timestamp,
  rowVersion: z.number().int().positive(),
}).strict();
export type VideoPointWire = z.infer<typeof VideoPointWire>;

/**
 * A drone record of the hub's catalogue (docs/drones.md). Travels in the `video_points` stream.
 * `streamUrl` and `credentials` are for main's drone service only; never forwarded to a window.
 */
export const DroneWire = z.object({
  id: Drone.shape.id,
  callsign: text(40).min(1),
  model: text(60),
  streamUrl: DroneStreamUrl.nullable(),
  codec: z.enum(['h264', 'h265', 'unknown']),
  telemetry: Drone.shape.telemetry,
  credentials: z.object({ username: text(120), password: text(200) }).strict().nullable(),
  updatedAt: Timestamp,
  rowVersion: z.number().int().positive(),
}).strict();
export type DroneWire = z.infer<typeof DroneWire>;

const ITEM_MEMBERS = {
  incident: z.object({ entity: z.literal('incident'), op: z.literal('upsert'), row: IncidentWire }).strict(),
  event: z.object({ entity: z.literal('event'), op: z.literal('upsert'), row: EventWire }).strict(),
  assignment: z.object({ entity: z.literal('assignment'), op: z.literal('upsert'), row: AssignmentWire }).strict(),
  unit: z.object({ entity: z.literal('unit'), op: z.literal('upsert'), row: UnitWire }).strict(),
  conflict: z.object({ entity: z.literal('conflict'), op: z.literal('upsert'), row: ConflictWire }).strict(),
  plan: z.object({ entity: z.literal('plan'), op: z.literal('upsert'), row: PlanWire }).strict(),
  cameraUpsert: z.object({ entity: z.literal('video_point'), op: z.literal('upsert'), row: VideoPointWire }).strict(),
  cameraDelete: z.object({ entity: z.literal('video_point'), op: z.literal('delete'), row: z.object({ id }).strict() }).strict(),
  drone: z.object({ entity: z.literal('drone'), op: z.literal('upsert'), row: DroneWire }).strict(),
};

/** What a snapshot page or a change carries: one row of one entity. Two members share entity 'video_point': nested, told apart by op. */
export const Item = z.discriminatedUnion('entity', [
  ITEM_MEMBERS.incident,
  ITEM_MEMBERS.event,
  ITEM_MEMBERS.assignment,
  ITEM_MEMBERS.unit,
  ITEM_MEMBERS.conflict,
  ITEM_MEMBERS.plan,
  z.discriminatedUnion('op', [ITEM_MEMBERS.cameraUpsert, ITEM_MEMBERS.cameraDelete]),
  ITEM_MEMBERS.drone,
]);
export type Item = z.infer<typeof Item>;
export type Entity = Item['entity'];

export const STREAM_OF: Readonly<Record<Entity, Stream>> = {
  incident: 'incidents',
  event: 'incidents',
  assignment: 'incidents',
  unit: 'incidents',
  conflict: 'incidents',
  plan: 'incidents',
  video_point: 'video_points',
  drone: 'video_points',
};

/** A change: an item with the sequence number the hub gave it when it committed. */
const sequenced = { seq: seq.min(1) };
export const Change = z.discriminatedUnion('entity', [
  ITEM_MEMBERS.incident.extend(sequenced),
  ITEM_MEMBERS.event.extend(sequenced),
  ITEM_MEMBERS.assignment.extend(sequenced),
  ITEM_MEMBERS.unit.extend(sequenced),
  ITEM_MEMBERS.conflict.extend(sequenced),
  ITEM_MEMBERS.plan.extend(sequenced),
  z.discriminatedUnion('op', [ITEM_MEMBERS.cameraUpsert.extend(sequenced), ITEM_MEMBERS.cameraDelete.extend(sequenced)]),
  ITEM_MEMBERS.drone.extend(sequenced),
]);
export type Change = Item & { seq: number };

// ---- mutations: operator actions, as intents ---------------------------------------------

export const NewIncidentWire = z.object({
  id,
  type: IncidentType,
  priority: Priority,
  location: GeoPoint,
  address: z.string().trim().min(1).max(200),
  district: text(60),
  summary: text(2000),
  exercise: z.boolean(),
}).strict();

export const Operation = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('incident.create'), incident: NewIncidentWire }).strict(),
  z.object({ kind: z.literal('incident.status'), incidentId: id, from: IncidentStatus, to: IncidentStatus }).strict(),
  z.object({ kind: z.literal('incident.note'), incidentId: id, text: z.string().trim().min(1).max(2000) }).strict(),
  z.object({ kind: z.literal('incident.assign'), incidentId: id, unitId: id }).strict(),
  z.object({ kind: z.literal('incident.release'), incidentId: id, unitId: id }).strict(),
  /** One step of the incident's response plan, done or deliberately skipped. */
  z.object({ kind: z.literal('incident.planStep'), incidentId: id, planId: id, ordinal: z.number().int().min(1).max(100), outcome: z.enum(['done', 'skipped']) }).strict(),
  /**
   * One scalar field, as an intent from the value the operator saw to the new one. If the field
   * moved meanwhile, the hub keeps its value and records a conflict both operators see.
   */
  z.object({ kind: z.literal('incident.update'), incidentId: id, field: z.enum(['priority', 'address', 'district', 'summary']), from: text(2000), to: text(2000) }).strict(),
  /**
   * An operator's edit of a hub drone record: the whole editable part, last writer wins.
   * `streamUrl` absent: the address is left as it is (windows never see it, so cannot resend it).
   */
  z.object({
    kind: z.literal('drone.update'),
    droneId: Drone.shape.id,
    callsign: z.string().trim().min(1).max(40),
    telemetry: Drone.shape.telemetry,
    streamUrl: DroneStreamUrl.nullable().optional(),
  }).strict(),
]);
export type Operation = z.infer<typeof Operation>;
export type OperationKind = Operation['kind'];

export const Actor = z.object({ operatorId: text(64).min(1), operatorName: text(64).min(1), workstationId: text(64).min(1) }).strict();

export const Mutation = z.object({
  /** Per-client order: 1, 2, 3… without gaps. The hub applies n = last + 1 only. */
  n: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  /** Globally unique id (UUIDv7), for records and for the operator's rejection list. */
  id,
  schema: z.literal(1),
  /** The workstation's clock when the operator acted: information only, never used to order. */
  at: Timestamp,
  actor: Actor,
  op: Operation,
}).strict();
export type Mutation = z.infer<typeof Mutation>;

// ---- requests and answers ------------------------------------------------------------------

/** socket.io handshake `auth`. clientId names one workstation database: a new database is a new client. */
export const Hello = z.object({
  protocol: z.literal(SYNC_PROTOCOL),
  workstationId: text(64).min(1),
  secret: text(200).min(1),
  clientId: id,
}).strict();
export type Hello = z.infer<typeof Hello>;

/** `after` is the last key of the page: an id, or an assignment's incident|unit|time key. */
export const SnapshotToken = z.object({ asOf: seq, part: z.number().int().min(0).max(16), after: text(200) }).strict();
export type SnapshotToken = z.infer<typeof SnapshotToken>;

export const SnapshotRequest = z.object({ stream: Stream, token: SnapshotToken.nullable(), limit: z.number().int().min(1).max(MAX_PAGE) }).strict();
export type SnapshotRequest = z.infer<typeof SnapshotRequest>;
export const SnapshotPage = z.object({
  stream: Stream,
  asOf: seq,
  items: z.array(Item).max(MAX_PAGE),
  next: SnapshotToken.nullable(),
  /** Rows in the whole snapshot, for the operator's progress bar. */
  total: z.number().int().nonnegative(),
}).strict();
export type SnapshotPage = z.infer<typeof SnapshotPage>;

export const ChangesRequest = z.object({ stream: Stream, after: seq, limit: z.number().int().min(1).max(MAX_PAGE) }).strict();
export type ChangesRequest = z.infer<typeof ChangesRequest>;
export const ChangesPage = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('changes'), stream: Stream, changes: z.array(Change).max(MAX_PAGE), head: seq }).strict(),
  /** The cursor is older than the hub keeps: start again with a snapshot. */
  z.object({ kind: z.literal('resync'), stream: Stream, floor: seq }).strict(),
]);
export type ChangesPage = z.infer<typeof ChangesPage>;

export const PushRequest = z.object({ clientNow: Timestamp, mutations: z.array(Mutation).min(1).max(MAX_PUSH_MUTATIONS) }).strict();
export type PushRequest = z.infer<typeof PushRequest>;

export const MutationResult = z.object({
  n: z.number().int().min(1),
  id,
  outcome: z.enum(['applied', 'rejected']),
  reason: z.string().nullable(),
  /**
   * The sequence of the stream the mutation's effects land in once they committed (`incidents`,
   * or `video_points` for `drone.*`): the feed has brought them when its cursor reaches it.
   */
  seq,
}).strict();
export type MutationResult = z.infer<typeof MutationResult>;

export const PushResult = z.object({
  results: z.array(MutationResult),
  /** Set when the batch did not start at the next expected n: send again from `expected`. */
  expected: z.number().int().min(1).nullable(),
  /** Hub clock minus client clock, measured on this push; large values are flagged to the operator. */
  skewMs: z.number().int(),
}).strict();
export type PushResult = z.infer<typeof PushResult>;

/** Pushed by the hub to connected workstations after each commit: a hint, the feed is the truth. */
export const ChangesNotice = z.object({ stream: Stream, changes: z.array(Change).max(MAX_PAGE), head: seq }).strict();
export type ChangesNotice = z.infer<typeof ChangesNotice>;

export const SYNC_ERRORS = ['bad-request', 'unauthorized', 'too-large', 'internal'] as const;
export const SyncError = z.object({ error: z.object({ code: z.enum(SYNC_ERRORS), message: z.string() }).strict() }).strict();
export type SyncError = z.infer<typeof SyncError>;
