// The city the map benchmark draws and filters: cameras, incidents and units around Dezhou,
// deterministic for a seed. Pure (no DOM, no Node): the page bundle and the Node side of the
// benchmark build the very same rows from the same seed.
import { DISTRICTS, INCIDENT_PROFILES, UNIT_KINDS_MIX } from '../../electron/hub/city';
import type { Incident, IncidentStatus } from '../../electron/shared/domain/incident';
import type { Unit } from '../../electron/shared/domain/unit';
import type { VideoPoint } from '../../electron/shared/domain/video-point';
import { mulberry32 } from '../../electron/shared/random';

/** Dezhou's centre and how far the marks spread each way, degrees. */
export const CENTRE = { lat: 37.45, lon: 116.31 } as const;
export const SPREAD_DEG = 0.3;
/** The benchmark's clock: every timestamp is relative to it, so runs filter the same rows. */
export const NOW = Date.UTC(2026, 10, 29, 8, 0, 0);

const DAY = 86_400_000;
const CITY = DISTRICTS.slice(0, 3);
const BRANDS = ['海康', '大华', '宇视'] as const;


class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  weighted<T extends { weight: number }>(items: readonly T[]): T {
    const total = items.reduce((s, i) => s + i.weight, 0);
    let r = this.next() * total;
    for (const i of items) {
      r -= i.weight;
      if (r < 0) return i;
    }
    return items.at(-1)!;
  }
  /** Within ±SPREAD_DEG of the centre: three in four clustered towards it (a city is denser in the middle), the rest even. */
  place(): { lat: number; lon: number } {
    const clustered = this.next() < 0.75;
    const d = () => (clustered ? (this.next() + this.next() + this.next() - 1.5) / 1.5 : this.next() * 2 - 1) * SPREAD_DEG;
    return { lat: round6(CENTRE.lat + d()), lon: round6(CENTRE.lon + d()) };
  }
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** Ids shaped like the UUIDv7 the hub assigns (time-ordered), from the row's creation time. */
function idAt(rng: Rng, createdAt: number): string {
  const t = hex(createdAt, 12);
  return `${t.slice(0, 8)}-${t.slice(8)}-7${hex(rng.int(0, 0xfff), 3)}-${hex(0x8000 | rng.int(0, 0x3fff), 4)}-${hex(rng.int(0, 0xffffff), 6)}${hex(rng.int(0, 0xffffff), 6)}`;
}

/** Most of a city's incidents over 90 days are finished; the open ones are the last hours'. */
const OPEN: readonly IncidentStatus[] = ['new', 'dispatched', 'en_route', 'on_scene'];

export function makeIncidents(count: number, seed = 1): Incident[] {
  const rng = new Rng(seed);
  const rows: Incident[] = [];
  for (let n = 0; n < count; n++) {
    const profile = rng.weighted(INCIDENT_PROFILES);
    const district = rng.weighted(CITY);
    const open = rng.float() < 0.12;
    const createdAt = open ? NOW - rng.int(0, 12 * 3_600_000) : NOW - rng.int(0, 90 * DAY);
    const status: IncidentStatus = open ? rng.pick(OPEN) : rng.float() < 0.9 ? 'closed' : 'cancelled';
    const road = rng.pick(district.roads);
    const address = rng.float() < 0.5 ? `${district.name} ${road} ${rng.int(1, 300)} 号` : `${district.name} ${road} ${rng.pick(district.landmarks)}`;
    rows.push({
      id: idAt(rng, createdAt),
      type: profile.type,
      priority: rng.pick(profile.priorities),
      status,
      location: rng.place(),
      address,
      district: district.name,
      summary: rng.pick(profile.summaries),
      exercise: false,
      createdAt,
      updatedAt: createdAt + (open ? 0 : rng.int(10, 180) * 60_000),
      rowVersion: open ? 1 : 4,
      pending: false,
    });
  }
  return rows;
}

export function makeCameras(count: number, seed = 2): VideoPoint[] {
  const rng = new Rng(seed);
  const rows: VideoPoint[] = [];
  for (let n = 0; n < count; n++) {
    const district = rng.weighted(CITY);
    // One in five a dome (all-round, no fixed heading); two in five without a surveyed range.
    const dome = rng.float() < 0.2;
    rows.push({
      id: `vp-${hex(n, 6)}`,
      name: `${rng.pick(district.roads)} ${BRANDS[n % BRANDS.length]} ${n}`,
      location: rng.place(),
      headingDeg: dome ? null : rng.int(0, 359),
      fovDeg: dome ? 360 : rng.int(40, 100),
      rangeM: rng.float() < 0.4 ? null : rng.int(60, 300),
      codec: rng.float() < 0.6 ? 'h264' : 'h265',
      ptz: dome,
      department: '公安局',
      district: district.name,
      online: rng.float() < 0.93,
    });
  }
  return rows;
}

export function makeUnits(count: number, seed = 3): Unit[] {
  const rng = new Rng(seed);
  const rows: Unit[] = [];
  const numbers = new Map<string, number>();
  for (let n = 0; n < count; n++) {
    const mix = rng.weighted(UNIT_KINDS_MIX);
    const k = (numbers.get(mix.kind) ?? 0) + 1;
    numbers.set(mix.kind, k);
    rows.push({
      id: `unit-${hex(n, 4)}`,
      callsign: mix.callsign(k),
      kind: mix.kind,
      status: rng.pick(['available', 'dispatched', 'en_route', 'on_scene', 'returning'] as const),
      location: rng.place(),
      statusSince: NOW - rng.int(0, 3_600_000),
      incidentId: null,
      rowVersion: 1,
    });
  }
  return rows;
}
