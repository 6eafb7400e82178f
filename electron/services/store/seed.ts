// First-start demo rows, so a new workstation shows a living console before a hub is
// configured. Seeded once per database (meta.seeded_at), never again, even if rows are removed.
import type { Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '../../shared/domain/identity';
import type { IncidentStatus, IncidentType } from '../../shared/domain/incident';
import { appendAudit } from './audit';
import { appendIncidentEvent, type Clock, systemClock } from './writers';

interface SeedIncident {
  type: IncidentType;
  priority: number;
  status: IncidentStatus;
  minutesAgo: number;
  lat: number;
  lon: number;
  address: string;
  district: string;
  summary: string;
}

// Dezhou (德州), Shandong: one of the source documents' cities. WGS-84.
const INCIDENTS: readonly SeedIncident[] = [
  { type: 'traffic_accident', priority: 1, status: 'new', minutesAgo: 3, lat: 37.4512, lon: 116.3105, address: '德城区 东方红路与三八路交叉口', district: '德城区', summary: '两车相撞，一人受伤，占用两条车道' },
  { type: 'fire', priority: 1, status: 'dispatched', minutesAgo: 11, lat: 37.4339, lon: 116.3617, address: '德城区 新湖大街 58 号 商住楼', district: '德城区', summary: '三楼住户厨房起火，有浓烟' },
  { type: 'public_security', priority: 2, status: 'en_route', minutesAgo: 24, lat: 37.4621, lon: 116.2934, address: '德城区 天衢东路 火车站广场', district: '德城区', summary: '多人聚集发生纠纷' },
  { type: 'road_occupation', priority: 3, status: 'on_scene', minutesAgo: 47, lat: 37.4185, lon: 116.3402, address: '经济技术开发区 崇德五大道 建材市场门前', district: '经济技术开发区', summary: '店外经营占道，影响通行（文明创城）' },
  { type: 'illegal_parking', priority: 4, status: 'new', minutesAgo: 6, lat: 37.4417, lon: 116.3286, address: '德城区 湖滨北路 德州学院东门', district: '德城区', summary: '车辆违停堵塞消防通道' },
  { type: 'flooding', priority: 2, status: 'closed', minutesAgo: 180, lat: 37.3598, lon: 116.5653, address: '陵城区 陵州路 下穿立交', district: '陵城区', summary: '强降雨后立交积水约 40 厘米，已排空' },
];

interface SeedCamera {
  name: string;
  lat: number;
  lon: number;
  heading: number;
  fov: number;
  range: number;
  codec: 'h264' | 'h265';
  ptz: boolean;
  department: string;
  district: string;
}

const CAMERAS: readonly SeedCamera[] = [
  { name: '东方红路三八路口 东向', lat: 37.4514, lon: 116.3098, heading: 90, fov: 60, range: 150, codec: 'h264', ptz: false, department: '交警支队', district: '德城区' },
  { name: '东方红路三八路口 球机', lat: 37.451, lon: 116.3111, heading: 0, fov: 360, range: 200, codec: 'h265', ptz: true, department: '交警支队', district: '德城区' },
  { name: '新湖大街 商住楼北侧', lat: 37.4345, lon: 116.3612, heading: 170, fov: 70, range: 120, codec: 'h264', ptz: false, department: '公安局', district: '德城区' },
  { name: '火车站广场 全景', lat: 37.4627, lon: 116.2925, heading: 135, fov: 90, range: 250, codec: 'h265', ptz: false, department: '公安局', district: '德城区' },
  { name: '火车站广场 出站口', lat: 37.4616, lon: 116.2941, heading: 315, fov: 60, range: 100, codec: 'h264', ptz: true, department: '公安局', district: '德城区' },
  { name: '崇德五大道 建材市场', lat: 37.4191, lon: 116.3395, heading: 200, fov: 65, range: 140, codec: 'h264', ptz: false, department: '城市管理局', district: '经济技术开发区' },
  { name: '湖滨北路 德州学院东门', lat: 37.4421, lon: 116.3279, heading: 120, fov: 60, range: 120, codec: 'h264', ptz: false, department: '城市管理局', district: '德城区' },
  { name: '陵州路 下穿立交', lat: 37.3603, lon: 116.5648, heading: 180, fov: 55, range: 160, codec: 'h264', ptz: false, department: '住建局', district: '陵城区' },
  { name: '市民服务中心 大厅', lat: 37.4369, lon: 116.3553, heading: 45, fov: 100, range: 60, codec: 'h264', ptz: false, department: '行政审批局', district: '德城区' },
  { name: '减河湿地公园 制高点', lat: 37.4702, lon: 116.3504, heading: 225, fov: 360, range: 800, codec: 'h265', ptz: true, department: '应急管理局', district: '德城区' },
];

export function seedDemoIfNew(db: Database, actor: Actor, clock: Clock = systemClock): boolean {
  return db
    .transaction((): boolean => {
      if (db.prepare("SELECT 1 FROM meta WHERE key = 'seeded_at'").get()) return false;
      const now = clock.now();
      const insertIncident = db.prepare(
        `INSERT INTO incidents (id, type, priority, status, lat, lon, address, district, summary, origin, created_at, updated_at, closed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'local', ?, ?, ?)`,
      );
      for (const s of INCIDENTS) {
        const id = uuidv7();
        const created = now - s.minutesAgo * 60_000;
        const closed = s.status === 'closed' || s.status === 'cancelled' ? now - 5 * 60_000 : null;
        insertIncident.run(id, s.type, s.priority, s.status, s.lat, s.lon, s.address, s.district, s.summary, created, created, closed);
        appendIncidentEvent(db, actor, created, id, 'created', { type: s.type, priority: s.priority, seeded: true });
      }
      const insertCamera = db.prepare(
        `INSERT INTO video_points (id, name, lat, lon, heading_deg, fov_deg, range_m, codec, ptz, department, district, origin, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'local', ?)`,
      );
      for (const c of CAMERAS) {
        insertCamera.run(uuidv7(), c.name, c.lat, c.lon, c.heading, c.fov, c.range, c.codec, c.ptz ? 1 : 0, c.department, c.district, now);
      }
      db.prepare("INSERT INTO meta (key, value) VALUES ('seeded_at', ?)").run(String(now));
      appendAudit(db, actor, now, { action: 'store.seed-demo', details: { incidents: INCIDENTS.length, videoPoints: CAMERAS.length } });
      return true;
    })
    .immediate();
}
