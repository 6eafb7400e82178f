import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBuilderConfig, unknownOptions } from '../../build/packaging/config-check';
import { FUSE_POLICY, FUSE_SENTINEL, readFuseWire } from '../../build/packaging/fuse-policy';
import { writeStandInElectron } from '../../build/packaging/stand-in-pack';
import { useTempDirs } from '../support/temp';

const tempDir = useTempDirs();
const repo = path.resolve(import.meta.dirname, '../..');

describe('fuses', () => {
  it("the stand-in Electron carries Electron's default fuse wire, where @electron/fuses finds it", () => {
    const dir = tempDir();
    writeStandInElectron(dir, '45.4.1');
    const binary = fs.readFileSync(path.join(dir, 'electron'));
    expect(binary.indexOf(FUSE_SENTINEL)).toBe(binary.lastIndexOf(FUSE_SENTINEL));
    // RunAsNode, NodeOptions, NodeCliInspect, GrantFileProtocolExtraPrivileges and WasmTrapHandlers on.
    expect(readFuseWire(binary)).toBe('101100011');
  });

  it('refuses a binary without a fuse wire', () => {
    expect(() => readFuseWire(Buffer.from('ELF'))).toThrow(/no fuse wire/);
  });

  it('the committed configuration states each fuse as the policy says, and only options electron-builder knows', async () => {
    const { config } = await loadBuilderConfig(repo, 'build/electron-builder.yml');
    expect(config.electronFuses).toEqual(FUSE_POLICY);
    expect(unknownOptions(config)).toEqual([]);
    expect(unknownOptions({ ...config, nsis: { ...config.nsis, perMachin: true } })).toEqual(['nsis.perMachin']);
  });
});
