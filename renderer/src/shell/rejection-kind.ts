// A rejection names the refused mutation by its sync operation kind (electron/shared/sync/
// protocol.ts: 'incident.create', 'incident.status'…). The operator sees what they tried to
// do; a kind this version does not know still shows, as a generic "action".
export const REJECTION_KINDS = {
  'incident.create': 'create',
  'incident.status': 'status',
  'incident.note': 'note',
  'incident.assign': 'assign',
  'incident.release': 'release',
  'incident.update': 'update',
  'drone.update': 'droneUpdate',
} as const;

export type RejectionKindKey = (typeof REJECTION_KINDS)[keyof typeof REJECTION_KINDS] | 'other';

export function rejectionKindKey(kind: string): RejectionKindKey {
  return Object.prototype.hasOwnProperty.call(REJECTION_KINDS, kind) ? REJECTION_KINDS[kind as keyof typeof REJECTION_KINDS] : 'other';
}
