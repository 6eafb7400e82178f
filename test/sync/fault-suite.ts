// Shared by the fault-suite files (split so vitest runs them on two workers). Offline-first sync under faults: several workstations and the city simulator writing at once
// while the network drops, duplicates, delays and partitions, workstations are killed, the hub
// restarts and truncates its log, clocks are hours off. After healing, every action is on the
// hub exactly once (applied, or rejected with a reason the operator was shown), every database
// holds the same rows, and no cursor ever moved back. Seeds are recorded by fast-check: a
// failure prints the seed; replay with SYNC_SEED=<seed> SYNC_KIND=<kind>.
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScenario, scenarioDir, type FaultKind } from './harness';

const RUNS = Number(process.env.SYNC_RUNS ?? 200);
const ONLY = process.env.SYNC_KIND as FaultKind | undefined;
const SEED = process.env.SYNC_SEED ? Number(process.env.SYNC_SEED) : undefined;
const root = fs.mkdtempSync(path.join(fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'vigil-sync-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

export function describeFaults(kinds: readonly FaultKind[]): void {
  const totals: Record<string, { mutations: number; applied: number; rejected: number; resyncs: number; planSteps: number }> = {};
  describe('sync under faults', () => {
    for (const kind of kinds.filter((k) => !ONLY || k === ONLY)) {
      it(`${kind}: ${SEED === undefined ? RUNS : 1} seeds converge with every action on the hub exactly once`, async () => {
        const t = (totals[kind] = { mutations: 0, applied: 0, rejected: 0, resyncs: 0, planSteps: 0 });
        const run = async (seed: number) => {
          const dir = scenarioDir(root, kind, seed);
          try {
            const r = await runScenario({ kind, seed, dir });
            t.mutations += r.mutations;
            t.applied += r.applied;
            t.rejected += r.rejected;
            t.resyncs += r.resyncs;
            t.planSteps += r.planSteps;
          } finally {
            fs.rmSync(dir, { recursive: true, force: true });
          }
        };
        if (SEED !== undefined) await run(SEED);
        else await fc.assert(fc.asyncProperty(fc.integer({ min: 0, max: 0x7fffffff }), run), { numRuns: RUNS, endOnFailure: true });
        // The suite must have exercised something: actions uploaded, and for truncation, resyncs.
        expect(t.mutations).toBeGreaterThan(SEED === undefined ? RUNS : 0);
        if (kind === 'truncation' && SEED === undefined) expect(t.resyncs).toBeGreaterThan(0);
        if (SEED === undefined) expect(t.planSteps).toBeGreaterThan(0);
        console.log(`sync ${kind}: ${JSON.stringify(t)}`);
      }, 600_000);
    }
  });
}

/** Runs seeds until one fails; returns its message, or '' if none of 200 did. */
export async function findFailure(kind: FaultKind, sabotage: { noDedup?: boolean; cursorOutsideTransaction?: boolean }): Promise<string> {
  for (let seed = 1; seed <= 200; seed++) {
    const dir = scenarioDir(root, `sabotage-${kind}`, seed);
    try {
      await runScenario({ kind, seed, dir, sabotage });
    } catch (e) {
      return (e as Error).message;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return '';
}
