// The wall as main owns it, and how edits from several consoles meet. Every edit carries the
// revision its console saw. Edits that touch different things (windows, monitors' splits, what a
// slot shows) simply both apply; edits that touch the same thing made concurrently both land
// too, in arrival order, so the later one shows — and the earlier stays in the history, marked as
// overridden and by whom, so its console is told and can put it back. Nothing a console sends is
// lost, nothing is applied twice.
import { z } from 'zod';
import { MonitorRefSchema, SplitSchema, WallLayoutSchema, WallWindowSchema, type WallLayout } from './wall-schema';
import { hasSlot, pruneSources, sameSource, slotKey, SlotRefSchema, SlotSourceSchema, WallSourceSchema, type WallSource } from './wall-sources';

/** A console is one window or browser client; `workstationId` names the console (edits from one never override each other). */
export const EditorSchema = z.object({ workstationId: z.string().min(1).max(64), operator: z.string().min(1).max(64) });
export type Editor = z.infer<typeof EditorSchema>;

export const WallEditSchema = z.discriminatedUnion('kind', [
  /** Adds a window, or moves / resizes one (its whole geometry; z is kept for a known window). */
  z.object({ kind: z.literal('place'), window: WallWindowSchema }),
  z.object({ kind: z.literal('remove'), windowId: z.string().min(1).max(128) }),
  /** Puts a window above every other. */
  z.object({ kind: z.literal('raise'), windowId: z.string().min(1).max(128) }),
  /** Splits a monitor (replacing its split, if any). */
  z.object({ kind: z.literal('split'), split: SplitSchema }),
  z.object({ kind: z.literal('unsplit'), monitor: MonitorRefSchema }),
  /** Shows a source in a slot; null empties it. */
  z.object({ kind: z.literal('show'), slot: SlotRefSchema, source: WallSourceSchema.nullable() }),
  /** Replaces the whole wall (a preset recalled): touches everything. */
  z.object({ kind: z.literal('load'), label: z.string().min(1).max(80), layout: WallLayoutSchema, sources: z.array(SlotSourceSchema).max(4096) }),
]);
export type WallEdit = z.infer<typeof WallEditSchema>;

export const EditRequestSchema = z.object({
  /** The revision the console's change was made on. */
  baseRevision: z.number().int().min(0),
  edit: WallEditSchema,
  by: EditorSchema,
  /** The console's own id for this edit: a repeat (after a lost answer) is recognised, not applied again. */
  editId: z.string().min(1).max(64),
});
export type EditRequest = z.infer<typeof EditRequestSchema>;

export type HistoryEntry = {
  revision: number;
  baseRevision: number;
  editId: string;
  edit: WallEdit;
  by: Editor;
  at: number;
  /** What the edit changed (see touchesOf); '*' for all. Concurrent edits sharing any conflict. */
  touches: readonly string[];
  /** A later, concurrent edit of the same target replaced this one. */
  overriddenBy: { revision: number; by: Editor } | null;
};

export type WallDoc = {
  revision: number;
  layout: WallLayout;
  /** slotKey → source; only slots the layout has. */
  sources: Readonly<Record<string, WallSource>>;
  history: readonly HistoryEntry[];
};

export type EditOutcome =
  | { status: 'applied'; doc: WallDoc; revision: number; overrode: readonly HistoryEntry[] }
  | { status: 'duplicate'; doc: WallDoc; revision: number }
  | { status: 'refused'; doc: WallDoc; reason: 'unknown-window' | 'unknown-slot' | 'stale-beyond-history' | 'future-revision' };

/** Entries kept; an edit based further back than this is refused, so no concurrency goes unseen. */
export const HISTORY_KEPT = 500;

export function emptyWallDoc(): WallDoc {
  return { revision: 0, layout: { splits: [], windows: [] }, sources: {}, history: [] };
}

/** What an edit is about: its window, monitor split or slot; '*' for the whole wall. */
export function targetOf(edit: WallEdit): string {
  switch (edit.kind) {
    case 'place':
      return `window:${edit.window.id}`;
    case 'remove':
    case 'raise':
      return `window:${edit.windowId}`;
    case 'split':
      return `split:${edit.split.monitor.row},${edit.split.monitor.column}`;
    case 'unsplit':
      return `split:${edit.monitor.row},${edit.monitor.column}`;
    case 'show':
      return `slot:${slotKey(edit.slot)}`;
    case 'load':
      return '*';
  }
}

/** The edit's target and every slot whose source it changed (a removed window takes its source with it). */
export function touchesOf(edit: WallEdit, before: WallDoc['sources'], after: WallDoc['sources']): string[] {
  const target = targetOf(edit);
  if (target === '*') return ['*'];
  const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !sameSource(before[k], after[k])).map((k) => `slot:${k}`);
  return [...new Set([target, ...changed])];
}

function conflict(a: readonly string[], b: readonly string[]): boolean {
  return a.includes('*') || b.includes('*') || a.some((t) => b.includes(t));
}

function applyToLayout(layout: WallLayout, edit: WallEdit): WallLayout | null {
  const windows = layout.windows;
  const topZ = windows.reduce((z, w) => Math.max(z, w.z), 0);
  switch (edit.kind) {
    case 'place': {
      const known = windows.find((w) => w.id === edit.window.id);
      const placed = { ...edit.window, z: known ? known.z : Math.max(edit.window.z, topZ + 1) };
      return { ...layout, windows: known ? windows.map((w) => (w.id === placed.id ? placed : w)) : [...windows, placed] };
    }
    case 'remove':
      return windows.some((w) => w.id === edit.windowId) ? { ...layout, windows: windows.filter((w) => w.id !== edit.windowId) } : null;
    case 'raise': {
      const w = windows.find((x) => x.id === edit.windowId);
      if (!w) return null;
      return w.z === topZ && windows.filter((x) => x.z === topZ).length === 1 ? layout : { ...layout, windows: windows.map((x) => (x.id === w.id ? { ...x, z: topZ + 1 } : x)) };
    }
    case 'split': {
      const m = edit.split.monitor;
      const others = layout.splits.filter((s) => s.monitor.row !== m.row || s.monitor.column !== m.column);
      return { ...layout, splits: [...others, edit.split] };
    }
    case 'unsplit':
      return { ...layout, splits: layout.splits.filter((s) => s.monitor.row !== edit.monitor.row || s.monitor.column !== edit.monitor.column) };
    case 'show':
    case 'load':
      return layout;
  }
}

function applyToSources(layout: WallLayout, sources: WallDoc['sources'], edit: WallEdit): Record<string, WallSource> | null {
  if (edit.kind === 'load') return pruneSources(layout, Object.fromEntries(edit.sources.map((s) => [slotKey(s.slot), s.source])));
  if (edit.kind !== 'show') return pruneSources(layout, sources);
  if (!hasSlot(layout, edit.slot)) return null;
  const key = slotKey(edit.slot);
  const out = Object.fromEntries(Object.entries(sources).filter(([k]) => k !== key));
  if (edit.source) out[key] = edit.source;
  return out;
}

/** Applies one console's edit to the wall. Pure: the same doc and request give the same outcome. */
export function applyWallEdit(doc: WallDoc, request: EditRequest, at: number): EditOutcome {
  const seen = doc.history.find((h) => h.editId === request.editId && h.by.workstationId === request.by.workstationId);
  if (seen) return { status: 'duplicate', doc, revision: seen.revision };
  if (request.baseRevision > doc.revision) return { status: 'refused', doc, reason: 'future-revision' };
  const oldest = doc.history[0]?.revision ?? doc.revision + 1;
  if (request.baseRevision < doc.revision && request.baseRevision + 1 < oldest) return { status: 'refused', doc, reason: 'stale-beyond-history' };
  const edit = request.edit;
  const layout = edit.kind === 'load' ? edit.layout : applyToLayout(doc.layout, edit);
  if (!layout) return { status: 'refused', doc, reason: 'unknown-window' };
  const sources = applyToSources(layout, doc.sources, edit);
  if (!sources) return { status: 'refused', doc, reason: 'unknown-slot' };
  const revision = doc.revision + 1;
  const touches = touchesOf(edit, doc.sources, sources);
  // Edits touching the same things that this console had not seen when it made its change.
  const overrode = doc.history.filter((h) => h.revision > request.baseRevision && h.overriddenBy === null && conflict(h.touches, touches) && h.by.workstationId !== request.by.workstationId);
  const marked = new Set(overrode.map((h) => h.revision));
  const history = [
    ...doc.history.map((h) => (marked.has(h.revision) ? { ...h, overriddenBy: { revision, by: request.by } } : h)),
    { revision, baseRevision: request.baseRevision, editId: request.editId, edit, by: request.by, at, touches, overriddenBy: null },
  ].slice(-HISTORY_KEPT);
  return { status: 'applied', doc: { revision, layout, sources, history }, revision, overrode: overrode.map((h) => ({ ...h, overriddenBy: { revision, by: request.by } })) };
}
