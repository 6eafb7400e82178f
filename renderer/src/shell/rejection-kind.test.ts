import { describe, expect, it } from 'vitest';
import { rejectionKindKey } from './rejection-kind';

describe('rejection kinds', () => {
  it('names each sync operation the operator can have refused', () => {
    expect(rejectionKindKey('incident.create')).toBe('create');
    expect(rejectionKindKey('incident.status')).toBe('status');
    expect(rejectionKindKey('incident.release')).toBe('release');
    expect(rejectionKindKey('drone.update')).toBe('droneUpdate');
  });

  it('still shows a kind this version does not know, as a generic action', () => {
    expect(rejectionKindKey('incident.merge')).toBe('other');
    expect(rejectionKindKey('constructor')).toBe('other');
  });
});
