import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Incident } from '../domain/incident';
import type { VideoPoint } from '../domain/video-point';
import { applyWallEdit, emptyWallDoc, type WallDoc } from './wall-edits';
import { ALARM_FRESH_MS, endAlarm, startAlarm, wantsAlarm } from './alarm-routing';
import type { ActiveAlarm, AlarmRoute } from './wall-state';

const layout = { splits: [0, 1, 2].map((c) => ({ id: `m${c}`, monitor: { row: 0, column: c }, rows: 1, columns: 1 })), windows: [] };
const slots = [0, 1, 2].map((c) => ({ window: `m${c}`, cell: { row: 0, column: 0 } }));
const route: AlarmRoute = { enabled: true, minPriority: 2, slots: slots.slice(0, 2) };
const camera = (id: string, lat: number, lon: number): VideoPoint =>
  ({ id, name: id, location: { lat, lon }, headingDeg: null, fovDeg: null, rangeM: 200, online: true, department: '交警', codec: 'h264', ptz: false }) as unknown as VideoPoint;
const cameras = Array.from({ length: 12 }, (_, i) => camera(`cam-${i}`, 37.4 + (i % 4) * 0.01, 116.3 + Math.floor(i / 4) * 0.01));
const incident = (id: string, i: number, priority = 1): Incident => ({
  id, type: 'fire', priority, status: 'new', location: cameras[i % cameras.length]!.location, address: '', district: '', summary: '', exercise: false, createdAt: 0, updatedAt: 0, rowVersion: 1, pending: false,
});

const by = { workstationId: 'alarm', operator: '告警联动' };
function applyAll(doc: WallDoc, edits: ReturnType<typeof endAlarm>['edits']): WallDoc {
  for (const edit of edits) {
    const out = applyWallEdit(doc, { baseRevision: doc.revision, edit, by, editId: `e${doc.revision}` }, 0);
    if (out.status !== 'applied') throw new Error(out.status);
    doc = out.doc;
  }
  return doc;
}

describe('alarm routing', () => {
  it('alarms only on urgent, new, real, recent incidents when enabled', () => {
    const now = 5 * 60_000;
    expect(wantsAlarm(incident('a', 0, 1), route, now)).toBe(true);
    expect(wantsAlarm(incident('a', 0, 2), route, now)).toBe(true);
    expect(wantsAlarm(incident('a', 0, 3), route, now)).toBe(false);
    expect(wantsAlarm({ ...incident('a', 0), status: 'dispatched' }, route, now)).toBe(false);
    expect(wantsAlarm({ ...incident('a', 0), exercise: true }, route, now)).toBe(false);
    expect(wantsAlarm(incident('a', 0), { ...route, enabled: false }, now)).toBe(false);
    // Downloaded long after it was opened (first sync, an outage): no alarm.
    expect(wantsAlarm(incident('a', 0), route, ALARM_FRESH_MS + 1)).toBe(false);
  });

  it('however alarms overlap and in whatever order they are acknowledged, the wall ends as it was', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 11 }), { minLength: 1, maxLength: 5 }), fc.integer({ min: 0, max: 1000 }), (places, seed) => {
        let doc = applyAll(applyWallEdit(emptyWallDoc(), { baseRevision: 0, edit: { kind: 'load', label: 'x', layout, sources: [{ slot: slots[0]!, source: { kind: 'map', center: { lat: 37.4, lon: 116.3 }, zoom: 13 } }] }, by, editId: 'init' }, 0).doc, []);
        const original = doc.sources;
        let alarms: ActiveAlarm[] = [];
        places.forEach((p, i) => {
          const started = startAlarm(incident(`inc-${i}`, p), route, cameras, doc.layout, doc.sources, i);
          if (!started) return;
          alarms = [...alarms, started.alarm];
          doc = applyAll(doc, started.edits);
        });
        // Acknowledge in a shuffled order.
        const order = alarms.map((a) => a.incidentId).sort((x, y) => ((x.charCodeAt(x.length - 1) * (seed + 7)) % 13) - ((y.charCodeAt(y.length - 1) * (seed + 7)) % 13));
        for (const id of order) {
          const ended = endAlarm(id, alarms, doc.sources);
          alarms = ended.alarms;
          doc = applyAll(doc, ended.edits);
        }
        expect(alarms).toEqual([]);
        expect(doc.sources).toEqual(original);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves a slot an operator changed during the alarm as they left it', () => {
    const doc = applyWallEdit(emptyWallDoc(), { baseRevision: 0, edit: { kind: 'load', label: 'x', layout, sources: [] }, by, editId: 'init' }, 0).doc;
    const started = startAlarm(incident('i', 0), route, cameras, doc.layout, doc.sources, 0)!;
    let d = applyAll(doc, started.edits);
    d = applyAll(d, [{ kind: 'show', slot: slots[1]!, source: { kind: 'incident', incidentId: 'i' } }]);
    const ended = endAlarm('i', [started.alarm], d.sources);
    expect(ended.edits).toEqual([{ kind: 'show', slot: slots[0], source: null }]);
  });

  it('uses only slots the wall has, and online cameras', () => {
    const doc = { ...emptyWallDoc(), layout };
    const started = startAlarm(incident('i', 0), { ...route, slots: [...slots, { window: 'gone', cell: null }] }, cameras.map((c, i) => ({ ...c, online: i !== 0 })), doc.layout, {}, 0)!;
    expect(started.alarm.shown.map((s) => s.slot.window)).toEqual(['m0', 'm1', 'm2']);
    expect(started.alarm.shown.map((s) => s.cameraId)).not.toContain('cam-0');
  });
});
