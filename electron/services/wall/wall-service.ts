// The wall, owned by main: one document every console edits and every wall output draws. Each
// change — a console's edit, a push from an incident, a preset, a tour step, an alarm — goes
// through the same edit rule (shared/wall/wall-edits.ts) and the native layout engine's check,
// is stored before it is answered, and reaches every window as one `wall.state` event.
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../shared/domain/identity';
import type { Incident } from '../../shared/domain/incident';
import {
  applyWallEdit,
  emptyWallDoc,
  endAlarm,
  isDue,
  slotKey,
  slotOfKey,
  startAlarm,
  systemLocalTime,
  acknowledged,
  ALARM_FRESH_MS,
  wantsAlarm,
  type ActiveAlarm,
  type AlarmRoute,
  type EditAnswer,
  type Editor,
  type HistoryEntry,
  type LayoutResult,
  type LocalTime,
  type Presence,
  type Preset,
  type RunningTour,
  type Schedule,
  type SlotSource,
  type SlotRef,
  type Tour,
  type Wall,
  type WallDoc,
  type WallEdit,
  type WallSource,
  type WallState,
} from '../../shared/wall';
import { ServiceError } from '../../shared/contract/errors';
import type { EventBus } from '../api/event-bus';
import type { Logger } from '../log/logger';
import type { Store } from '../store/store';
import type { WallLayoutEngine } from '../native/wall-layout';
import { DEFAULT_MODEL, defaultAlarmRoute, defaultLayout } from './wall-defaults';
import { SavedWallSchema, type SavedWall } from './saved-wall';

export interface WallDeps {
  store: Store;
  bus: EventBus;
  log: Logger;
  actor: Actor;
  /** Null when the native module could not load; `problem` says why, and the wall refuses edits. */
  engine: WallLayoutEngine | null;
  problem?: string;
  now?: () => number;
  local?: LocalTime;
  /** How often tours and schedules are looked at. */
  tickMs?: number;
}

/** A console as main knows it: the connection it speaks through, and what it said it is. */
type Console = { connection: string; consoleId: string; label: string; since: number; focus: string | null; lastEditAt: number | null };

/** The audit row of a change: what was done, and its particulars. */
type Audit = { action: string; details: Record<string, unknown> };

const RECENT = 50;
const TOUR_EDITOR = 'tour';
const ALARM_EDITOR: Editor = { workstationId: 'alarm', operator: '告警联动' };
const SCHEDULE_EDITOR: Editor = { workstationId: 'schedule', operator: '定时预案' };

export class WallService {
  private model: Wall = DEFAULT_MODEL;
  private doc: WallDoc = emptyWallDoc();
  private result: LayoutResult | null = null;
  private presets: Preset[] = [];
  private tours: Tour[] = [];
  private running: RunningTour[] = [];
  private alarm: AlarmRoute = defaultAlarmRoute(DEFAULT_MODEL);
  private alarms: ActiveAlarm[] = [];
  private problem: string | null;
  private readonly consoles = new Map<string, Console>();
  /** Incidents already judged for an alarm (id → opened at): each alarms once. Older than the freshness window, they cannot alarm anyway and are forgotten. */
  private readonly judged = new Map<string, number>();
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private lastTick: number;
  private readonly now: () => number;
  private readonly local: LocalTime;
  private readonly unsubscribe: () => void;

  private constructor(private readonly d: WallDeps) {
    this.now = d.now ?? Date.now;
    this.local = d.local ?? systemLocalTime;
    this.problem = d.engine ? null : (d.problem ?? 'the native layout engine is not available');
    this.lastTick = this.now();
    this.unsubscribe = d.bus.subscribe((e) => {
      if (e.name === 'incidents.changed') void this.serial(() => this.onIncidents((e.payload as { upserted: Incident[] }).upserted)).catch((err: unknown) => d.log.error({ err }, 'wall alarm routing failed'));
    });
  }

  static async start(d: WallDeps): Promise<WallService> {
    const s = new WallService(d);
    await s.load();
    const tickMs = d.tickMs ?? 1000;
    s.timer = setInterval(() => void s.serial(() => s.tick()).catch((err: unknown) => d.log.error({ err }, 'wall tick failed')), tickMs);
    s.timer.unref();
    return s;
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.unsubscribe();
  }

  // ——— reading ———

  state(): WallState {
    const ok = this.result?.ok ? this.result : null;
    return {
      available: this.d.engine !== null,
      problem: this.problem,
      revision: this.doc.revision,
      model: this.model,
      layout: this.doc.layout,
      sources: this.sourceList(),
      geometry: ok?.wall ?? null,
      viewports: ok?.viewports ?? [],
      unseen: ok?.unseen ?? [],
      presets: this.presets,
      tours: this.tours,
      running: this.running,
      alarm: this.alarm,
      alarms: this.alarms,
      recent: this.doc.history.slice(-RECENT).map((h) => ({ revision: h.revision, baseRevision: h.baseRevision, editId: h.editId, kind: h.edit.kind, by: h.by, at: h.at, overriddenBy: h.overriddenBy })),
    };
  }

  private sourceList(): SlotSource[] {
    return Object.entries(this.doc.sources).map(([k, source]) => ({ slot: slotOfKey(k), source }));
  }

  presence(): Presence[] {
    return [...this.consoles.values()].map((c) => ({ consoleId: c.consoleId, label: c.label, operator: this.d.actor.operatorName, since: c.since, focus: c.focus, lastEditAt: c.lastEditAt }));
  }

  // ——— consoles ———

  join(connection: string, console: { id: string; label: string }): WallState {
    const known = this.consoles.get(connection);
    this.consoles.set(connection, { connection, consoleId: console.id, label: console.label, since: known?.since ?? this.now(), focus: known?.focus ?? null, lastEditAt: known?.lastEditAt ?? null });
    this.presenceChanged();
    return this.state();
  }

  focus(connection: string, window: string | null): void {
    const c = this.consoles.get(connection);
    if (!c || c.focus === window) return;
    c.focus = window;
    this.presenceChanged();
  }

  disconnected(connection: string): void {
    if (this.consoles.delete(connection)) this.presenceChanged();
  }

  private editorOf(connection: string): Editor {
    const c = this.consoles.get(connection);
    // A window that never joined still edits as itself: its connection names it.
    return { workstationId: c?.consoleId ?? connection.slice(0, 64), operator: (c?.label ? `${this.d.actor.operatorName} · ${c.label}` : this.d.actor.operatorName).slice(0, 64) };
  }

  // ——— changing the wall ———

  edit(connection: string, p: { baseRevision: number; editId: string; edit: WallEdit }): Promise<EditAnswer> {
    return this.serial(async () => {
      const answer = await this.apply({ baseRevision: p.baseRevision, editId: p.editId, edit: p.edit, by: this.editorOf(connection) });
      const c = this.consoles.get(connection);
      if (c && answer.status === 'applied') {
        c.lastEditAt = this.now();
        this.presenceChanged();
      }
      return answer;
    });
  }

  /** A push is a deliberate "show this there now": made on the wall as it is. */
  push(connection: string, slot: SlotRef, source: WallSource): Promise<EditAnswer> {
    return this.serial(() => this.apply({ baseRevision: this.doc.revision, editId: randomUUID(), edit: { kind: 'show', slot, source }, by: this.editorOf(connection) }));
  }

  setModel(connection: string, model: Wall): Promise<EditAnswer> {
    return this.serial(async () => {
      const engine = this.requireEngine();
      const result = engine.compute(model, this.doc.layout);
      if (!result.ok) return refused(this.doc.revision, result.refusal.code, result.refusal.message);
      this.model = model;
      this.result = result;
      await this.persist({ action: 'wall.model', details: { by: this.editorOf(connection), rows: model.rows, columns: model.columns } });
      this.changed();
      return { status: 'applied', revision: this.doc.revision, overrode: [], refusal: null };
    });
  }

  // ——— presets ———

  savePreset(connection: string, p: { id?: string | undefined; name: string; schedule: Schedule | null }): Promise<WallState> {
    return this.configure(() => {
      const id = p.id ?? randomUUID();
      const preset: Preset = { id, name: p.name, layout: this.doc.layout, sources: this.sourceList(), schedule: p.schedule, savedBy: this.editorOf(connection), savedAt: this.now() };
      this.presets = [...this.presets.filter((x) => x.id !== id), preset];
      return { action: 'wall.preset.save', details: { preset: id, name: p.name } };
    });
  }

  schedulePreset(p: { id: string; schedule: Schedule | null }): Promise<WallState> {
    return this.configure(() => {
      const preset = this.presetById(p.id);
      this.presets = this.presets.map((x) => (x === preset ? { ...x, schedule: p.schedule } : x));
      return { action: 'wall.preset.schedule', details: { preset: p.id, schedule: p.schedule } };
    });
  }

  recallPreset(connection: string, p: { id: string; baseRevision: number; editId: string }): Promise<EditAnswer> {
    return this.serial(() => {
      const preset = this.presetById(p.id);
      return this.apply({ baseRevision: p.baseRevision, editId: p.editId, edit: loadOf(preset), by: this.editorOf(connection) });
    });
  }

  removePreset(id: string): Promise<WallState> {
    return this.configure(() => {
      this.presetById(id);
      if (this.tours.some((t) => t.steps.some((s) => s.kind === 'preset' && s.presetId === id))) throw new ServiceError('conflict', 'a tour uses this preset: remove it from the tour first');
      this.presets = this.presets.filter((x) => x.id !== id);
      return { action: 'wall.preset.remove', details: { preset: id } };
    });
  }

  // ——— tours ———

  saveTour(tour: Tour): Promise<WallState> {
    return this.configure(() => {
      for (const s of tour.steps) if (s.kind === 'preset') this.presetById(s.presetId);
      if (tour.steps.some((s) => s.kind === 'camera') && !tour.slot) throw new ServiceError('bad-request', 'a tour of cameras needs the wall window to show them in');
      this.tours = [...this.tours.filter((t) => t.id !== tour.id), tour];
      // A running tour picks the new steps up at its next step.
      this.running = this.running.map((r) => (r.tourId === tour.id ? { ...r, step: r.step % tour.steps.length } : r));
      return { action: 'wall.tour.save', details: { tour: tour.id, name: tour.name, steps: tour.steps.length } };
    });
  }

  removeTour(id: string): Promise<WallState> {
    return this.configure(() => {
      this.tourById(id);
      this.tours = this.tours.filter((t) => t.id !== id);
      this.running = this.running.filter((r) => r.tourId !== id);
      return { action: 'wall.tour.remove', details: { tour: id } };
    });
  }

  startTour(connection: string, id: string): Promise<WallState> {
    return this.configure(async () => {
      const tour = this.tourById(id);
      const run: RunningTour = { tourId: id, step: 0, nextAt: this.now() + tour.dwellSeconds * 1000, startedBy: this.editorOf(connection) };
      // Tours showing in the same place would fight: the new one takes over.
      const sameSlot = (t: Tour | undefined) => !!t && (t.slot === null || tour.slot === null || slotKey(t.slot) === slotKey(tour.slot));
      this.running = [...this.running.filter((r) => r.tourId !== id && !sameSlot(this.tours.find((t) => t.id === r.tourId))), run];
      await this.showStep(tour, run);
      return { action: 'wall.tour.start', details: { tour: id } };
    });
  }

  stopTour(id: string): Promise<WallState> {
    return this.configure(() => {
      this.running = this.running.filter((r) => r.tourId !== id);
      return { action: 'wall.tour.stop', details: { tour: id } };
    });
  }

  // ——— alarm routing ———

  setAlarmRoute(route: AlarmRoute): Promise<WallState> {
    return this.configure(() => {
      this.alarm = route;
      return { action: 'wall.alarm.route', details: { enabled: route.enabled, minPriority: route.minPriority, slots: route.slots.map(slotKey) } };
    });
  }

  private async onIncidents(incidents: Incident[]): Promise<void> {
    for (const incident of incidents) {
      const active = this.alarms.some((a) => a.incidentId === incident.id);
      if (active && acknowledged(incident)) {
        const ended = endAlarm(incident.id, this.alarms, this.doc.sources);
        this.alarms = ended.alarms;
        for (const edit of ended.edits) await this.apply({ baseRevision: this.doc.revision, editId: randomUUID(), edit, by: ALARM_EDITOR });
        this.d.log.info({ incident: incident.id, restored: ended.edits.length }, 'wall alarm ended: incident acknowledged');
        await this.persist({ action: 'wall.alarm.end', details: { incident: incident.id } });
        this.changed();
        continue;
      }
      if (active || this.judged.has(incident.id) || !wantsAlarm(incident, this.alarm, this.now())) continue;
      this.judged.set(incident.id, incident.createdAt);
      for (const [id, at] of this.judged) if (at < this.now() - ALARM_FRESH_MS) this.judged.delete(id);
      const cameras = await this.d.store.call('listVideoPoints', { limit: 50000 });
      const started = startAlarm(incident, this.alarm, cameras, this.doc.layout, this.doc.sources, this.now());
      if (!started) continue;
      this.alarms = [...this.alarms, started.alarm];
      for (const edit of started.edits) await this.apply({ baseRevision: this.doc.revision, editId: randomUUID(), edit, by: ALARM_EDITOR });
      this.d.log.info({ incident: incident.id, priority: incident.priority, cameras: started.alarm.shown.map((s) => s.cameraId) }, 'wall alarm: cameras put on the wall');
      await this.persist({ action: 'wall.alarm.start', details: { incident: incident.id, cameras: started.alarm.shown.map((s) => s.cameraId) } });
      this.changed();
    }
  }

  // ——— time: tours and schedules ———

  private async tick(): Promise<void> {
    const now = this.now();
    for (const preset of this.presets) {
      if (preset.schedule && isDue(preset.schedule, this.lastTick, now, this.local)) {
        const answer = await this.apply({ baseRevision: this.doc.revision, editId: randomUUID(), edit: loadOf(preset), by: SCHEDULE_EDITOR });
        this.d.log.info({ preset: preset.id, name: preset.name, status: answer.status }, 'scheduled preset recalled');
      }
    }
    this.lastTick = now;
    let moved = false;
    for (const run of this.running) {
      if (run.nextAt > now) continue;
      const tour = this.tours.find((t) => t.id === run.tourId);
      if (!tour) continue;
      run.step = (run.step + 1) % tour.steps.length;
      run.nextAt = now + tour.dwellSeconds * 1000;
      await this.showStep(tour, run);
      moved = true;
    }
    if (moved) {
      await this.persist({ action: 'wall.tour.step', details: { running: this.running.map((r) => [r.tourId, r.step]) } });
      this.changed();
    }
  }

  private async showStep(tour: Tour, run: RunningTour): Promise<void> {
    const step = tour.steps[run.step]!;
    const by: Editor = { workstationId: TOUR_EDITOR, operator: tour.name.slice(0, 64) };
    const edit: WallEdit | null =
      step.kind === 'preset'
        ? (() => { const p = this.presets.find((x) => x.id === step.presetId); return p ? loadOf(p) : null; })()
        : tour.slot && { kind: 'show', slot: tour.slot, source: { kind: 'camera', cameraId: step.cameraId, quality: 'main' } };
    if (!edit) return;
    const answer = await this.apply({ baseRevision: this.doc.revision, editId: randomUUID(), edit, by });
    if (answer.status === 'refused') {
      // The window it shows in has gone: the tour cannot go on, and says so in the log and state.
      this.running = this.running.filter((r) => r !== run);
      this.d.log.warn({ tour: tour.id, refusal: answer.refusal }, 'tour stopped: its step could not be shown');
    }
  }

  // ——— the one way the wall changes ———

  private async apply(request: { baseRevision: number; editId: string; edit: WallEdit; by: Editor }): Promise<EditAnswer> {
    const engine = this.requireEngine();
    const out = applyWallEdit(this.doc, request, this.now());
    if (out.status === 'refused') return refused(this.doc.revision, out.reason, refusalText[out.reason]);
    if (out.status === 'duplicate') return { status: 'duplicate', revision: out.revision, overrode: [], refusal: null };
    const result = out.doc.layout === this.doc.layout && this.result ? this.result : engine.compute(this.model, out.doc.layout);
    if (!result.ok) return refused(this.doc.revision, result.refusal.code, result.refusal.message);
    this.doc = { ...out.doc, history: out.doc.history.map((h, i, all) => (i === all.length - 1 ? h : compactLoad(h))) };
    this.result = result;
    await this.persist({
      action: 'wall.edit',
      details: { revision: out.revision, kind: request.edit.kind, by: request.by, overrode: out.overrode.map((h) => h.revision) },
    });
    this.changed();
    return { status: 'applied', revision: out.revision, overrode: out.overrode.map((h) => ({ revision: h.revision, editId: h.editId, by: h.by })), refusal: null };
  }

  private requireEngine(): WallLayoutEngine {
    if (!this.d.engine) throw new ServiceError('unavailable', `the wall cannot be driven: ${this.problem}`);
    return this.d.engine;
  }

  private presetById(id: string): Preset {
    const p = this.presets.find((x) => x.id === id);
    if (!p) throw new ServiceError('not-found', `no wall preset ${id}`);
    return p;
  }

  private tourById(id: string): Tour {
    const t = this.tours.find((x) => x.id === id);
    if (!t) throw new ServiceError('not-found', `no wall tour ${id}`);
    return t;
  }

  /**
   * A change to what the wall keeps beside its document (presets, tours, the alarm route): made in
   * the queue, stored with the audit row `change` returns, announced; answers the new state.
   */
  private configure(change: () => Audit | Promise<Audit>): Promise<WallState> {
    return this.serial(async () => {
      await this.persist(await change());
      this.changed();
      return this.state();
    });
  }

  /** Mutations run one at a time, in arrival order, so revisions and the stored wall never interleave. */
  private serial<T>(fn: () => Promise<T> | T): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private changed(): void {
    this.d.bus.emit('wall.state', this.state());
  }

  private presenceChanged(): void {
    this.d.bus.emit('wall.presence', { editors: this.presence() });
  }

  // ——— storage ———

  private saved(): SavedWall {
    return { version: 1, model: this.model, revision: this.doc.revision, layout: this.doc.layout, sources: this.sourceList(), history: this.doc.history.map((h) => ({ ...h, touches: [...h.touches] })), presets: this.presets, tours: this.tours, running: this.running, alarm: this.alarm, alarms: this.alarms };
  }

  private async persist(audit: Audit): Promise<void> {
    if ((await this.d.store.call('status')).state !== 'ready') return;
    await this.d.store.call('saveWall', { actor: this.d.actor, wall: this.saved(), audit });
  }

  private async load(): Promise<void> {
    const fresh = () => {
      this.doc = { ...emptyWallDoc(), layout: defaultLayout(this.model) };
      this.result = this.d.engine?.compute(this.model, this.doc.layout) ?? null;
    };
    const ready = (await this.d.store.call('status')).state === 'ready';
    const raw = ready ? await this.d.store.call('getWall', { workstationId: this.d.actor.workstationId }) : undefined;
    if (raw === undefined || !this.d.engine) return fresh();
    const parsed = SavedWallSchema.safeParse(raw);
    const why = !parsed.success ? `does not parse: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` : checkSaved(this.d.engine, parsed.data);
    if (why || !parsed.success) {
      const aside = `wall.refused.${this.now()}`;
      await this.d.store.call('saveWallAside', { actor: this.d.actor, key: aside, wall: raw, reason: why ?? 'invalid' });
      this.problem = `the saved wall was refused (${why}); it is kept as ${aside} and the wall starts from the defaults`;
      this.d.log.error({ aside, why }, 'saved wall refused; starting from the defaults');
      return fresh();
    }
    const w = parsed.data;
    this.model = w.model;
    this.doc = { revision: w.revision, layout: w.layout, sources: Object.fromEntries(w.sources.map((s) => [slotKey(s.slot), s.source])), history: w.history };
    this.result = this.d.engine.compute(this.model, this.doc.layout);
    this.presets = w.presets;
    this.tours = w.tours;
    this.running = w.running;
    this.alarm = w.alarm;
    this.alarms = w.alarms;
    for (const a of w.alarms) this.judged.set(a.incidentId, a.since);
  }
}

/**
 * A recalled preset stays in the history by its name, not its whole layout: a tour stepping
 * through big presets would otherwise make the stored wall megabytes, written on every change.
 * What the history is for — who changed what, overrides, recognising repeats — needs no more.
 */
function compactLoad(h: HistoryEntry): HistoryEntry {
  if (h.edit.kind !== 'load' || (h.edit.layout.windows.length === 0 && h.edit.layout.splits.length === 0 && h.edit.sources.length === 0)) return h;
  return { ...h, edit: { ...h.edit, layout: { splits: [], windows: [] }, sources: [] } };
}

function loadOf(preset: Preset): WallEdit {
  return { kind: 'load', label: preset.name.slice(0, 80), layout: preset.layout, sources: preset.sources };
}

function refused(revision: number, code: string, message: string): EditAnswer {
  return { status: 'refused', revision, overrode: [], refusal: { code, message } };
}

const refusalText = {
  'unknown-window': 'that window is no longer on the wall',
  'unknown-slot': 'that window or cell is no longer on the wall',
  'stale-beyond-history': 'the wall has changed too much since this console last saw it: reload the wall and try again',
  'future-revision': 'this console claims a wall revision main never made',
} as const;

/** Why a stored wall cannot be used, or null: the engine must accept its layout and every preset's. */
function checkSaved(engine: WallLayoutEngine, w: SavedWall): string | null {
  const layout = engine.compute(w.model, w.layout);
  if (!layout.ok) return `layout: ${layout.refusal.message}`;
  for (const p of w.presets) {
    const r = engine.compute(w.model, p.layout);
    if (!r.ok) return `preset ${p.name}: ${r.refusal.message}`;
  }
  return null;
}
