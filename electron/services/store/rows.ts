// Row ⇄ domain mapping, kept in one place so readers and writers agree on every column.
import type { Incident } from '../../shared/domain/incident';
import type { VideoPoint } from '../../shared/domain/video-point';

export interface IncidentRow {
  id: string;
  type: string;
  priority: number;
  status: string;
  lat: number;
  lon: number;
  address: string;
  district: string;
  summary: string;
  exercise: number;
  created_at: number;
  updated_at: number;
  row_version: number;
}

export function incidentFromRow(r: IncidentRow): Incident {
  return {
    id: r.id,
    type: r.type as Incident['type'],
    priority: r.priority,
    status: r.status as Incident['status'],
    location: { lat: r.lat, lon: r.lon },
    address: r.address,
    district: r.district,
    summary: r.summary,
    exercise: r.exercise === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    rowVersion: r.row_version,
    pending: false,
  };
}

export interface VideoPointRow {
  id: string;
  name: string;
  lat: number;
  lon: number;
  heading_deg: number | null;
  fov_deg: number | null;
  range_m: number | null;
  codec: string;
  ptz: number;
  department: string;
  district: string;
  online: number;
}

/** The column list a renderer-facing query may select: stream URLs are not in it. */
export const VIDEO_POINT_PUBLIC_COLUMNS =
  'id, name, lat, lon, heading_deg, fov_deg, range_m, codec, ptz, department, district, online';

export function videoPointFromRow(r: VideoPointRow): VideoPoint {
  return {
    id: r.id,
    name: r.name,
    location: { lat: r.lat, lon: r.lon },
    headingDeg: r.heading_deg,
    fovDeg: r.fov_deg,
    rangeM: r.range_m,
    codec: r.codec as VideoPoint['codec'],
    ptz: r.ptz === 1,
    department: r.department,
    district: r.district,
    online: r.online === 1,
  };
}
