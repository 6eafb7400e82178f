// A suite that cannot fail proves nothing: break sync on purpose and the fault suite must go red.
import { describe, expect, it } from 'vitest';
import { findFailure } from './fault-suite';

describe('sabotage: the fault suite notices a broken sync', () => {
  it('fails when the hub stops de-duplicating', async () => {
    await expect(findFailure('dropped-acks', { noDedup: true })).resolves.toMatch(/results on the hub|applied more than once|applied twice/);
  }, 300_000);

  it('fails when the cursor is committed outside the data transaction', async () => {
    await expect(findFailure('kills', { cursorOutsideTransaction: true })).resolves.toMatch(/differs from the hub|did not converge|workstation sync failed/);
  }, 300_000);
});
