// Events main pushes to every window. Payloads are validated before they leave main so a bug
// in a service cannot feed a renderer something its types do not describe.
import { z } from 'zod';
import { Incident } from '../domain/incident';
import { Rejection } from '../domain/chronology';
import { Language } from '../domain/identity';
import { Unit } from '../domain/unit';
import { MapSettings } from '../domain/tile-source';
import { HubStatus, OperatorSession, StoreStatus } from './status';
import { PresenceSchema, WallStateSchema } from '../wall';
import { WorkspaceState } from '../workspace';
import { Drone, DroneTelemetry } from '../domain/drone';

export const events = {
  'incidents.changed': z.object({ upserted: z.array(Incident) }),
  'store.status': StoreStatus,
  'hub.status': HubStatus,
  'units.changed': z.object({ upserted: z.array(Unit) }),
  /** The camera catalogue changed (sync): a window showing it asks again. */
  'videoPoints.changed': z.object({ count: z.number().int().nonnegative() }),
  /** These incidents' chronologies changed: a window showing one asks again. */
  'chronology.changed': z.object({ incidentIds: z.array(z.string()) }),
  'sync.rejections': z.object({ rejections: z.array(Rejection) }),
  'workspace.language': z.object({ language: Language }),
  /** The online tile sources or the base map choice changed: every window redraws its maps. */
  'maps.settings': MapSettings,
  /** The wall changed (an edit, a preset, a tour step, an alarm): consoles and wall outputs redraw. */
  'wall.state': WallStateSchema,
  /** Who is working on the wall, and on which window. */
  'wall.presence': z.object({ editors: z.array(PresenceSchema) }),
  // Multi-monitor workspace
  /** Displays came or went, or their roles changed: where every role window now belongs. */
  'workspace.displays': WorkspaceState,
  // Drones (docs/drones.md)
  /** A drone's latest decoded telemetry, at most 5 times a second per drone. */
  'drones.telemetry': DroneTelemetry,
  /** The drone list changed (a hub record came, changed or went, or an operator edited one). */
  'drones.changed': z.object({ drones: z.array(Drone) }),
  /** Someone signed in, out, handed over, or the session ran out: every window follows. */
  'session.changed': OperatorSession,
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
