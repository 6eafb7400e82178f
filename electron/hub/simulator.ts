// A living city for the reference hub: units patrol and answer calls, incidents arrive as a
// Poisson process and go through their lifecycle, cameras drop off line now and then. Every
// write goes through HubStore.system() in small transactions, with the same rules as a
// workstation's actions, so what workstations receive is what a real platform would send.
//
// Deterministic for a seed and a clock: the only randomness is the PRNG below, and every query
// whose order matters is ordered by rowid or callsign (never by the random UUIDv7 ids).
import { demoPlans } from './plans';
import { mulberry32 } from '../shared/random';
import { v7 as uuidv7 } from 'uuid';
import type { GeoPoint, IncidentStatus, IncidentType } from '../shared/domain/incident';
import { isFinal } from '../shared/domain/incident-lifecycle';
import type { UnitKind, UnitStatus } from '../shared/domain/unit';
import type { Operation, UnitWire, VideoPointWire } from '../shared/sync/protocol';
import type { Logger } from '../services/log/logger';
import {
  DEPARTMENT_WEIGHTS,
  DEPARTMENTS,
  DIRECTIONS,
  DISTRICTS,
  INCIDENT_PROFILES,
  RIVERS,
  SEED_CAMERAS,
  SEED_INCIDENTS,
  SEED_UNIT_KIND,
  UNIT_KINDS_MIX,
  type District,
  type IncidentProfile,
  type SeedIncident,
} from './city';
import { unitWire, videoPointWire, type IncidentRow, type UnitRow, type VideoPointRow } from './hub-rows';
import type { HubStore, SystemWriter } from './hub-store';

/** Who the simulator's actions are recorded as. */
export const SYSTEM_ACTOR = { operatorId: 'hub-sim', operatorName: '城市模拟', workstationId: 'hub' } as const;

export interface SimulatorOptions {
  seed: number;
  /** Cameras in a new city, the ten demo cameras included. */
  cameras?: number;
  /** Units in a new city. */
  units?: number;
  /** Mean rate of new incidents; 0 = none. */
  incidentsPerHour?: number;
  tickMs?: number;
  clock?: { now(): number };
  log?: Logger;
  /** Run tick() on a timer every tickMs (default). Tests turn it off and call tick() themselves. */
  autoTick?: boolean;
}

export const SIMULATOR_DEFAULTS = { cameras: 200, units: 24, incidentsPerHour: 30, tickMs: 5000 } as const;

export interface Simulator {
  stop(): void;
  /** One step of the city. */
  tick(): void;
}

// ---- randomness ----------------------------------------------------------------------------


class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  weighted<T>(items: readonly T[], weight: (item: T) => number): T {
    const total = items.reduce((s, i) => s + weight(i), 0);
    let r = this.next() * total;
    for (const i of items) {
      r -= weight(i);
      if (r < 0) return i;
    }
    return items.at(-1)!;
  }
  /** -1…1, more often near 0 (triangular). */
  centred(): number {
    return this.next() + this.next() - 1;
  }
  /** Arrivals in one interval of a Poisson process with mean `lambda` (Knuth). */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = 1;
    do {
      k++;
      p *= this.next();
    } while (p > limit && k < 1000);
    return k - 1;
  }
}

// ---- geometry (metres, small distances) -------------------------------------------------------

const M_PER_DEG = 111_320;
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

function distanceM(a: GeoPoint, b: GeoPoint): number {
  const dy = (b.lat - a.lat) * M_PER_DEG;
  const dx = (b.lon - a.lon) * M_PER_DEG * Math.cos((a.lat * Math.PI) / 180);
  return Math.hypot(dx, dy);
}

function moveToward(from: GeoPoint, to: GeoPoint, stepM: number): GeoPoint {
  const d = distanceM(from, to);
  if (d <= stepM || d === 0) return { lat: round6(to.lat), lon: round6(to.lon) };
  const f = stepM / d;
  return { lat: round6(from.lat + (to.lat - from.lat) * f), lon: round6(from.lon + (to.lon - from.lon) * f) };
}

function offset(p: GeoPoint, dxM: number, dyM: number): GeoPoint {
  return { lat: round6(p.lat + dyM / M_PER_DEG), lon: round6(p.lon + dxM / (M_PER_DEG * Math.cos((p.lat * Math.PI) / 180))) };
}

const DISTRICT_BY_NAME = new Map(DISTRICTS.map((d, i) => [d.name, { d, i }]));
const CITY_PROPER = DISTRICTS.filter((d) => ['德城区', '经济技术开发区', '运河经济开发区'].includes(d.name));
const PROFILE: ReadonlyMap<IncidentType, IncidentProfile> = new Map(INCIDENT_PROFILES.map((p) => [p.type, p]));
const SEED_KEYS = new Set(SEED_INCIDENTS.map((s) => `${s.address}|${s.summary}`));
const SEED_CAMERA_NAMES = new Set(SEED_CAMERAS.map((c) => c.name));
const PATH: readonly IncidentStatus[] = ['dispatched', 'en_route', 'on_scene', 'closed'];

const MIN = 60_000;
/** Mean times of the lifecycle steps of a simulated incident. */
const MEAN = { dispatch: 1.5 * MIN, depart: 0.75 * MIN, onScene: 8 * MIN, cancel: 40 * MIN } as const;
/** A simulated incident no unit could take this long is handed to the local grid and closed. */
const UNANSWERED_MS = 20 * MIN;
/** Units arrive by driving; a unit that has not arrived by then is taken to have (long trips). */
const MAX_TRIP_MS = 15 * MIN;
const DRIVE_M_PER_S = 12;
const PATROL_M_PER_S = 3;
const ARRIVED_M = 120;
const HOME_RADIUS_M = 1500;
const PREFERRED_RANGE_M = 30_000;

export function startSimulator(store: HubStore, options: SimulatorOptions): Simulator {
  const o = { ...SIMULATOR_DEFAULTS, ...options };
  const clock = options.clock ?? { now: () => Date.now() };
  const log = options.log;
  const rng = new Rng(o.seed);
  const db = store.db;
  const tickMs = Math.max(1, o.tickMs);
  /** Probability that something with mean time `meanMs` happens within one tick. */
  const perTick = (meanMs: number) => 1 - Math.exp(-tickMs / meanMs);

  /** Where each unit returns to when free (its station); learnt from its position when unknown. */
  const homes = new Map<string, GeoPoint>();
  /** Open incidents the simulator created (the demo six excepted), oldest first. */
  let open: string[] = [];
  const ipCounter = new Map<string, number>();

  // Prepared once: the simulator runs these every tick.
  const q = {
    incident: db.prepare('SELECT * FROM incidents WHERE id = ?'),
    unit: db.prepare('SELECT * FROM units WHERE id = ?'),
    units: db.prepare('SELECT * FROM units ORDER BY rowid'),
    openAssignments: db.prepare('SELECT unit_id, incident_id FROM assignments WHERE released_at IS NULL'),
    unitsOf: db.prepare('SELECT u.* FROM assignments a JOIN units u ON u.id = a.unit_id WHERE a.incident_id = ? AND a.released_at IS NULL ORDER BY u.callsign'),
    videoPointAt: db.prepare('SELECT * FROM video_points ORDER BY rowid LIMIT 1 OFFSET ?'),
    count: {
      incidents: db.prepare('SELECT count(*) AS n FROM incidents'),
      videoPoints: db.prepare('SELECT count(*) AS n FROM video_points'),
      units: db.prepare('SELECT count(*) AS n FROM units'),
    },
  };
  const incidentRow = (id: string) => q.incident.get(id) as IncidentRow | undefined;
  const unitRow = (id: string) => q.unit.get(id) as UnitRow | undefined;
  const unitRows = () => q.units.all() as UnitRow[];
  const openAssignments = () => new Map((q.openAssignments.all() as { unit_id: string; incident_id: string }[]).map((a) => [a.unit_id, a.incident_id]));
  const unitsOf = (incidentId: string) => q.unitsOf.all(incidentId) as UnitRow[];

  function act(w: SystemWriter, op: Operation, at: number): string | null {
    return w.act(op, SYSTEM_ACTOR, at);
  }

  function setUnit(w: SystemWriter, u: UnitRow, change: { status?: UnitStatus; location?: GeoPoint | null }, at: number): void {
    const current = unitWire(u);
    const status = change.status ?? current.status;
    const next: UnitWire = {
      ...current,
      status,
      location: change.location === undefined ? current.location : change.location,
      statusSince: status === current.status ? current.statusSince : at,
      updatedAt: at,
    };
    w.upsertUnit(next);
  }

  function placeIn(d: District): GeoPoint {
    return { lat: round6(d.lat + rng.centred() * d.spread), lon: round6(d.lon + rng.centred() * d.spread * 1.25) };
  }

  function streamUrls(department: string, district: string): { mainUrl: string; subUrl: string } {
    const deptOctet = 21 + Math.max(-1, DEPARTMENTS.indexOf(department as (typeof DEPARTMENTS)[number]));
    const dIndex = DISTRICT_BY_NAME.get(district)?.i ?? 0;
    const key = `${deptOctet}/${dIndex}`;
    const k = ipCounter.get(key) ?? 0;
    ipCounter.set(key, k + 1);
    const host = `10.${deptOctet}.${dIndex * 8 + Math.floor(k / 250) + 1}.${(k % 250) + 2}`;
    return { mainUrl: `rtsp://${host}:554/Streaming/Channels/101`, subUrl: `rtsp://${host}:554/Streaming/Channels/102` };
  }

  // ---- a new city ------------------------------------------------------------------------------

  function seedUnits(w: SystemWriter, now: number): void {
    // Smooth weighted round robin: the kinds interleave in proportion to their weights.
    const current = UNIT_KINDS_MIX.map(() => 0);
    const total = UNIT_KINDS_MIX.reduce((s, k) => s + k.weight, 0);
    const numbers = new Map<UnitKind, number>();
    for (let i = 0; i < o.units; i++) {
      let best = 0;
      UNIT_KINDS_MIX.forEach((k, j) => {
        current[j]! += k.weight;
        if (current[j]! > current[best]!) best = j;
      });
      current[best]! -= total;
      const mix = UNIT_KINDS_MIX[best]!;
      const n = (numbers.get(mix.kind) ?? 0) + 1;
      numbers.set(mix.kind, n);
      // The first two of each kind are stationed in the city proper, the rest across the districts.
      const district = rng.weighted(n <= 2 ? CITY_PROPER : DISTRICTS, (d) => d.weight);
      const id = uuidv7();
      const location = placeIn(district);
      homes.set(id, location);
      w.upsertUnit({
        id,
        callsign: mix.callsign(n),
        kind: mix.kind,
        status: rng.chance(0.12) ? 'off_duty' : 'available',
        location,
        statusSince: now - rng.int(5, 240) * MIN,
        updatedAt: now,
        rowVersion: 1,
      });
    }
  }

  function cameraName(taken: Set<string>, base: string): string {
    let name = base;
    for (let k = 2; taken.has(name); k++) name = `${base} ${k} 号机`;
    taken.add(name);
    return name;
  }

  function generatedCamera(taken: Set<string>, now: number): Omit<VideoPointWire, 'rowVersion'> {
    const department = rng.weighted(DEPARTMENTS, (d) => DEPARTMENT_WEIGHTS[d]);
    let district = rng.weighted(DISTRICTS, (d) => d.weight);
    let base: string;
    let ptz = rng.chance(0.2);
    let heading: number | null = rng.int(0, 359);
    let fov: number | null = rng.int(50, 100);
    let range: number | null = rng.int(80, 250);
    const road = () => rng.pick(district.roads);
    switch (department) {
      case '交警支队': {
        const a = road();
        let b = road();
        if (b === a) b = district.roads[(district.roads.indexOf(a) + 1) % district.roads.length]!;
        if (ptz) {
          base = `${a}与${b}交叉口 球机`;
          fov = 360;
        } else {
          const dir = rng.pick(DIRECTIONS);
          base = `${a}与${b}交叉口 ${dir.label}`;
          heading = (dir.heading + rng.int(-15, 15) + 360) % 360;
        }
        break;
      }
      case '公安局':
        base = rng.chance(0.6) ? `${rng.pick(district.landmarks)} ${rng.pick(['正门', '广场', '东侧', '西侧', '南门', '北门', '全景'])}` : `${road()} ${rng.int(1, 300)} 号`;
        break;
      case '城市管理局':
        base = `${road()} ${rng.pick(['沿街商铺', '农贸市场入口', '人行道', '公交站台', '夜市'])}`;
        break;
      case '应急管理局':
        base = `${rng.pick(district.landmarks)} 制高点`;
        ptz = true;
        fov = 360;
        range = rng.int(500, 1000);
        break;
      case '住建局':
        base = `${road()} ${rng.pick(['下穿立交', '施工工地 塔吊', '桥梁监测', '老旧小区改造工地'])}`;
        break;
      default: {
        const river = rng.pick(RIVERS);
        district = DISTRICT_BY_NAME.get(river.district)!.d;
        base = `${river.river} ${river.bridge} 水位监测`;
        range = rng.int(150, 400);
      }
    }
    const codec = rng.chance(0.6) ? 'h264' : 'h265';
    const location = placeIn(district);
    return {
      id: uuidv7(),
      name: cameraName(taken, base),
      location,
      headingDeg: heading,
      fovDeg: fov,
      rangeM: range,
      ...streamUrls(department, district.name),
      codec,
      ptz,
      department,
      district: district.name,
      online: rng.chance(0.97),
      updatedAt: now,
    };
  }

  function seedCameras(now: number): number {
    const taken = new Set<string>();
    const all: Omit<VideoPointWire, 'rowVersion'>[] = SEED_CAMERAS.map((c) => ({
      id: uuidv7(),
      name: cameraName(taken, c.name),
      location: { lat: c.lat, lon: c.lon },
      headingDeg: c.heading,
      fovDeg: c.fov,
      rangeM: c.range,
      ...streamUrls(c.department, c.district),
      codec: c.codec,
      ptz: c.ptz,
      department: c.department,
      district: c.district,
      online: true,
      updatedAt: now,
    }));
    while (all.length < o.cameras) all.push(generatedCamera(taken, now));
    // The demo ten first, even when fewer cameras were asked for.
    for (let i = 0; i < all.length; i += 100) store.system((w) => all.slice(i, i + 100).forEach((v) => w.upsertVideoPoint(v)));
    return all.length;
  }

  function nearestFree(kinds: readonly UnitKind[], at: GeoPoint, maxM = Infinity): UnitRow | undefined {
    const busy = openAssignments();
    const free = unitRows().filter((u) => u.status === 'available' && !busy.has(u.id) && u.lat !== null && u.lon !== null);
    for (const kind of kinds) {
      let best: { u: UnitRow; d: number } | undefined;
      for (const u of free) {
        if (u.kind !== kind) continue;
        const d = distanceM({ lat: u.lat!, lon: u.lon! }, at);
        if (d <= maxM && (!best || d < best.d)) best = { u, d };
      }
      if (best) return best.u;
    }
    return undefined;
  }

  function seedIncident(s: SeedIncident, now: number): void {
    store.system((w) => {
      const created = now - s.minutesAgo * MIN;
      const id = uuidv7();
      const must = (reason: string | null) => {
        if (reason) throw new Error(`seeding the demo incident “${s.address}” failed: ${reason}`);
      };
      const location = { lat: s.lat, lon: s.lon };
      must(act(w, { kind: 'incident.create', incident: { id, type: s.type, priority: s.priority, location, address: s.address, district: s.district, summary: s.summary, exercise: false } }, created));
      const steps = s.status === 'cancelled' ? (['cancelled'] as const) : PATH.slice(0, PATH.indexOf(s.status) + 1);
      const end = Math.max(created, now - (isFinal(s.status) ? 5 : 1) * MIN);
      const kind = SEED_UNIT_KIND[s.type];
      let unitId: string | null = null;
      steps.forEach((to, k) => {
        const at = Math.round(created + ((end - created) * (k + 1)) / steps.length);
        if (to === 'dispatched' && kind) {
          const unit = nearestFree([kind], location);
          if (unit) {
            must(act(w, { kind: 'incident.assign', incidentId: id, unitId: unit.id }, at));
            unitId = unit.id;
          }
        }
        const from = (incidentRow(id)!.status) as IncidentStatus;
        must(act(w, { kind: 'incident.status', incidentId: id, from, to }, at));
        const unit = unitId ? unitRow(unitId) : undefined;
        if (unit && to === 'en_route') setUnit(w, unit, { status: 'en_route', location: moveToward({ lat: unit.lat!, lon: unit.lon! }, location, distanceM({ lat: unit.lat!, lon: unit.lon! }, location) * 0.6) }, at);
        if (unit && to === 'on_scene') setUnit(w, unit, { status: 'on_scene', location: offset(location, 15, -10) }, at);
      });
    });
  }

  function counts(): { incidents: number; videoPoints: number; units: number } {
    const n = (st: typeof q.count.units) => (st.get() as { n: number }).n;
    return { incidents: n(q.count.incidents), videoPoints: n(q.count.videoPoints), units: n(q.count.units) };
  }

  function seedIfNew(): void {
    const now = clock.now();
    const c = counts();
    if (c.units === 0 && o.units > 0) store.system((w) => seedUnits(w, now));
    // Response plans: once, and again only for a hub that has none (an older hub.db).
    if ((db.prepare('SELECT count(*) AS n FROM plans').get() as { n: number }).n === 0) store.system((w) => demoPlans(now).forEach((p) => w.upsertPlan(p)));
    if (c.incidents === 0 && c.videoPoints === 0) {
      for (const s of SEED_INCIDENTS) seedIncident(s, now);
      const cameras = seedCameras(now);
      log?.info({ incidents: SEED_INCIDENTS.length, cameras, units: c.units === 0 ? o.units : c.units, seed: o.seed }, 'simulated city seeded');
    } else {
      // A city that already exists: pick up the simulator's own open incidents.
      const rows = db
        .prepare(
          `SELECT id, address, summary FROM incidents WHERE status NOT IN ('closed', 'cancelled')
             AND id IN (SELECT incident_id FROM events WHERE kind = 'created' AND operator_id = ?) ORDER BY rowid`,
        )
        .all(SYSTEM_ACTOR.operatorId) as { id: string; address: string; summary: string }[];
      open = rows.filter((r) => !SEED_KEYS.has(`${r.address}|${r.summary}`)).map((r) => r.id);
      log?.info({ open: open.length, seed: o.seed }, 'simulated city resumed');
    }
  }

  // ---- one step --------------------------------------------------------------------------------

  function moveUnits(now: number): void {
    const driveM = (DRIVE_M_PER_S * tickMs) / 1000;
    const patrolM = (PATROL_M_PER_S * tickMs) / 1000;
    store.system((w) => {
      const assigned = openAssignments();
      for (const u of unitRows()) {
        const here = u.lat === null || u.lon === null ? null : { lat: u.lat, lon: u.lon };
        if (!here) continue;
        if (!homes.has(u.id)) homes.set(u.id, here);
        const home = homes.get(u.id)!;
        const incidentId = assigned.get(u.id);
        if (incidentId) {
          // A unit on a call drives to it, whoever dispatched it (a GPS feed would show that too).
          if (u.status !== 'dispatched' && u.status !== 'en_route') continue;
          const inc = incidentRow(incidentId);
          if (!inc) continue;
          const next = moveToward(here, { lat: inc.lat, lon: inc.lon }, driveM);
          if (next.lat !== here.lat || next.lon !== here.lon) setUnit(w, u, { location: next }, now);
          continue;
        }
        if (u.status === 'off_duty') {
          if (rng.chance(perTick(90 * MIN))) setUnit(w, u, { status: 'available' }, now);
          continue;
        }
        if (u.status !== 'available') continue;
        if (rng.chance(perTick(12 * 60 * MIN))) {
          setUnit(w, u, { status: 'off_duty' }, now);
        } else if (distanceM(here, home) > HOME_RADIUS_M) {
          setUnit(w, u, { location: moveToward(here, home, driveM) }, now);
        } else if (rng.chance(0.2)) {
          const step = offset(here, rng.centred() * patrolM * 2, rng.centred() * patrolM * 2);
          setUnit(w, u, { location: distanceM(step, home) > HOME_RADIUS_M ? moveToward(here, home, patrolM) : step }, now);
        }
      }
    });
  }

  function address(d: District): string {
    const road = rng.pick(d.roads);
    const form = rng.float();
    if (form < 0.5) {
      let other = rng.pick(d.roads);
      if (other === road) other = d.roads[(d.roads.indexOf(road) + 1) % d.roads.length]!;
      return `${d.name} ${road}与${other}交叉口`;
    }
    if (form < 0.8) return `${d.name} ${road} ${rng.int(1, 320)} 号`;
    return `${d.name} ${road} ${rng.pick(d.landmarks)}${rng.pick(['门前', '东侧', '西侧', '南门', '北门', '附近'])}`;
  }

  function createIncident(now: number): void {
    const profile = rng.weighted(INCIDENT_PROFILES, (p) => p.weight);
    const d = rng.weighted(DISTRICTS, (x) => x.weight);
    const id = uuidv7();
    const incident = {
      id,
      type: profile.type,
      priority: rng.pick(profile.priorities),
      location: placeIn(d),
      address: address(d),
      district: d.name,
      summary: rng.pick(profile.summaries),
      exercise: false,
    };
    const reason = store.system((w) => act(w, { kind: 'incident.create', incident }, now));
    if (reason) {
      log?.warn({ reason }, 'simulated incident refused');
      return;
    }
    open.push(id);
    log?.debug({ type: incident.type, district: d.name }, 'simulated incident');
  }

  const operatorEvents = store.db.prepare("SELECT 1 FROM events WHERE incident_id = ? AND workstation_id <> 'hub' LIMIT 1");
  const takenByOperator = { get: (id: string) => operatorEvents.get(id) !== undefined };

  function advance(id: string, now: number): void {
    const inc = incidentRow(id);
    // Once an operator has acted on it, the incident is theirs: the city stops playing it.
    if (!inc || isFinal(inc.status as IncidentStatus) || takenByOperator.get(id)) {
      open = open.filter((x) => x !== id);
      return;
    }
    const profile = PROFILE.get(inc.type as IncidentType) ?? INCIDENT_PROFILES[0]!;
    const here = { lat: inc.lat, lon: inc.lon };
    const age = now - inc.updated_at;
    const status = inc.status as IncidentStatus;
    const to = (w: SystemWriter, next: IncidentStatus) => act(w, { kind: 'incident.status', incidentId: id, from: status, to: next }, now);
    const note = (w: SystemWriter, text: string) => act(w, { kind: 'incident.note', incidentId: id, text }, now);
    switch (status) {
      case 'new': {
        if (rng.chance(perTick(MEAN.cancel))) {
          store.system((w) => {
            note(w, '报警人来电称已自行处理，取消出警');
            to(w, 'cancelled');
          });
          return;
        }
        if (!rng.chance(perTick(MEAN.dispatch))) return;
        const unit = nearestFree(profile.units, here, PREFERRED_RANGE_M) ?? nearestFree(profile.units, here);
        if (unit) {
          store.system((w) => {
            if (!act(w, { kind: 'incident.assign', incidentId: id, unitId: unit.id }, now)) to(w, 'dispatched');
          });
        } else if (age > UNANSWERED_MS) {
          store.system((w) => {
            note(w, '暂无可调派力量，已转属地网格员处置');
            to(w, 'closed');
          });
        }
        return;
      }
      case 'dispatched':
        if (rng.chance(perTick(MEAN.depart))) {
          store.system((w) => {
            to(w, 'en_route');
            for (const u of unitsOf(id)) if (u.status === 'dispatched') setUnit(w, u, { status: 'en_route' }, now);
          });
        }
        return;
      case 'en_route': {
        const units = unitsOf(id);
        const arrived = units.some((u) => u.lat !== null && u.lon !== null && distanceM({ lat: u.lat, lon: u.lon }, here) <= ARRIVED_M);
        if (!arrived && age <= MAX_TRIP_MS) return;
        store.system((w) => {
          to(w, 'on_scene');
          units.forEach((u, k) => setUnit(w, u, { status: 'on_scene', location: offset(here, 12 * k + 8, -6 * k - 5) }, now));
          note(w, `${units.map((u) => u.callsign).join('、') || '处置力量'}到达现场`);
        });
        return;
      }
      case 'on_scene':
        if (rng.chance(perTick(MEAN.onScene))) {
          store.system((w) => {
            note(w, rng.pick(profile.notes));
            to(w, 'closed');
          });
        }
        return;
      default:
        return;
    }
  }

  function maybeToggleCamera(now: number): void {
    if (!rng.chance(perTick(2 * MIN))) return;
    const total = counts().videoPoints;
    if (total <= SEED_CAMERAS.length) return;
    const k = rng.int(SEED_CAMERAS.length, total - 1);
    const row = q.videoPointAt.get(k) as VideoPointRow | undefined;
    if (!row || SEED_CAMERA_NAMES.has(row.name)) return;
    const { rowVersion: _rowVersion, ...v } = videoPointWire(row);
    store.system((w) => w.upsertVideoPoint({ ...v, online: !v.online, updatedAt: now }));
  }

  function tick(): void {
    const now = clock.now();
    try {
      moveUnits(now);
      const arrivals = rng.poisson((o.incidentsPerHour * tickMs) / (60 * MIN));
      for (let i = 0; i < arrivals; i++) createIncident(now);
      for (const id of [...open]) advance(id, now);
      maybeToggleCamera(now);
    } catch (err) {
      log?.error({ err }, 'simulator step failed');
    }
  }

  seedIfNew();
  const timer = options.autoTick === false ? null : setInterval(tick, tickMs);
  timer?.unref();
  return {
    tick,
    stop: () => {
      if (timer) clearInterval(timer);
    },
  };
}
