// The requests a renderer may make of main, with their parameter and result schemas.
// Adding a request: add it here, add its handler in electron/services/api, call it from the
// renderer through the transport. Main validates params against these schemas before the
// handler runs; results are typed by the same schemas.
import { z } from 'zod';
import { Incident, IncidentStatus, NewIncident } from '../domain/incident';
import { VideoPoint } from '../domain/video-point';
import { Language, WindowRole } from '../domain/identity';
import { StoreStatus, SessionInfo } from './status';

const none = z.object({}).strict();

export const requests = {
  'session.get': { params: none, result: SessionInfo },
  'incidents.list': {
    params: z
      .object({
        statuses: z.array(IncidentStatus).max(6).optional(),
        limit: z.number().int().min(1).max(5000).default(500),
      })
      .strict(),
    result: z.array(Incident),
  },
  'incidents.create': { params: NewIncident.strict(), result: Incident },
  'videoPoints.list': {
    params: z.object({ limit: z.number().int().min(1).max(50000).default(5000) }).strict(),
    result: z.array(VideoPoint),
  },
  'workspace.setLanguage': { params: z.object({ language: Language }).strict(), result: none },
  'windows.open': { params: z.object({ role: WindowRole }).strict(), result: none },
  'store.status': { params: none, result: StoreStatus },
  /** Moves a damaged database aside (never deletes it) and starts a fresh one. */
  'store.recover': { params: z.object({ confirm: z.literal(true) }).strict(), result: StoreStatus },
} as const;

export type Requests = typeof requests;
export type Method = keyof Requests;
export const METHODS = Object.keys(requests) as Method[];
export type ParamsIn<M extends Method> = z.input<Requests[M]['params']>;
export type Params<M extends Method> = z.output<Requests[M]['params']>;
export type Result<M extends Method> = z.output<Requests[M]['result']>;

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(requests, name);
}
