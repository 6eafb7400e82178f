import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkConfig } from '../../build/packaging/config-check';
import { encodeIco } from '../../build/packaging/images';
import { useTempDirs } from '../support/temp';
import { CONFIG, editConfig, makeBuiltTree } from './built-tree';

const tempDir = useTempDirs();

async function problemsWith(change: (dir: string) => void): Promise<string[]> {
  const dir = makeBuiltTree(tempDir());
  change(dir);
  return (await checkConfig(dir, CONFIG)).problems;
}

describe('packaging dry run: the configuration', () => {
  it('passes as committed, against a built tree', async () => {
    expect(await problemsWith(() => undefined)).toEqual([]);
  });

  it("refuses what electron-builder's schema refuses, quoting the option", async () => {
    const problems = await problemsWith((d) => editConfig(d, '  perMachine: true', '  perMachin: true'));
    expect(problems[0]).toMatch(/is not a valid electron-builder configuration/);
    expect(problems.slice(1)).toEqual(['build/electron-builder.yml: electron-builder has no option nsis.perMachin (misspelt, or in the wrong section?).']);
  });

  it('refuses a fuse set against the policy, and a fuse left unstated', async () => {
    const problems = await problemsWith((d) => {
      editConfig(d, 'runAsNode: false', 'runAsNode: true');
      editConfig(d, '  grantFileProtocolExtraPrivileges: false\n', '');
    });
    expect(problems).toEqual([
      'electronFuses.runAsNode is true, the policy requires false (docs/install.md, "Electron fuses").',
      'electronFuses.grantFileProtocolExtraPrivileges is not stated: every fuse is set explicitly (to false).',
    ]);
  });

  it('refuses native code left inside the asar', async () => {
    const problems = await problemsWith((d) => editConfig(d, 'asarUnpack:\n  - native/build/Release/vigil_native.node\n', 'asarUnpack:\n'));
    expect(problems).toEqual([
      'native/build/Release/vigil_native.node is native code and must be listed in asarUnpack (linux): it cannot be loaded from inside app.asar.',
      'native/build/Release/vigil_native.node is native code and must be listed in asarUnpack (win): it cannot be loaded from inside app.asar.',
    ]);
  });

  it('refuses sources in the package and a platform files list that would pack everything', async () => {
    const problems = await problemsWith((d) => {
      fs.mkdirSync(path.join(d, 'electron/main'), { recursive: true });
      fs.writeFileSync(path.join(d, 'electron/main/main.ts'), '');
      editConfig(d, '  - dist/renderer/**\n', '  - dist/renderer/**\n  - electron/**\n');
      editConfig(d, 'linux:\n', 'linux:\n  files:\n    - "!**/*.md"\n');
    });
    expect(problems).toContain('linux.files is set: keep every pattern in the top-level files list (a platform list replaces it as the main one and can pack the whole repository).');
    expect(problems).toContain('files: electron/main/main.ts would be packed, but sources, tests and source maps stay out of the package.');
  });

  it('refuses a pattern that finds nothing, and build output that is missing', async () => {
    const problems = await problemsWith((d) => fs.rmSync(path.join(d, 'dist/electron/preload.cjs')));
    expect(problems).toEqual([
      'files: "dist/electron/preload.cjs" matches nothing in the built tree (run npm run build and npm run build:native first, or fix the pattern).',
      'dist/electron/preload.cjs does not exist: build it before packaging.',
    ]);
  });

  it('refuses icons of the wrong size, an ICO without the Windows sizes, and icons older than the logo', async () => {
    const problems = await problemsWith((d) => {
      const icons = path.join(d, 'resources/desktop-icons');
      fs.copyFileSync(path.join(icons, '256x256.png'), path.join(icons, '512x512.png'));
      const png = fs.readFileSync(path.join(icons, '16x16.png'));
      fs.writeFileSync(path.join(icons, 'vigil.ico'), encodeIco([{ size: 16, rgba: Buffer.alloc(16 * 16 * 4), png }]));
      fs.appendFileSync(path.join(d, 'resources/icons/vigil.svg'), '<!-- changed -->\n');
    });
    expect(problems).toEqual([
      'linux.icon: resources/desktop-icons/512x512.png is 256x256, not 512x512.',
      'win.icon: resources/desktop-icons/vigil.ico lacks the 32-bit 24, 32, 48, 64, 128, 256 px images (run npm run icons).',
      'resources/icons/vigil.svg changed since the desktop icons were made: run npm run icons.',
    ]);
  });

  it('refuses a deb that does not pull in the libraries the native module links, and a single-user installer', async () => {
    const problems = await problemsWith((d) => {
      editConfig(d, '    - libavcodec59\n', '');
      editConfig(d, '  perMachine: true', '  perMachine: false');
      editConfig(d, '    - zh_CN\n', '');
    });
    expect(problems).toEqual([
      'nsis.perMachine must be true: Vigil is installed once for every operator of the workstation.',
      'nsis.installerLanguages lacks zh_CN.',
      'deb.depends lacks libavcodec: the native module links it dynamically (native/decoder.gypi), so the deb must pull it in.',
    ]);
  });

  it('refuses an output folder git would pick up', async () => {
    const problems = await problemsWith((d) => editConfig(d, 'output: release', 'output: packages'));
    expect(problems).toEqual(['directories.output "packages" is not in .gitignore: packages must not be committed.']);
  });
});
