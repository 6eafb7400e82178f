import { describe, expect, it } from 'vitest';
import { viewOfRole, windowRole } from './window-role';

describe('window role', () => {
  it('reads the role from the address, the console when there is none or it is unknown', () => {
    expect(windowRole('?role=map')).toBe('map');
    expect(windowRole('?role=wall-output&monitor=r1c2')).toBe('wall-output');
    expect(windowRole('')).toBe('console');
    expect(windowRole('?role=admin')).toBe('console');
  });

  it('opens each role window on its view', () => {
    expect([viewOfRole('console'), viewOfRole('map'), viewOfRole('video'), viewOfRole('wall')]).toEqual(['incidents', 'map', 'video', 'wall']);
  });
});
