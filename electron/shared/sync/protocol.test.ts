import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChangesNotice, ChangesPage, Hello, Item, Mutation, PushRequest, PushResult, SnapshotPage } from './protocol';

const schemas = { Hello, Item, Mutation, PushRequest, PushResult, SnapshotPage, ChangesPage, ChangesNotice };

const camera = { id: 'cam-1', name: '东方红路三八路口 东向', location: { lat: 37.45, lon: 116.31 }, headingDeg: 90, fovDeg: 60, rangeM: 150, mainUrl: null, subUrl: null, codec: 'h264', ptz: false, department: '交警支队', district: '德城区', online: true, updatedAt: 1, rowVersion: 1 };

describe('sync protocol schemas (every message from the network passes one)', () => {
  it('never throw on arbitrary input: they answer yes or no', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(...Object.values(schemas)), (value, schema) => {
        expect(() => schema.safeParse(value)).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });

  it('tell a camera upsert from a camera delete, and refuse a delete that carries a row', () => {
    expect(Item.parse({ entity: 'video_point', op: 'upsert', row: camera })).toMatchObject({ op: 'upsert' });
    expect(Item.parse({ entity: 'video_point', op: 'delete', row: { id: 'cam-1' } })).toEqual({ entity: 'video_point', op: 'delete', row: { id: 'cam-1' } });
    expect(Item.safeParse({ entity: 'video_point', op: 'delete', row: camera }).success).toBe(false);
    expect(Item.safeParse({ entity: 'incident', op: 'delete', row: { id: 'x' } }).success).toBe(false);
  });

  it('refuse a change with a sequence below 1, extra fields, or an unknown entity', () => {
    const change = { seq: 1, entity: 'video_point', op: 'delete', row: { id: 'cam-1' } };
    const page = (changes: unknown[]) => ({ kind: 'changes', stream: 'video_points', head: 1, changes });
    expect(ChangesPage.safeParse(page([change])).success).toBe(true);
    expect(ChangesPage.safeParse(page([{ ...change, seq: 0 }])).success).toBe(false);
    expect(ChangesPage.safeParse(page([{ ...change, extra: 1 }])).success).toBe(false);
    expect(ChangesPage.safeParse(page([{ ...change, entity: 'drone' }])).success).toBe(false);
  });

  it('bound what one message may carry', () => {
    const m = { n: 1, id: 'm', schema: 1, at: 1, actor: { operatorId: 'o', operatorName: '张伟', workstationId: 'w' }, op: { kind: 'incident.note', incidentId: 'i', text: '到场' } };
    expect(PushRequest.safeParse({ clientNow: 1, mutations: Array.from({ length: 100 }, (_, i) => ({ ...m, n: i + 1 })) }).success).toBe(true);
    expect(PushRequest.safeParse({ clientNow: 1, mutations: Array.from({ length: 101 }, (_, i) => ({ ...m, n: i + 1 })) }).success).toBe(false);
    expect(PushRequest.safeParse({ clientNow: 1, mutations: [] }).success).toBe(false);
    expect(Mutation.safeParse({ ...m, op: { ...m.op, text: 'x'.repeat(2001) } }).success).toBe(false);
    expect(Mutation.safeParse({ ...m, op: { ...m.op, text: '   ' } }).success).toBe(false);
  });
});
