import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNative, NATIVE_INTERFACE_VERSION } from './addon';

const root = path.resolve(import.meta.dirname, '../../..');

describe('native module (Node-API)', () => {
  it('is built from source and loads in this Node, reporting its interface', () => {
    const info = loadNative(root).info();
    expect(info).toMatchObject({ name: 'vigil_native', interfaceVersion: NATIVE_INTERFACE_VERSION, napiVersion: 8 });
    // Node-API is ABI-stable: the runtime offers at least the version the module was built for.
    expect(info.runtimeNapiVersion).toBeGreaterThanOrEqual(info.napiVersion);
  });
});
