// The simulated city on a real hub database: the demo it starts with, determinism for a seed,
// a lifecycle that moves, and rows that always satisfy the wire schemas.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { useTempDirs } from '../../test/support/temp';
import { SnapshotPage, type Item, type Mutation, type Stream } from '../shared/sync/protocol';
import { SEED_CAMERAS, SEED_INCIDENTS } from './city';
import { HubStore } from './hub-store';
import { mulberry32 } from '../shared/random';
import { SYSTEM_ACTOR, startSimulator, type Simulator } from './simulator';

const tempDir = useTempDirs();
const T0 = Date.UTC(2025, 6, 1, 2, 0, 0);

const opened: { store: HubStore; sim?: Simulator }[] = [];
afterEach(() => {
  for (const o of opened.splice(0)) {
    o.sim?.stop();
    o.store.close();
  }
});

function hub(): { store: HubStore; clock: { t: number; now(): number } } {
  const clock = { t: T0, now: () => clock.t };
  const store = new HubStore(path.join(tempDir(), 'hub.db'), clock, {}, { synchronous: 'NORMAL' });
  opened.push({ store });
  return { store, clock };
}

function sim(store: HubStore, clock: { now(): number }, o: Partial<Parameters<typeof startSimulator>[1]> = {}): Simulator {
  const s = startSimulator(store, { seed: 42, cameras: 40, units: 24, incidentsPerHour: 30, tickMs: 5000, clock, autoTick: false, ...o });
  opened.find((x) => x.store === store)!.sim = s;
  return s;
}

function run(s: Simulator, clock: { t: number }, ticks: number, tickMs = 5000): void {
  for (let i = 0; i < ticks; i++) {
    clock.t += tickMs;
    s.tick();
  }
}

/** Every row of a stream through the same snapshot path a workstation uses, validated. */
function snapshot(store: HubStore, stream: Stream): Item[] {
  const items: Item[] = [];
  let token: SnapshotPage['next'] = null;
  do {
    const page = SnapshotPage.parse(store.snapshot({ stream, token, limit: 1000 }));
    items.push(...page.items);
    token = page.next;
  } while (token);
  return items;
}

const incidentsInOrder = (store: HubStore) =>
  store.db.prepare('SELECT type, priority, status, address, district, summary, created_at, closed_at FROM incidents ORDER BY rowid').all() as {
    type: string; priority: number; status: string; address: string; district: string; summary: string; created_at: number; closed_at: number | null;
  }[];

describe('mulberry32', () => {
  it('is a deterministic stream in [0, 1)', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBeGreaterThan(990);
    expect(mulberry32(8)()).not.toBe(mulberry32(7)());
  });
});

describe('a new simulated city', () => {
  it('starts with the six demo incidents, the ten demo cameras first, then the configured count', () => {
    const { store, clock } = hub();
    sim(store, clock, { cameras: 57, units: 24 });

    const incidents = incidentsInOrder(store);
    expect(incidents).toHaveLength(6);
    SEED_INCIDENTS.forEach((s, i) => {
      const got = incidents[i]!;
      expect({ type: got.type, priority: got.priority, status: got.status, address: got.address, district: got.district, summary: got.summary }).toEqual({
        type: s.type, priority: s.priority, status: s.status, address: s.address, district: s.district, summary: s.summary,
      });
      expect(got.created_at).toBe(T0 - s.minutesAgo * 60_000);
      expect(got.closed_at !== null).toBe(s.status === 'closed');
    });

    const cameras = store.db.prepare('SELECT name, department, district, main_url, sub_url FROM video_points ORDER BY rowid').all() as {
      name: string; department: string; district: string; main_url: string; sub_url: string;
    }[];
    expect(cameras).toHaveLength(57);
    expect(cameras.slice(0, 10).map((c) => c.name)).toEqual(SEED_CAMERAS.map((c) => c.name));
    expect(new Set(cameras.map((c) => c.name)).size).toBe(57);
    for (const c of cameras) {
      expect(c.main_url).toMatch(/^rtsp:\/\/10\.\d+\.\d+\.\d+:554\/Streaming\/Channels\/101$/);
      expect(c.sub_url).toMatch(/^rtsp:\/\/10\.\d+\.\d+\.\d+:554\/Streaming\/Channels\/102$/);
      expect(c.main_url).not.toContain('@');
    }

    const units = store.db.prepare('SELECT callsign, kind, status FROM units ORDER BY rowid').all() as { callsign: string; kind: string; status: string }[];
    expect(units).toHaveLength(24);
    expect(new Set(units.map((u) => u.kind))).toEqual(new Set(['police', 'traffic', 'fire', 'ambulance', 'city_management', 'emergency']));
    expect(units.map((u) => u.callsign)).toContain('巡逻 1 组');
    expect(units.map((u) => u.callsign)).toContain('120 急救 1 号');

    // The open demo incidents past 'new' have a unit on them, the closed one released its unit.
    const open = store.db.prepare('SELECT i.status, count(a.key) AS n FROM incidents i LEFT JOIN assignments a ON a.incident_id = i.id AND a.released_at IS NULL GROUP BY i.id ORDER BY i.rowid').all() as { status: string; n: number }[];
    expect(open.map((r) => [r.status, r.n])).toEqual([['new', 0], ['dispatched', 1], ['en_route', 1], ['on_scene', 1], ['new', 0], ['closed', 0]]);

    // Everything validates as it would travel.
    expect(snapshot(store, 'incidents').length).toBeGreaterThan(6 + 24);
    expect(snapshot(store, 'video_points')).toHaveLength(57);
  });

  it('is seeded once: a restart resumes the city without adding to it', () => {
    const { store, clock } = hub();
    const first = sim(store, clock, { incidentsPerHour: 0 });
    first.stop();
    const before = { incidents: incidentsInOrder(store).length, head: store.head('incidents').head, vp: store.head('video_points').head };
    sim(store, clock, { seed: 99, incidentsPerHour: 0, cameras: 500 });
    expect(incidentsInOrder(store)).toHaveLength(before.incidents);
    expect(store.head('video_points').head).toBe(before.vp);
    expect((store.db.prepare('SELECT count(*) AS n FROM video_points').get() as { n: number }).n).toBe(40);
  });
});

describe('the simulator over time', () => {
  it('is deterministic for a seed: same clock and ticks, same city', () => {
    const fingerprint = (seed: number) => {
      const { store, clock } = hub();
      const s = sim(store, clock, { seed, incidentsPerHour: 600 });
      run(s, clock, 300);
      return {
        incidents: incidentsInOrder(store),
        events: store.db.prepare('SELECT kind, payload, at FROM events ORDER BY seq').all().map((e) => {
          const { unitId: _u, ...rest } = JSON.parse((e as { payload: string }).payload) as Record<string, unknown>;
          return [(e as { kind: string }).kind, rest, (e as { at: number }).at];
        }),
        units: store.db.prepare('SELECT callsign, kind, status, lat, lon, row_version FROM units ORDER BY rowid').all(),
        cameras: store.db.prepare('SELECT name, online, main_url, row_version FROM video_points ORDER BY rowid').all(),
        heads: [store.head('incidents').head, store.head('video_points').head],
      };
    };
    const a = fingerprint(2024);
    const b = fingerprint(2024);
    expect(a.incidents.length).toBeGreaterThan(30);
    expect(b).toEqual(a);
    const c = fingerprint(2025);
    expect(c.incidents).not.toEqual(a.incidents);
  });

  it('creates incidents at about the configured rate and takes them through their lifecycle', () => {
    const { store, clock } = hub();
    const s = sim(store, clock, { seed: 5, incidentsPerHour: 60, tickMs: 30_000 });
    run(s, clock, 2 * 60 * 3, 30_000); // three simulated hours
    const incidents = incidentsInOrder(store).slice(6);
    // Poisson with mean 180: far outside 120…240 would mean the rate is wrong.
    expect(incidents.length).toBeGreaterThan(120);
    expect(incidents.length).toBeLessThan(240);
    const statuses = new Set(incidents.map((i) => i.status));
    expect(statuses.has('closed')).toBe(true);
    const types = new Set(incidents.map((i) => i.type));
    expect(types.size).toBeGreaterThanOrEqual(6);
    const districts = new Set(incidents.map((i) => i.district));
    expect(districts.size).toBeGreaterThanOrEqual(5);
    // Units were dispatched, went on scene and were released again.
    const kinds = store.db.prepare('SELECT kind, count(*) AS n FROM events GROUP BY kind').all() as { kind: string; n: number }[];
    const count = (k: string) => kinds.find((x) => x.kind === k)?.n ?? 0;
    expect(count('assign')).toBeGreaterThan(50);
    expect(count('release')).toBeGreaterThan(30);
    expect(count('note')).toBeGreaterThan(30);
    const onScene = store.db.prepare("SELECT count(*) AS n FROM events WHERE kind = 'status' AND json_extract(payload, '$.to') = 'on_scene'").get() as { n: number };
    expect(onScene.n).toBeGreaterThan(30);
    // No unit is ever on two incidents at once, and every unit on a call is not off duty.
    const doubled = store.db.prepare('SELECT unit_id FROM assignments WHERE released_at IS NULL GROUP BY unit_id HAVING count(*) > 1').all();
    expect(doubled).toEqual([]);
    // The demo six were left as they were.
    expect(incidentsInOrder(store).slice(0, 6).map((i) => i.status)).toEqual(SEED_INCIDENTS.map((s) => s.status));
    // Every row still validates as it would travel, and the change log replays cleanly.
    snapshot(store, 'incidents');
    snapshot(store, 'video_points');
    let after = 0;
    for (;;) {
      const page = store.changes({ stream: 'incidents', after, limit: 1000 });
      if (page.kind !== 'changes' || page.changes.length === 0) break;
      after = page.changes.at(-1)!.seq;
    }
    expect(after).toBe(store.head('incidents').head);
  });

  it('leaves incidents created by workstations alone', () => {
    const { store, clock } = hub();
    store.setWorkstationSecret('ws-1', 'x');
    const s = sim(store, clock, { seed: 3, incidentsPerHour: 120, tickMs: 30_000 });
    const id = uuidv7();
    const m: Mutation = {
      n: 1, id: uuidv7(), schema: 1, at: clock.now(),
      actor: { operatorId: 'op-1', operatorName: '张三', workstationId: 'ws-1' },
      op: { kind: 'incident.create', incident: { id, type: 'fire', priority: 1, location: { lat: 37.44, lon: 116.33 }, address: '德城区 测试路 1 号', district: '德城区', summary: '', exercise: false } },
    };
    expect(store.push({ clientId: 'c-1', workstationId: 'ws-1' }, clock.now(), [m]).results[0]!.outcome).toBe('applied');
    run(s, clock, 2 * 60, 30_000);
    const row = store.db.prepare('SELECT status, row_version FROM incidents WHERE id = ?').get(id) as { status: string; row_version: number };
    expect(row).toEqual({ status: 'new', row_version: 1 });
    const events = store.db.prepare('SELECT operator_id FROM events WHERE incident_id = ?').all(id) as { operator_id: string }[];
    expect(events.map((e) => e.operator_id)).toEqual(['op-1']);
    expect(store.db.prepare('SELECT count(*) AS n FROM events WHERE operator_id = ?').get(SYSTEM_ACTOR.operatorId)).toMatchObject({ n: expect.any(Number) });
  });

  it('creates nothing new with incidentsPerHour 0', () => {
    const { store, clock } = hub();
    const s = sim(store, clock, { seed: 1, incidentsPerHour: 0 });
    run(s, clock, 500);
    expect(incidentsInOrder(store)).toHaveLength(6);
  });
});
