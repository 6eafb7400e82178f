import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test/support/temp';
import { HubStore } from './hub-store';

const tempDir = useTempDirs();
let store: HubStore | null = null;
afterEach(() => {
  store?.close();
  store = null;
});

function open() {
  let now = 1_000_000;
  store = new HubStore(path.join(tempDir(), 'hub.db'), { now: () => now }, {}, { tokenTtlMs: 60_000 });
  return { ops: store.operators, db: store.db, advance: (ms: number) => (now += ms) };
}

describe('hub operators', () => {
  it('keeps only hashes of passwords and tokens, and binds a token to the workstation it was issued to', async () => {
    const { ops, db } = open();
    await ops.setOperator({ username: 'duty', name: '王芳', role: 'supervisor', password: 'correct horse' });
    const answer = await ops.signIn('ws-1', 'duty', 'correct horse');
    if (!answer.ok) throw new Error('sign-in refused');
    expect(answer.operator).toEqual({ id: expect.stringMatching(/^op-/), username: 'duty', name: '王芳', role: 'supervisor' });
    const dump = JSON.stringify([db.prepare('SELECT * FROM operators').all(), db.prepare('SELECT * FROM operator_tokens').all()]);
    expect(dump).not.toContain('correct horse');
    expect(dump).not.toContain(answer.token);
    expect(ops.checkToken('ws-1', answer.token)).toEqual({ ok: true, expiresAt: answer.expiresAt });
    expect(ops.checkToken('ws-2', answer.token)).toEqual({ ok: false, reason: 'unknown' });
  });

  it('answers a wrong password and an unknown name alike, refuses a disabled account, and lets tokens run out', async () => {
    const { ops, advance } = open();
    await ops.setOperator({ username: 'duty', name: '王芳', role: 'operator', password: 'correct horse' });
    expect(await ops.signIn('ws-1', 'duty', 'wrong')).toEqual({ ok: false, reason: 'bad-credentials' });
    expect(await ops.signIn('ws-1', 'nobody', 'wrong')).toEqual({ ok: false, reason: 'bad-credentials' });
    const answer = await ops.signIn('ws-1', 'duty', 'correct horse');
    if (!answer.ok) throw new Error('sign-in refused');
    advance(60_000);
    expect(ops.checkToken('ws-1', answer.token)).toEqual({ ok: false, reason: 'expired' });
    ops.setDisabled('duty', true);
    expect(await ops.signIn('ws-1', 'duty', 'correct horse')).toEqual({ ok: false, reason: 'disabled' });
    expect(ops.checkToken('ws-1', answer.token)).toEqual({ ok: false, reason: 'revoked' });
  });

  it('creates demo accounts only when missing, so a changed password survives a restart', async () => {
    const { ops } = open();
    await ops.ensureOperator({ username: 'viewer', name: '赵敏', role: 'viewer', password: 'vigil-viewer' });
    await ops.setOperator({ username: 'viewer', name: '赵敏', role: 'viewer', password: 'changed-at-the-hub' });
    await ops.ensureOperator({ username: 'viewer', name: '赵敏', role: 'viewer', password: 'vigil-viewer' });
    expect(await ops.signIn('ws-1', 'viewer', 'vigil-viewer')).toEqual({ ok: false, reason: 'bad-credentials' });
    expect(await ops.signIn('ws-1', 'viewer', 'changed-at-the-hub')).toMatchObject({ ok: true });
  });
});
