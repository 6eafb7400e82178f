// The service half of the wall benchmark: what one console's edit costs end to end on a busy
// wall — the edit rule, the native layout engine, writing the whole wall to a real SQLite file
// (with its audit row) and validating the `wall.state` event every window receives — against the
// engine's layout alone on the same layout in the same run (the ratio says what the rest costs).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { EventBus } from '../../electron/services/api/event-bus';
import { createLogger } from '../../electron/services/log/logger';
import type { NativeModule } from '../../electron/services/native/addon';
import { wallLayoutEngine } from '../../electron/services/native/wall-layout';
import { Store } from '../../electron/services/store/store';
import { WallService } from '../../electron/services/wall/wall-service';
import { busyLayout, type LayoutSizes } from './layout';
import { summarize, type Summary } from './timing';

export type ServiceFigures = {
  edits: number;
  /** Bytes of the stored wall (model, layout, sources, history) after the run. */
  storedBytes: number;
  editMs: Summary;
  engineMs: Summary;
  editOverEngineP50: number;
};

const actor = { operatorId: 'bench', operatorName: '基准', workstationId: 'bench-ws' };

export async function measureService(native: NativeModule, workerPath: string, sizes: LayoutSizes, edits: number): Promise<ServiceFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-wall-bench-'));
  const store = await Store.start(workerPath, path.join(dir, 'vigil.db'));
  await store.call('registerOperator', { actor });
  const bus = new EventBus();
  bus.subscribe(() => undefined); // one window listening, as in a console
  const engine = wallLayoutEngine(native);
  const wall = await WallService.start({ store, bus, log: createLogger({ dir: path.join(dir, 'logs'), stderr: false }), actor, engine, tickMs: 60_000 });
  try {
    const { wall: model, layout } = busyLayout(sizes);
    await wall.setModel('bench', model);
    const base = wall.state();
    const loaded = await wall.edit('bench', { baseRevision: base.revision, editId: 'load', edit: { kind: 'load', label: 'bench', layout, sources: [] } });
    if (loaded.status !== 'applied') throw new Error(`bench layout refused: ${JSON.stringify(loaded.refusal)}`);
    const editSamples: number[] = [];
    const engineSamples: number[] = [];
    const w0 = layout.windows[0]!;
    for (let i = 0; i < edits; i++) {
      // One window dragged a little each time, as a console sends while the operator drags.
      const moved = { ...w0, x: w0.x + (i % 50) };
      const t0 = performance.now();
      const answer = await wall.edit('bench', { baseRevision: wall.state().revision, editId: `e${i}`, edit: { kind: 'place', window: moved } });
      editSamples.push(performance.now() - t0);
      if (answer.status !== 'applied') throw new Error(`edit ${i} ${answer.status}`);
      const current = wall.state();
      const t1 = performance.now();
      engine.compute(current.model, current.layout);
      engineSamples.push(performance.now() - t1);
    }
    const stored = JSON.stringify(await store.call('getWall', { workstationId: actor.workstationId }));
    const editMs = summarize(editSamples), engineMs = summarize(engineSamples);
    return { edits, storedBytes: Buffer.byteLength(stored), editMs, engineMs, editOverEngineP50: Math.round((editMs.p50 / engineMs.p50) * 100) / 100 };
  } finally {
    wall.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
