import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { signInAs } from '../../../test/support/sign-in';
import { startTestRuntime } from '../../../test/support/runtime';
import { useTempDirs } from '../../../test/support/temp';
import { METHODS } from '../../shared/contract/requests';
import type { Runtime } from '../runtime/runtime';
import { dispatch } from './dispatch';

const tempDir = useTempDirs('all');
let rt: Runtime;
const opened: [string, string | undefined][] = [];
beforeAll(async () => {
  rt = await startTestRuntime(tempDir(), {}, opened);
  // The embedded hub's first download must be in before counting what is stored: rows it brings
  // later would look like changes made by the messages under test.
  await vi.waitFor(async () => {
    const hub = (await rt.handlers['session.get']({}, { connection: 'test' })).hub;
    if (hub.lastSyncAt === null || hub.bootstrap !== null) throw new Error('first download not finished');
  }, { timeout: 20_000, interval: 50 });
  await signInAs(rt, 'supervisor');
});
afterAll(() => rt.close());

const send = (raw: unknown) => dispatch(raw, rt.handlers, rt.log, 'test', 'test', rt.gate);

describe('dispatch: the boundary every renderer message crosses', () => {
  it('answers a valid request with the handler\'s result', async () => {
    const created = await send(JSON.stringify({ kind: 'request', id: 6, method: 'incidents.create', params: { type: 'fire', priority: 1, location: { lat: 37.43, lon: 116.36 }, address: '新湖大街 58 号' } }));
    expect(created).toMatchObject({ kind: 'response', id: 6, ok: true, result: { type: 'fire', status: 'new' } });
    const reply = await send(JSON.stringify({ kind: 'request', id: 7, method: 'incidents.list', params: { limit: 3 } }));
    expect(reply).toMatchObject({ kind: 'response', id: 7, ok: true });
    const ids = (reply as { result: { id: string }[] }).result.map((i) => i.id);
    expect(ids.length).toBeGreaterThanOrEqual(1);
    expect(ids.length).toBeLessThanOrEqual(3);
    expect(ids).toContain((created as { result: { id: string } }).result.id);
  });

  it('refuses broken JSON, unknown methods and invalid params with a clear code', async () => {
    expect(await send('{"kind":"request",')).toMatchObject({ ok: false, id: null, error: { code: 'bad-request' } });
    expect(await send({ kind: 'request', id: 1, method: 'db.exec', params: {} })).toMatchObject({ ok: false, id: 1, error: { code: 'unknown-method' } });
    expect(await send({ kind: 'request', id: 2, method: 'incidents.create', params: { type: 'fire', priority: 99 } })).toMatchObject({
      ok: false,
      id: 2,
      error: { code: 'bad-request', message: expect.stringMatching(/invalid params for incidents\.create/) },
    });
    expect(await send({ kind: 'request', id: 3, method: 'incidents.list', params: { limit: 10, sql: 'DROP TABLE incidents' } })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(await send({ kind: 'request', id: 4, method: '__proto__', params: {} })).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(await send('x'.repeat(2 * 1024 * 1024))).toMatchObject({ ok: false, error: { code: 'bad-request', message: 'message too large' } });
  });

  it('never throws and never changes what is stored, whatever arrives', async () => {
    const before = await rt.store.call('counts');
    const anyRequest = fc.record({
      kind: fc.oneof(fc.constant('request'), fc.string()),
      id: fc.oneof(fc.nat(), fc.integer(), fc.double(), fc.string(), fc.constant(null)),
      method: fc.oneof(fc.constantFrom(...METHODS.filter((m) => m !== 'incidents.create' && m !== 'workspace.setLanguage' && m !== 'store.recover')), fc.string()),
      params: fc.anything(),
    });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.json(), fc.anything(), anyRequest), async (raw) => {
        const reply = await send(raw);
        expect(reply.kind).toBe('response');
        if (!reply.ok) expect(['bad-request', 'unknown-method', 'internal', 'store-unavailable']).toContain(reply.error.code);
      }),
      { numRuns: 400 },
    );
    expect(await rt.store.call('counts')).toEqual(before);
  });

  it('refuses a create whose every field is malformed, and stores nothing', async () => {
    const before = await rt.store.call('counts');
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          type: fc.string(),
          priority: fc.oneof(fc.integer({ min: 5 }), fc.integer({ max: 0 }), fc.double()),
          location: fc.record({ lat: fc.double({ min: 91, noNaN: true }), lon: fc.double() }),
          address: fc.string(),
        }),
        async (params) => {
          const reply = await send({ kind: 'request', id: 1, method: 'incidents.create', params });
          expect(reply).toMatchObject({ ok: false, error: { code: 'bad-request' } });
        },
      ),
      { numRuns: 200 },
    );
    expect(await rt.store.call('counts')).toEqual(before);
  });

  it('opens a wall output on the monitor asked for, and refuses a monitor for any other window', async () => {
    expect(await send({ kind: 'request', id: 40, method: 'windows.open', params: { role: 'wall-output', monitor: 'r1c2' } })).toMatchObject({ ok: true });
    expect(await send({ kind: 'request', id: 41, method: 'windows.open', params: { role: 'wall-output' } })).toMatchObject({ ok: true });
    expect(await send({ kind: 'request', id: 42, method: 'windows.open', params: { role: 'map', monitor: 'r1c2' } })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/only a wall-output window shows a monitor/) } });
    expect(await send({ kind: 'request', id: 43, method: 'windows.open', params: { role: 'wall-output', monitor: 'r1c2; rm -rf' } })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(opened).toEqual([['wall-output', 'r1c2'], ['wall-output', undefined]]);
  });
});
