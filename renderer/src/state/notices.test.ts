import { describe, expect, it } from 'vitest';
import { MAX_NOTICES, withNotice, type Notice } from './notices';

const failed = (code: 'conflict' | 'internal' | 'not-found'): Notice => ({ kind: 'action-failed', action: 'setStatus', code });

describe('notices', () => {
  it('adds the newest last and keeps only the newest few', () => {
    let list = withNotice([], failed('conflict'), 1);
    for (let id = 2; id <= MAX_NOTICES + 2; id++) list = withNotice(list, { kind: 'recover-failed', message: `m${id}` }, id);
    expect(list).toHaveLength(MAX_NOTICES);
    expect(list.at(-1)).toEqual({ id: MAX_NOTICES + 2, notice: { kind: 'recover-failed', message: `m${MAX_NOTICES + 2}` } });
    expect(list.some((n) => n.notice.kind === 'action-failed')).toBe(false);
  });

  it('moves a repeated message to the end instead of showing it twice', () => {
    const list = withNotice(withNotice(withNotice([], failed('conflict'), 1), failed('internal'), 2), failed('conflict'), 3);
    expect(list).toEqual([
      { id: 2, notice: failed('internal') },
      { id: 3, notice: failed('conflict') },
    ]);
  });
});
