import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyWallEdit, emptyWallDoc, type EditRequest, type WallDoc, type WallEdit } from './wall-edits';
import { slotKey, type SlotRef } from './wall-sources';

const ids = ['w1', 'w2', 'w3'];
const edit: fc.Arbitrary<WallEdit> = fc.oneof(
  fc.record({ kind: fc.constant('place' as const), window: fc.record({ id: fc.constantFrom(...ids), x: fc.integer({ min: 0, max: 4000 }), y: fc.integer({ min: 0, max: 2000 }), width: fc.integer({ min: 1, max: 2000 }), height: fc.integer({ min: 1, max: 1000 }), z: fc.integer({ min: 0, max: 5 }) }) }),
  fc.record({ kind: fc.constant('remove' as const), windowId: fc.constantFrom(...ids) }),
  fc.record({ kind: fc.constant('raise' as const), windowId: fc.constantFrom(...ids) }),
  fc.record({ kind: fc.constant('split' as const), split: fc.record({ id: fc.constantFrom('s1', 's2'), monitor: fc.record({ row: fc.integer({ min: 0, max: 1 }), column: fc.integer({ min: 0, max: 1 }) }), rows: fc.integer({ min: 1, max: 4 }), columns: fc.integer({ min: 1, max: 4 }) }) }),
  fc.record({ kind: fc.constant('unsplit' as const), monitor: fc.record({ row: fc.integer({ min: 0, max: 1 }), column: fc.integer({ min: 0, max: 1 }) }) }),
  fc.record({
    kind: fc.constant('show' as const),
    slot: fc.oneof(
      fc.record({ window: fc.constantFrom(...ids), cell: fc.constant(null) }),
      fc.record({ window: fc.constantFrom('s1', 's2'), cell: fc.record({ row: fc.integer({ min: 0, max: 3 }), column: fc.integer({ min: 0, max: 3 }) }) }),
    ),
    source: fc.option(fc.record({ kind: fc.constant('camera' as const), cameraId: fc.constantFrom('cam-1', 'cam-2'), quality: fc.constant('main' as const) })),
  }),
  fc.constant<WallEdit>({
    kind: 'load',
    label: '预案',
    layout: { splits: [{ id: 's1', monitor: { row: 0, column: 0 }, rows: 2, columns: 2 }], windows: [{ id: 'w1', x: 10, y: 10, width: 100, height: 100, z: 1 }] },
    sources: [{ slot: { window: 'w1', cell: null }, source: { kind: 'camera', cameraId: 'cam-9', quality: 'main' } }],
  }),
);

const consoles = [
  { workstationId: 'ws-dispatch-03', operator: '张伟' },
  { workstationId: 'ws-wall-01', operator: '李娜' },
];

/** One step: which console acts, what it does, whether it first catches up with the wall, whether its request is sent twice. */
const step = fc.record({ who: fc.integer({ min: 0, max: 1 }), edit, refresh: fc.boolean(), resend: fc.boolean() });

function slotKeysOf(doc: WallDoc): string[] {
  const slots: SlotRef[] = [...doc.layout.windows.map((w) => ({ window: w.id, cell: null }))];
  for (const sp of doc.layout.splits) for (let r = 0; r < sp.rows; r++) for (let c = 0; c < sp.columns; c++) slots.push({ window: sp.id, cell: { row: r, column: c } });
  return slots.map(slotKey);
}

describe('wall edits from two consoles', () => {
  it('loses nothing, applies nothing twice, marks every concurrent override, and replays to the same wall', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        let doc: WallDoc = emptyWallDoc();
        const seenRevision = [0, 0];
        const applied: EditRequest[] = [];
        steps.forEach((s, i) => {
          if (s.refresh) seenRevision[s.who] = doc.revision;
          const request: EditRequest = { baseRevision: seenRevision[s.who]!, edit: s.edit, by: consoles[s.who]!, editId: `e${i}` };
          const out = applyWallEdit(doc, request, 1000 + i);
          if (out.status === 'applied') {
            expect(out.revision).toBe(doc.revision + 1);
            applied.push(request);
            seenRevision[s.who] = out.revision;
            doc = out.doc;
            if (s.resend) {
              const again = applyWallEdit(doc, request, 2000 + i);
              expect(again).toMatchObject({ status: 'duplicate', revision: out.revision });
              expect(again.doc).toBe(doc);
            }
          } else {
            // The only refusals possible here: removing or raising a window that is not there, or
            // showing something in a slot the wall does not have.
            if (s.edit.kind === 'show') expect(out).toMatchObject({ status: 'refused', reason: 'unknown-slot' });
            else {
              expect(out).toMatchObject({ status: 'refused', reason: 'unknown-window' });
              expect(['remove', 'raise']).toContain(s.edit.kind);
            }
            expect(out.doc).toBe(doc);
          }
        });
        // Every applied edit is in the history exactly once, in order, with consecutive revisions.
        expect(doc.history.map((h) => h.editId)).toEqual(applied.map((r) => r.editId));
        doc.history.forEach((h, i) => expect(h.revision).toBe(i + 1));
        // An edit is marked overridden exactly when a later edit touching the same things came from
        // the other console without having seen it.
        const clash = (a: readonly string[], b: readonly string[]) => a.includes('*') || b.includes('*') || a.some((t) => b.includes(t));
        for (const h of doc.history) {
          const by = doc.history.find((l) => l.revision > h.revision && l.baseRevision < h.revision && clash(l.touches, h.touches) && l.by.workstationId !== h.by.workstationId);
          expect(h.overriddenBy?.revision ?? null).toBe(by ? by.revision : null);
        }
        // The wall is what replaying the history in order gives: one truth, whoever asks.
        let replay = emptyWallDoc();
        for (const h of doc.history) {
          const out = applyWallEdit(replay, { baseRevision: replay.revision, edit: h.edit, by: h.by, editId: h.editId }, h.at);
          expect(out.status).toBe('applied');
          replay = out.doc;
        }
        expect(replay.layout).toEqual(doc.layout);
        expect(replay.sources).toEqual(doc.sources);
        // Sources only ever sit in slots the wall has.
        for (const key of Object.keys(doc.sources)) expect(slotKeysOf(doc)).toContain(key);
      }),
    );
  });

  it('edits of different windows commute', () => {
    const place = (id: string, x: number): WallEdit => ({ kind: 'place', window: { id, x, y: 0, width: 100, height: 100, z: 0 } });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (xa, xb) => {
        const base = applyWallEdit(applyWallEdit(emptyWallDoc(), { baseRevision: 0, edit: place('w1', 0), by: consoles[0]!, editId: 'a0' }, 0).doc, { baseRevision: 1, edit: place('w2', 0), by: consoles[1]!, editId: 'b0' }, 0).doc;
        const a: EditRequest = { baseRevision: 2, edit: place('w1', xa), by: consoles[0]!, editId: 'a1' };
        const b: EditRequest = { baseRevision: 2, edit: place('w2', xb), by: consoles[1]!, editId: 'b1' };
        const ab = applyWallEdit(applyWallEdit(base, a, 1).doc, b, 2);
        const ba = applyWallEdit(applyWallEdit(base, b, 1).doc, a, 2);
        expect(ab.doc.layout.windows.toSorted((p, q) => p.id.localeCompare(q.id))).toEqual(ba.doc.layout.windows.toSorted((p, q) => p.id.localeCompare(q.id)));
        expect(ab.status === 'applied' && ab.overrode).toEqual([]);
      }),
    );
  });

  it('tells the console whose move was replaced, and who replaced it', () => {
    const move = (x: number): WallEdit => ({ kind: 'place', window: { id: 'w1', x, y: 0, width: 100, height: 100, z: 1 } });
    let doc = applyWallEdit(emptyWallDoc(), { baseRevision: 0, edit: move(0), by: consoles[0]!, editId: 'a' }, 0).doc;
    doc = applyWallEdit(doc, { baseRevision: 1, edit: move(500), by: consoles[0]!, editId: 'b' }, 1).doc;
    const out = applyWallEdit(doc, { baseRevision: 1, edit: move(900), by: consoles[1]!, editId: 'c' }, 2);
    expect(out.status).toBe('applied');
    if (out.status !== 'applied') return;
    expect(out.overrode.map((h) => [h.editId, h.by.operator])).toEqual([['b', '张伟']]);
    expect(out.doc.history[1]!.overriddenBy).toEqual({ revision: 3, by: consoles[1] });
    expect(out.doc.layout.windows[0]!.x).toBe(900);
  });

  it('refuses revisions it never made and bases older than its history', () => {
    const doc = emptyWallDoc();
    const req = (baseRevision: number): EditRequest => ({ baseRevision, edit: { kind: 'unsplit', monitor: { row: 0, column: 0 } }, by: consoles[0]!, editId: `x${baseRevision}` });
    expect(applyWallEdit(doc, req(3), 0)).toMatchObject({ status: 'refused', reason: 'future-revision' });
    let d = doc;
    for (let i = 0; i < 600; i++) d = applyWallEdit(d, { ...req(d.revision), editId: `n${i}` }, i).doc;
    expect(d.history).toHaveLength(500);
    expect(applyWallEdit(d, req(10), 0)).toMatchObject({ status: 'refused', reason: 'stale-beyond-history' });
    expect(applyWallEdit(d, { ...req(101), editId: 'ok' }, 0).status).toBe('applied');
  });

  it('a removed window takes its picture with it, and a concurrent show there is reported as overridden', () => {
    const [a, b] = consoles as [typeof consoles[0], typeof consoles[0]];
    let doc = applyWallEdit(emptyWallDoc(), { baseRevision: 0, edit: { kind: 'place', window: { id: 'w1', x: 0, y: 0, width: 100, height: 100, z: 1 } }, by: a, editId: 'p' }, 0).doc;
    doc = applyWallEdit(doc, { baseRevision: 1, edit: { kind: 'show', slot: { window: 'w1', cell: null }, source: { kind: 'incident', incidentId: 'inc-1' } }, by: a, editId: 's' }, 1).doc;
    const out = applyWallEdit(doc, { baseRevision: 1, edit: { kind: 'remove', windowId: 'w1' }, by: b, editId: 'r' }, 2);
    expect(out.status).toBe('applied');
    if (out.status !== 'applied') return;
    expect(out.doc.sources).toEqual({});
    expect(out.overrode.map((h) => h.editId)).toEqual(['s']);
    expect(applyWallEdit(out.doc, { baseRevision: 2, edit: { kind: 'show', slot: { window: 'w1', cell: null }, source: null }, by: a, editId: 'late' }, 3)).toMatchObject({ status: 'refused', reason: 'unknown-slot' });
  });

  it('recalling a preset replaces the wall and reports every concurrent change it replaced', () => {
    const [a, b] = consoles as [typeof consoles[0], typeof consoles[0]];
    let doc = applyWallEdit(emptyWallDoc(), { baseRevision: 0, edit: { kind: 'split', split: { id: 's1', monitor: { row: 0, column: 0 }, rows: 2, columns: 2 } }, by: a, editId: 'a1' }, 0).doc;
    doc = applyWallEdit(doc, { baseRevision: 1, edit: { kind: 'show', slot: { window: 's1', cell: { row: 1, column: 1 } }, source: { kind: 'camera', cameraId: 'c1', quality: 'sub' } }, by: a, editId: 'a2' }, 1).doc;
    const out = applyWallEdit(doc, { baseRevision: 0, edit: { kind: 'load', label: '夜班', layout: { splits: [], windows: [{ id: 'big', x: 0, y: 0, width: 500, height: 300, z: 1 }] }, sources: [{ slot: { window: 'big', cell: null }, source: { kind: 'map', center: { lat: 37.45, lon: 116.3 }, zoom: 12 } }, { slot: { window: 'gone', cell: null }, source: { kind: 'incident', incidentId: 'x' } }] }, by: b, editId: 'b1' }, 2);
    expect(out.status).toBe('applied');
    if (out.status !== 'applied') return;
    expect(out.overrode.map((h) => h.editId)).toEqual(['a1', 'a2']);
    expect(Object.keys(out.doc.sources)).toEqual(['big']);
  });
});
